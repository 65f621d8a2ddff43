package org.jinlin.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jinlin.app.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.util.Map;

/**
 * HTTP Basic on the API, users from the database, and every {@code /api/**} request decided by
 * {@link AccessRules}. Refusals are problem details like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(properties.bcryptStrength());
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"jinlin\", charset=\"UTF-8\"");
            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                                                       "未登录 Unauthenticated",
                                                       "valid credentials are required (HTTP Basic)"));
        };
        AccessDeniedHandler refused = (request, response, denied) ->
                Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权限 Forbidden",
                                                           "your role does not allow " + request.getMethod() + " "
                                                           + request.getRequestURI()));
        http.securityMatcher("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
            .authorizeHttpRequests(authorize -> {
                for (AccessRules.Rule rule : AccessRules.RULES) {
                    authorize.requestMatchers(rule.matcher()).hasAnyRole(AccessRules.authorities(rule.roles()));
                }
                authorize.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                         .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                         .permitAll()
                         .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                         .anyRequest().denyAll();
            })
            .httpBasic(basic -> basic.realmName("jinlin").authenticationEntryPoint(unauthenticated))
            .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                                               .accessDeniedHandler(refused))
            // A stateless API authenticated on every request: no session cookie, hence no CSRF exposure.
            .csrf(csrf -> csrf.disable())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
