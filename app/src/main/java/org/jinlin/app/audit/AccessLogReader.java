package org.jinlin.app.audit;

import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.Check;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the access log for auditors, newest first, by user and time: the API's and the audit pages' one query. */
@Component
public class AccessLogReader {

    private final JdbcTemplate jdbc;

    public AccessLogReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Access(long id, Instant at, String username, String roles, String method, String path, String query,
                         int status, String remoteAddress, String correlationId) {
    }

    public record AccessPage(List<Access> items, int page, int size, long total) {
    }

    /** {@code from} and {@code to} as {@link AsOf} reads them (an instant, or a date meaning its end in CST). */
    public AccessPage read(String user, String from, String to, int page, int size) {
        Check.fields()
             .that(page >= 0, "page", "must be 0 or more")
             .that(size >= 1 && size <= 500, "size", "must be between 1 and 500")
             .orThrow();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (user != null && !user.isBlank()) {
            where.append(" and username = ?");
            args.add(user.trim());
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
