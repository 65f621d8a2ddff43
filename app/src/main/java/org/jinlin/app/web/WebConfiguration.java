package org.jinlin.app.web;

import org.jinlin.app.audit.AccessLog;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final AccessLog accessLog;

    WebConfiguration(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(accessLog).addPathPatterns(AccessLog.INTERCEPTED);
    }
}
