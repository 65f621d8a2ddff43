package org.jinlin.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinlin.app.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Records every read of personal records and audit views — cases, households, streams, rosters and their CSV
 * exports — with who read it, when, from where and with what answer. Auditors read the log; nobody can change
 * it through the API.
 */
@Component
public class AccessLog implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);
    /** The reads that are logged. */
    static final List<String> LOGGED = List.of("/api/disputes/**", "/api/households/**", "/api/rosters/**",
                                               "/api/audit/**", "/api/admin/users/**", "/api/admin/users",
                                               // the web pages that show the same: the work queue and cases,
                                               // households, the dashboard's roster counts and exports, audit
                                               "/workbench", "/disputes/**", "/registry/households/**",
                                               "/dashboard", "/dashboard/**", "/audit", "/audit/**");

    /** The paths the interceptor is registered on: the API and the pages above. */
    public static final List<String> INTERCEPTED = List.of("/api/**", "/workbench", "/disputes/**",
                                                           "/registry/households/**", "/dashboard", "/dashboard/**",
                                                           "/audit", "/audit/**");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AntPathMatcher paths = new AntPathMatcher();

    public AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String path = request.getRequestURI();
        if (LOGGED.stream().noneMatch(pattern -> paths.match(pattern, path))) {
            return;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated()) {
            return;
        }
        String roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                          .map(a -> a.replaceFirst("^ROLE_", "")).sorted().collect(Collectors.joining(","));
        try {
            jdbc.update("insert into access_log (at, username, roles, method, path, query, status, remote_address, "
                        + "correlation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        Timestamp.from(clock.instant()), who.getName(), roles, request.getMethod(),
                        truncate(path, 500), truncate(request.getQueryString(), 1000), response.getStatus(),
                        truncate(request.getRemoteAddr(), 64),
                        truncate((String) request.getAttribute(CorrelationIdFilter.ATTRIBUTE), 64));
        } catch (RuntimeException e) {
            log.error("Could not record a read of {} in the access log", path, e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
