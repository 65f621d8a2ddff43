package org.jinlin.app.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.Check;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "审计 Audit")
class AccessLogController {

    private final JdbcTemplate jdbc;

    AccessLogController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Access(long id, Instant at, String username, String roles, String method, String path, String query,
                  int status, String remoteAddress, String correlationId) {
    }

    record AccessPage(List<Access> items, int page, int size, long total) {
    }

    @GetMapping("/api/audit/access-log")
    @Operation(summary = "访问日志 Who read which case, stream, roster or export, when and from where; newest first")
    AccessPage accessLog(@RequestParam(required = false) String user, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "50") int size) {
        Check.fields()
             .that(page >= 0, "page", "must be 0 or more")
             .that(size >= 1 && size <= 500, "size", "must be between 1 and 500")
             .orThrow();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (user != null && !user.isBlank()) {
            where.append(" and username = ?");
            args.add(user);
        }
        Instant since = AsOf.parse(from);
        if (since != null) {
            where.append(" and at >= ?");
            args.add(Timestamp.from(since));
        }
        Instant until = AsOf.parse(to);
        if (until != null) {
            where.append(" and at <= ?");
            args.add(Timestamp.from(until));
        }
        Long total = jdbc.queryForObject("select count(*) from access_log" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add((long) page * size);
        paged.add(size);
        List<Access> items = jdbc.query(
                "select id, at, username, roles, method, path, query, status, remote_address, correlation_id"
                + " from access_log" + where + " order by id desc offset ? rows fetch next ? rows only",
                (rs, n) -> new Access(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                                      rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                                      rs.getString(9), rs.getString(10)),
                paged.toArray());
        return new AccessPage(items, page, size, total == null ? 0 : total);
    }
}
