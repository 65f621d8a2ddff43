package org.jinlin.app.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import static org.springframework.http.HttpMethod.GET;

/**
 * The web pages: form login with a session, CSRF protection on every form, logout, and each page open to the roles
 * of the API operation it uses ({@link PageRules}). The same users, passwords and lock-out as the API; the API's
 * own chain (HTTP Basic, stateless) comes first and is not touched by this one.
 */
@Configuration(proxyBeanMethods = false)
public class PageSecurityConfiguration {

    public static final String LOGIN = "/login";

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        SimpleUrlAuthenticationFailureHandler badCredentials = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
        SimpleUrlAuthenticationFailureHandler locked = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?locked");
        AuthenticationFailureHandler failed = (request, response, failure) -> {
            if (failure instanceof LockedException) {
                locked.onAuthenticationFailure(request, response, failure);
            } else {
                badCredentials.onAuthenticationFailure(request, response, failure);
            }
        };
        http.authorizeHttpRequests(authorize -> {
                authorize.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                         .requestMatchers(GET, LOGIN).permitAll()
                         .requestMatchers("/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                         .requestMatchers("/error").permitAll()
                         .requestMatchers(GET, "/").authenticated();
                for (PageRules.Rule rule : PageRules.RULES) {
                    authorize.requestMatchers(rule.matcher()).hasAnyRole(PageRules.names(rule.roles()));
                }
                // A page nobody declared is closed, as an undeclared API path is.
                authorize.anyRequest().denyAll();
            })
            .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/", true).failureHandler(failed).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?logout"))
            .exceptionHandling(errors -> errors.accessDeniedPage("/denied"))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                    SecurityConfiguration.CONTENT_SECURITY_POLICY)));
        // CSRF protection and the session stay on, as Spring Security sets them up by default.
        return http.build();
    }
}
