package org.jinlin.query.readmodel;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
 * <p>
 * <b>Writes wait for the commit.</b> Inside a transaction (an event processor's batch), {@link #put}, {@link #end}
 * and {@link #current} work on the transaction's own copy of the rows they touch, and the changes reach the table
 * just before the commit, as JDBC batches: a key's current version is read from the table once per batch, a version
 * that begins and ends within the batch is inserted once, already closed, and a counter moved by a hundred events
 * costs a hundred inserts instead of a hundred reads, closes and inserts. A projection that reads or changes the table
 * with its own SQL during a batch calls {@link #flush()} first. Values longer than their column are refused when
 * they are put, as the insert itself would have refused them, so that the failing event (not the whole batch) is the
 * one that fails. Outside a transaction every change is written at once.
 */
public final class TemporalTable {

    /** A version of a row together with the instant it became valid. */
    public record Version<R>(R row, Instant validFrom) {
    }

    private final JdbcTemplate jdbc;
    private final String table;
    private final List<String> keyColumns;
    private final String selectCurrent;
    private final String insertVersion;
    private final List<String> valueColumns;
    private final List<String> currentOfPrefix;
    private volatile Map<String, Integer> columnLimits;
    private final String close;
    private final String updateInPlace;
    private final String delete;

    public TemporalTable(JdbcTemplate jdbc, String table, List<String> keyColumns, List<String> valueColumns) {
        this.jdbc = jdbc;
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        this.valueColumns = List.copyOf(valueColumns);
        String keyMatch = keyColumns.stream().map(c -> c + " = ?").collect(Collectors.joining(" and "));
        List<String> all = Stream.concat(keyColumns.stream(), valueColumns.stream()).toList();
        this.selectCurrent = "select * from " + table + currentIndexHint(jdbc, table) + " where generation = ? and "
                             + keyMatch + " and valid_to is null";
        this.insertVersion = "insert into " + table + " (generation, valid_from, valid_to, " + String.join(", ", all)
                             + ") values (?, ?, ?" + ", ?".repeat(all.size()) + ")";
        List<String> prefixQueries = new ArrayList<>();
        for (int n = 1; n <= keyColumns.size(); n++) {
            prefixQueries.add("select * from " + table + " where generation = ? and "
                              + keyColumns.subList(0, n).stream().map(c -> c + " = ?").collect(Collectors.joining(" and "))
                              + " and valid_to is null");
        }
        this.currentOfPrefix = List.copyOf(prefixQueries);
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
        return h2IndexHint(jdbc, "ix_" + table + "_current");
    }

    /**
     * {@code " use index (<index>)"} on H2 when the index exists, for a statement whose right index H2's planner
     * does not find by itself; empty on other databases, whose planners go by the columns' statistics.
     */
    public static String h2IndexHint(JdbcTemplate jdbc, String index) {
        if (!isH2(jdbc)) {
            return "";
        }
        Integer found = jdbc.queryForObject("select count(*) from information_schema.indexes where lower(index_name) = ?",
                                            Integer.class, index);
        return found != null && found > 0 ? " use index (" + index + ")" : "";
    }

    /** Whether the read models are on H2 (the embedded default) rather than PostgreSQL. */
    static boolean isH2(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().equals("H2")));
    }

    /** The current version of the row with this key, if it exists. */
    public <R> Optional<Version<R>> current(int generation, RowMapper<R> mapper, Object... key) {
        Pending pending = pending();
        if (pending == null) {
            return read(generation, mapper, key);
        }
        List<Object> k = key(generation, key);
        Entry entry = pending.entries.get(k);
        if (entry == null) {
            Optional<Version<R>> stored = read(generation, mapper, key);
            entry = new Entry(generation, key, stored.orElse(null), mapper);
            pending.add(k, entry);
            return stored;
        }
        return entry.current == null ? Optional.empty() : Optional.of(version(entry, mapper));
    }

    /**
     * The current versions of every row whose key begins with {@code keyPrefix} (the first key columns), e.g. the
     * members of one household; with the changes of this transaction that are not written yet.
     */
    public <R> List<Version<R>> currentOf(int generation, RowMapper<R> mapper, Object... keyPrefix) {
        Pending pending = pending();
        String query = currentOfPrefix.get(keyPrefix.length - 1);
        if (pending == null) {
            return jdbc.query(query, (rs, n) -> new Version<>(mapper.mapRow(rs, n), instant(rs, "valid_from")),
                              prepend(generation, keyPrefix));
        }
        List<Object> prefix = key(generation, keyPrefix);
        if (pending.completePrefixes.add(prefix)) {
            jdbc.query(query, rs -> {
                Object[] key = new Object[keyColumns.size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = rs.getObject(keyColumns.get(i));
                }
                List<Object> k = key(generation, key);
                if (!pending.entries.containsKey(k)) {
                    pending.add(k, new Entry(generation, key, new Version<>(mapper.mapRow(rs, 0),
                                                                            instant(rs, "valid_from")), mapper));
                }
            }, prepend(generation, keyPrefix));
        }
        List<Version<R>> found = new ArrayList<>();
        for (Entry entry : pending.withPrefix(prefix)) {
            if (entry.current != null) {
                found.add(version(entry, mapper));
            }
        }
        return found;
    }

    /**
     * Makes {@code values} the current version of the row with this key from {@code at} on. A version that
     * became valid at the same instant is overwritten in place instead of leaving an empty interval.
     * {@code previous} is the current version as {@link #current} gave it.
     */
    public void put(int generation, Instant at, Optional<? extends Version<?>> previous, Object[] key,
                    Object... values) {
        Pending pending = pending();
        if (pending == null) {
            write(generation, at, previous, key, values);
            return;
        }
        checkLengths(key, values);
        Entry entry = entry(pending, generation, key, previous.orElse(null));
        Slot current = entry.current;
        if (current != null) {
            if (!current.from.isBefore(at)) {
                current.values = values;
                current.row = null;
                current.mapper = null;
                return;
            }
            current.to = at;
        }
        Slot added = new Slot(stored(at), values);
        entry.added.add(added);
        entry.current = added;
    }

    /** Ends the current version of the row with this key at {@code at} (the row no longer exists from then on). */
    public void end(int generation, Instant at, Version<?> previous, Object... key) {
        Pending pending = pending();
        if (pending == null) {
            if (!previous.validFrom().isBefore(at)) {
                jdbc.update(delete, version(generation, key, previous.validFrom()));
            } else {
                jdbc.update(close, prepend(timestamp(at), version(generation, key, previous.validFrom())));
            }
            return;
        }
        Entry entry = entry(pending, generation, key, previous);
        Slot current = entry.current;
        if (current == null) {
            return;
        }
        if (!current.from.isBefore(at)) {
            if (current == entry.stored) {
                entry.storedDeleted = true;
            } else {
                entry.added.remove(current);
            }
        } else {
            current.to = at;
        }
        entry.current = null;
    }

    /**
     * Writes this transaction's changes to the table now and forgets them, for a projection about to read or change
     * the table with its own SQL. Without a transaction there is nothing waiting.
     */
    public void flush() {
        Pending pending = pending();
        if (pending != null) {
            pending.writeOut();
        }
    }

    private <R> Optional<Version<R>> read(int generation, RowMapper<R> mapper, Object... key) {
        List<Version<R>> found = jdbc.query(selectCurrent, (rs, n) -> new Version<>(mapper.mapRow(rs, n),
                                                                                    instant(rs, "valid_from")),
                                            prepend(generation, key));
        return found.stream().findFirst();
    }

    private void write(int generation, Instant at, Optional<? extends Version<?>> previous, Object[] key,
                       Object... values) {
        if (previous.isPresent()) {
            Instant validFrom = previous.get().validFrom();
            if (!validFrom.isBefore(at)) {
                jdbc.update(updateInPlace, concat(values, version(generation, key, validFrom)));
                return;
            }
            jdbc.update(close, prepend(timestamp(at), version(generation, key, validFrom)));
        }
        jdbc.update(insertVersion, prepend(generation, prepend(timestamp(at), prepend(null, concat(key, values)))));
    }

    // ---- changes waiting for the commit

    /** A version as this transaction sees it: read from the table ({@code Entry.stored}) or added by it. */
    private static final class Slot {
        final Instant from;
        Instant to;
        /** The columns' values; null for a stored version not changed in this transaction (its row is known). */
        Object[] values;
        Object row;
        RowMapper<?> mapper;

        Slot(Instant from, Object[] values) {
            this.from = from;
            this.values = values;
        }
    }

    /** One key's versions in this transaction. */
    private static final class Entry {
        final int generation;
        final Object[] key;
        /** The version that was current in the table when the transaction first looked, or null. */
        final Slot stored;
        boolean storedDeleted;
        final List<Slot> added = new ArrayList<>(2);
        Slot current;

        Entry(int generation, Object[] key, Version<?> stored, RowMapper<?> mapper) {
            this.generation = generation;
            this.key = key;
            if (stored == null) {
                this.stored = null;
            } else {
                this.stored = new Slot(stored.validFrom(), null);
                this.stored.row = stored.row();
                this.stored.mapper = mapper;
            }
            this.current = this.stored;
        }
    }

    /** This table's changes in one transaction, written before it commits. */
    private final class Pending implements TransactionSynchronization {
        final Map<List<Object>, Entry> entries = new LinkedHashMap<>();
        /** Key prefixes whose current rows have all been read into {@link #entries}. */
        final Set<List<Object>> completePrefixes = new HashSet<>();
        /**
         * For each prefix length {@link #currentOf} was asked for, the entries by their prefix, in the order they were
         * added. Filtering every entry instead made a batch's work grow with the square of its rows: in a rebuild at
         * province scale the roster spent 40 % of its time there (a household's members, among thousands of rows).
         */
        final Map<Integer, Map<List<Object>, List<Entry>>> byPrefix = new HashMap<>();

        void add(List<Object> key, Entry entry) {
            entries.put(key, entry);
            byPrefix.forEach((length, index) -> index.computeIfAbsent(prefixOf(key, length), p -> new ArrayList<>())
                                                     .add(entry));
        }

        /** The entries whose key (with the generation first) begins with {@code prefix}, in the order added. */
        List<Entry> withPrefix(List<Object> prefix) {
            if (prefix.size() == keyColumns.size() + 1) {
                Entry entry = entries.get(prefix);
                return entry == null ? List.of() : List.of(entry);
            }
            Map<List<Object>, List<Entry>> index = byPrefix.get(prefix.size());
            if (index == null) {
                index = new HashMap<>();
                for (Map.Entry<List<Object>, Entry> e : entries.entrySet()) {
                    index.computeIfAbsent(prefixOf(e.getKey(), prefix.size()), p -> new ArrayList<>()).add(e.getValue());
                }
                byPrefix.put(prefix.size(), index);
            }
            return index.getOrDefault(prefix, List.of());
        }

        private static List<Object> prefixOf(List<Object> key, int length) {
            return new ArrayList<>(key.subList(0, length));
        }

        void clear() {
            entries.clear();
            completePrefixes.clear();
            byPrefix.clear();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writeOut();
        }

        @Override
        public void afterCompletion(int status) {
            clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(TemporalTable.this);
        }

        void writeOut() {
            List<Object[]> deletes = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> closes = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            for (Entry entry : entries.values()) {
                Slot stored = entry.stored;
                if (stored != null) {
                    Object[] version = version(entry.generation, entry.key, stored.from);
                    if (entry.storedDeleted) {
                        deletes.add(version);
                    } else {
                        if (stored.values != null) {
                            updates.add(concat(stored.values, version));
                        }
                        if (stored.to != null) {
                            closes.add(prepend(timestamp(stored.to), version));
                        }
                    }
                }
                for (Slot added : entry.added) {
                    inserts.add(prepend(entry.generation, prepend(timestamp(added.from),
                                                                  prepend(timestamp(added.to),
                                                                          concat(entry.key, added.values)))));
                }
            }
            clear();
            // Deletes first: a version deleted and added again at the same instant has the same primary key.
            batch(delete, deletes);
            batch(updateInPlace, updates);
            batch(close, closes);
            batch(insertVersion, inserts);
        }

        private void batch(String sql, List<Object[]> rows) {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(sql, rows);
            }
        }
    }

    /** This transaction's changes to the table, or null outside a transaction. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
            || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private Entry entry(Pending pending, int generation, Object[] key, Version<?> previous) {
        List<Object> k = key(generation, key);
        Entry entry = pending.entries.get(k);
        if (entry == null) {
            entry = new Entry(generation, key, previous, null);
            pending.add(k, entry);
        }
        return entry;
    }

    @SuppressWarnings("unchecked")
    private <R> Version<R> version(Entry entry, RowMapper<R> mapper) {
        Slot slot = entry.current;
        if (slot.mapper != mapper) {
            if (slot.values == null) {
                // A stored version read with another mapper and not changed since: the table still holds it.
                return read(entry.generation, mapper, entry.key).orElseThrow();
            }
            Map<String, Object> columns = new HashMap<>();
            columns.put("generation", entry.generation);
            columns.put("valid_from", timestamp(slot.from));
            columns.put("valid_to", timestamp(slot.to));
            for (int i = 0; i < keyColumns.size(); i++) {
                columns.put(keyColumns.get(i), entry.key[i]);
            }
            for (int i = 0; i < valueColumns.size(); i++) {
                columns.put(valueColumns.get(i), stored(slot.values[i]));
            }
            try {
                slot.row = mapper.mapRow(ValuesResultSet.of(columns), 0);
            } catch (SQLException e) {
                throw new IllegalStateException("reading a pending row of " + table, e);
            }
            slot.mapper = mapper;
        }
        return new Version<>((R) slot.row, slot.from);
    }

    /** The key of a row in {@link Pending#entries}: generation and key values, numbers as longs. */
    private static List<Object> key(int generation, Object[] key) {
        Object[] all = new Object[key.length + 1];
        all[0] = generation;
        for (int i = 0; i < key.length; i++) {
            all[i + 1] = key[i] instanceof Integer || key[i] instanceof Short ? ((Number) key[i]).longValue() : key[i];
        }
        return Arrays.asList(all);
    }

    /** An instant as a timestamp column keeps it: to the microsecond, rounded. */
    private static Instant stored(Instant at) {
        return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static Object stored(Object value) {
        return value instanceof OffsetDateTime t ? stored(t.toInstant()).atOffset(ZoneOffset.UTC) : value;
    }

    /** Refuses a text longer than its column now, where the event that brought it can be told apart. */
    private void checkLengths(Object[] key, Object[] values) {
        Map<String, Integer> limits = columnLimits;
        if (limits == null) {
            limits = columnLimits = readColumnLimits();
        }
        for (int i = 0; i < key.length; i++) {
            checkLength(limits, keyColumns.get(i), key[i]);
        }
        for (int i = 0; i < values.length; i++) {
            checkLength(limits, valueColumns.get(i), values[i]);
        }
    }

    private void checkLength(Map<String, Integer> limits, String column, Object value) {
        if (value instanceof String text) {
            Integer limit = limits.get(column);
            if (limit != null && text.length() > limit) {
                throw new DataIntegrityViolationException(
                        "value for " + table + "." + column + " longer than " + limit + " characters");
            }
        }
    }

    private Map<String, Integer> readColumnLimits() {
        return jdbc.execute((ConnectionCallback<Map<String, Integer>>) connection -> {
            Map<String, Integer> limits = new HashMap<>();
            DatabaseMetaData meta = connection.getMetaData();
            for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getColumns(null, null, name, null)) {
                    while (rs.next()) {
                        String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                        if (type.contains("char") || type.contains("text")) {
                            int size = rs.getInt("COLUMN_SIZE");
                            if (size > 0 && size < Integer.MAX_VALUE) {
                                limits.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), size);
                            }
                        }
                    }
                }
            }
            return limits;
        });
    }

    /** Removes every row of one generation (left over from an interrupted rebuild). */
    public void purge(int generation) {
        jdbc.update("delete from " + table + " where generation = ?", generation);
    }

    /**
     * The versions {@link #validAt} selects, as conditions that are each a range of an index led by (generation,
     * ..., valid_to): "valid_to is null or valid_to > ?" is not, and makes the database read every version a key
     * ever had. The first condition is always the versions still current (valid_to null, so an index continuing
     * with the list's order columns reads them in order); as of an instant, a second one holds the versions that
     * ended after it (few, to be sorted). The answer is the union of both.
     */
    public static List<Condition> validAtInRanges(String alias, int generation, Instant asOf) {
        String p = alias == null || alias.isEmpty() ? "" : alias + ".";
        if (asOf == null) {
            return List.of(validAt(alias, generation, null));
        }
        OffsetDateTime at = timestamp(asOf);
        return List.of(new Condition(p + "generation = ? and " + p + "valid_to is null and " + p + "valid_from <= ?",
                                     List.of(generation, at)),
                       new Condition(p + "generation = ? and " + p + "valid_to > ? and " + p + "valid_from <= ?",
                                     List.of(generation, at, at)));
    }

    /**
     * One statement for the versions valid at {@code asOf}: the union of a branch per range of
     * {@link #validAtInRanges}. {@code branch} makes a branch's statement from its range's condition; each branch's
     * arguments are the range's, then {@code moreArgs}. For small answers ordered as a whole (H2 holds a union's
     * rows in memory before returning them).
     */
    public static Condition unionOfRanges(String alias, int generation, Instant asOf, Function<String, String> branch,
                                          Object... moreArgs) {
        List<String> branches = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Condition range : validAtInRanges(alias, generation, asOf)) {
            branches.add(branch.apply(range.sql()));
            args.addAll(List.of(range.argsWith(moreArgs)));
        }
        return new Condition(String.join(" union all ", branches), args);
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
