package org.jinlin.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jinlin.app.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.LockedException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
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

    /** Everything from this service itself (the pages' scripts come from webjars served here): no CDN, no frames. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
                                                  + "style-src 'self' 'unsafe-inline'; "
                                                  + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(properties.bcryptStrength());
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
    }

    /** Users from the database, with locked users refused before their password is checked. */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwords,
                                                     LoginAttempts attempts) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {
            attempts.check(user);
            new AccountStatusUserDetailsChecker().check(user);
        });
        return provider;
    }

    /** The API's chain comes first; the web pages' chain ({@link PageSecurityConfiguration}) takes the rest. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, failure) -> {
            if (failure instanceof AuthenticationServiceException) {
                // The users could not be read (the database is out of reach): not the client's fault.
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                Problems.write(response, json, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                                                           "暂时不可用 Temporarily unavailable",
                                                           "the database cannot be reached; nothing was stored, retry shortly"));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"jinlin\", charset=\"UTF-8\"");
            String detail = failure instanceof LockedException
                    ? "this user is locked for a while after repeated failed logins"
                    : "valid credentials are required (HTTP Basic)";
            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated",
                                                       "未登录 Unauthenticated", detail));
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
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
            .csrf(csrf -> csrf.disable())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
