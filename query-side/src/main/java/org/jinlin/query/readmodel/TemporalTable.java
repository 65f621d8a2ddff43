package org.jinlin.query.readmodel;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A read-model table that keeps every version of a row: each version is valid from the time of the event that
 * produced it ({@code valid_from}) until the event that replaced or removed it ({@code valid_to}, null while
 * current). The current answer reads the rows with {@code valid_to is null}; the answer as of an instant reads
 * the versions valid at that instant, with the same indexes and about the same cost.
 * <p>
 * Every row also carries the {@code generation} of the projection that wrote it, so a rebuild can write a new
 * generation while queries keep reading the old one (see {@link Generations}).
 * <p>
 * Columns every temporal table has: {@code generation int}, {@code valid_from timestamp with time zone},
 * {@code valid_to timestamp with time zone}; primary key {@code (generation, key columns…, valid_from)}.
 */
public final class TemporalTable {

    /** A version of a row together with the instant it became valid. */
    public record Version<R>(R row, Instant validFrom) {
    }

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> keyColumns;
    private final String selectCurrent;
    private final String insert;
    private final String close;
    private final String updateInPlace;
    private final String delete;

    public TemporalTable(JdbcTemplate jdbc, String table, List<String> keyColumns, List<String> valueColumns) {
        this.jdbc = jdbc;
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        String keyMatch = keyColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" and "));
        List<String> all = Stream.concat(keyColumns.stream(), valueColumns.stream()).toList();
        this.selectCurrent = "select * from " + table + currentIndexHint(jdbc, table) + " where generation = ? and "
                             + keyMatch + " and valid_to is null";
        this.insert = "insert into " + table + " (generation, valid_from, valid_to, " + String.join(", ", all)
                      + ") values (?, ?, null" + ", ?".repeat(all.size()) + ")";
        // A version is changed through its primary key (generation, key, valid_from): the caller read it as the
        // current one in this transaction. Matching on "valid_to is null" instead led H2 to plan these statements
        // on an index that walks every current row of the same kind.
        String versionMatch = " where generation = ? and " + keyMatch + " and valid_from = ?";
        this.close = "update " + table + " set valid_to = ?" + versionMatch;
        this.updateInPlace = "update " + table + " set "
                             + valueColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
                             + versionMatch;
        this.delete = "delete from " + table + versionMatch;
    }

    public String name() {
        return table;
    }

    /**
     * On H2, the index that finds a key's current version ({@code ix_<table>_current}, V36) named in the query.
     * The counters' tables also have an index for the reports, (generation, kind, month, valid_to), and H2's
     * planner prefers it for the current-version lookup although it walks every current row of that kind and
     * month (thousands at province scale) instead of finding the one row; PostgreSQL's planner picks by the
     * columns' statistics and needs no hint. Empty for tables without such an index and on other databases.
     */
    private static String currentIndexHint(JdbcTemplate jdbc, String table) {
        String index = "ix_" + table + "_current";
        Boolean h2WithIndex = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                return false;
            }
            try (PreparedStatement exists = connection.prepareStatement(
                    "select count(*) from information_schema.indexes where lower(index_name) = ?")) {
                exists.setString(1, index);
                try (ResultSet rs = exists.executeQuery()) {
                    return rs.next() && rs.getInt(1) > 0;
                }
            }
        });
        return Boolean.TRUE.equals(h2WithIndex) ? " use index (" + index + ")" : "";
    }

    /** The statement that reads a key's current version (for a test of its plan). */
    String currentVersionQuery() {
        return selectCurrent;
    }

    /** The current version of the row with this key, if it exists. */
    public <R> Optional<Version<R>> current(int generation, RowMapper<R> mapper, Object... key) {
        List<Version<R>> found = jdbc.query(selectCurrent, (rs, n) -> new Version<>(mapper.mapRow(rs, n),
                                                                                    instant(rs, "valid_from")),
                                            prepend(generation, key));
        return found.stream().findFirst();
    }

    /**
     * Makes {@code values} the current version of the row with this key from {@code at} on. A version that
     * became valid at the same instant is overwritten in place instead of leaving an empty interval.
     */
    public void put(int generation, Instant at, Optional<? extends Version<?>> previous, Object[] key,
                    Object... values) {
        if (previous.isPresent()) {
            Instant validFrom = previous.get().validFrom();
            if (!validFrom.isBefore(at)) {
                jdbc.update(updateInPlace, concat(values, version(generation, key, validFrom)));
                return;
            }
            jdbc.update(close, prepend(timestamp(at), version(generation, key, validFrom)));
        }
        jdbc.update(insert, prepend(generation, prepend(timestamp(at), concat(key, values))));
    }

    /** Ends the current version of the row with this key at {@code at} (the row no longer exists from then on). */
    public void end(int generation, Instant at, Version<?> previous, Object... key) {
        if (!previous.validFrom().isBefore(at)) {
            jdbc.update(delete, version(generation, key, previous.validFrom()));
        } else {
            jdbc.update(close, prepend(timestamp(at), version(generation, key, previous.validFrom())));
        }
    }

    /** Removes every row of the generations below {@code generation} (after a rebuild switched over). */
    public void purgeBelow(int generation) {
        jdbc.update("delete from " + table + " where generation < ?", generation);
    }

    /** Removes every row of one generation (left over from an interrupted rebuild). */
    public void purge(int generation) {
        jdbc.update("delete from " + table + " where generation = ?", generation);
    }

    /**
     * The condition selecting the versions to answer from: the current ones when {@code asOf} is null, else the
     * ones valid at that instant. {@code alias} qualifies the columns (may be empty).
     */
    public static Condition validAt(String alias, int generation, Instant asOf) {
        String p = alias == null || alias.isEmpty() ? "" : alias + ".";
        if (asOf == null) {
            return new Condition(p + "generation = ? and " + p + "valid_to is null", List.of(generation));
        }
        OffsetDateTime at = timestamp(asOf);
        return new Condition(p + "generation = ? and " + p + "valid_from <= ? and (" + p + "valid_to is null or "
                             + p + "valid_to > ?)", List.of(generation, at, at));
    }

    /** A SQL condition with its arguments, to combine into a query. */
    public record Condition(String sql, List<Object> args) {

        public Object[] argsWith(Object... more) {
            List<Object> all = new ArrayList<>(args);
            all.addAll(Arrays.asList(more));
            return all.toArray();
        }

        public Object[] argsAfter(Object... first) {
            List<Object> all = new ArrayList<>(Arrays.asList(first));
            all.addAll(args);
            return all.toArray();
        }
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The arguments that select one version: generation, key, valid_from. */
    private static Object[] version(int generation, Object[] key, Instant validFrom) {
        Object[] all = prepend(generation, key);
        all = Arrays.copyOf(all, all.length + 1);
        all[all.length - 1] = timestamp(validFrom);
        return all;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
