package org.jinlin.app.storage;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jinlin.query.audit.ChainVerifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Moves an installation's records from one store to another, e.g. from the embedded H2 file into PostgreSQL:
 * <pre>
 * java -jar jinlin-app-exec.jar export-events --data ./data --to jinlin-export.jsonl.gz
 * java -jar jinlin-app-exec.jar import-events --from jinlin-export.jsonl.gz --url jdbc:postgresql://db/jinlin --user jinlin --password …
 * </pre>
 * The export holds every event exactly as stored (payload and metadata bytes, time stamps, global order), so the
 * hash chains, which live in the metadata, verify unchanged in the new store; with them go the records that are
 * not derived from events: users, the per-subject keys that decrypt personal data, the access log, the answers
 * kept for Idempotency-Keys, and the command side's lookups (written in the command's own transaction). Read
 * models, tokens, snapshots and dead letters are not moved: the new store has no tokens, so every projection
 * rebuilds itself from the moved events when the first node starts.
 * <p>
 * Import creates the schema in an empty database at the version the export was taken from (Flyway), refuses a
 * database that already holds records, writes everything in one transaction, continues the global index after the
 * last moved event, and verifies every hash chain. Stop the service before exporting the embedded store (it holds
 * the file). Exit codes: 0 done, 1 imported but a chain does not verify, 2 nothing done (see the message).
 */
public final class EventStoreTransfer {

    /** Records that are not derived from events, in the order they are written. */
    public static final List<String> MOVED_TABLES = List.of(
            "domain_event_entry", "personal_data_key", "app_user", "access_log", "idempotent_request",
            "lookup_community", "lookup_compound", "lookup_mediator", "lookup_appointment",
            "lookup_city_policy", "lookup_dibao_standard", "lookup_household", "lookup_person");

    /**
     * Tables rebuilt or recreated on the new store rather than moved: read models (prefixes), projection and
     * cluster state, snapshots, dead letters and the schema history.
     */
    public static final Set<String> REBUILT_TABLES = Set.of(
            "flyway_schema_history", "snapshot_event_entry", "token_entry", "dead_letter_entry",
            "read_model_generation", "projection_replay_request", "processing_node");
    public static final List<String> READ_MODEL_PREFIXES = List.of("ratio_", "dir_", "roster_", "res_", "case_");

    /** Columns holding identities the store assigns itself: continued after the moved rows. */
    private static final Map<String, String> IDENTITIES = Map.of("domain_event_entry", "global_index",
                                                                 "access_log", "id");
    private static final String FORMAT = "jinlin-export";
    private static final int BATCH = 500;

    private final ObjectMapper json = new ObjectMapper();

    public static int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        EventStoreTransfer transfer = new EventStoreTransfer();
        return args[0].equals("export-events") ? transfer.export(options) : transfer.importInto(options);
    }

    // ---------------------------------------------------------------------------------------------------- export

    int export(Map<String, String> options) {
        String to = options.get("to");
        if (to == null) {
            System.err.println("usage: export-events (--data DIR | --url JDBC-URL --user U --password P) --to FILE[.gz]");
            return 2;
        }
        Path file = Path.of(to);
        if (Files.exists(file)) {
            System.err.println("Refusing to overwrite " + file.toAbsolutePath() + "; choose a new file");
            return 2;
        }
        String url = url(options, true);
        if (url == null) {
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(url, options.getOrDefault("user", "sa"),
                                                                 options.getOrDefault("password", ""));
             OutputStream out = output(file);
             JsonGenerator writer = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            connection.setAutoCommit(false);
            // One snapshot of the whole store (PostgreSQL); the embedded store is only read with the service stopped.
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String schemaVersion = schemaVersion(connection);
            Set<String> present = tables(connection);
            writer.setRootValueSeparator(null);
            line(writer, Map.of("format", FORMAT, "formatVersion", 1, "schemaVersion", schemaVersion,
                                "exportedAt", Instant.now().toString()));
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : MOVED_TABLES) {
                if (present.contains(table)) {
                    counts.put(table, exportTable(connection, table, writer));
                }
            }
            line(writer, Map.of("end", counts));
            connection.commit();
            writer.flush();
            System.out.println("Exported " + describe(counts) + " (schema version " + schemaVersion + ") to " + file);
            return 0;
        } catch (SQLException | IOException e) {
            System.err.println("Export failed: " + e.getMessage()
                               + (String.valueOf(e.getMessage()).contains("locked") ? " (stop the service first)" : ""));
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the message above says what went wrong
            }
            return 2;
        }
    }

    private long exportTable(Connection connection, String table, JsonGenerator writer) throws SQLException, IOException {
        String order = IDENTITIES.containsKey(table) ? " order by " + IDENTITIES.get(table) : "";
        try (PreparedStatement select = connection.prepareStatement("select * from " + table + order)) {
            select.setFetchSize(1_000);
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                long count = 0;
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), read(rows, c, meta));
                    }
                    line(writer, Map.of("table", table, "row", row));
                    count++;
                }
                return count;
            }
        }
    }

    /** A column's value in a form that survives JSON unchanged: bytes as Base64, times in ISO-8601. */
    private static Object read(ResultSet rows, int column, ResultSetMetaData meta) throws SQLException {
        int type = meta.getColumnType(column);
        Object value = switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = rows.getBytes(column);
                yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE -> string(rows.getObject(column, OffsetDateTime.class));
            case Types.TIMESTAMP -> withTimeZone(meta.getColumnTypeName(column))
                    ? string(rows.getObject(column, OffsetDateTime.class))
                    : string(rows.getObject(column, LocalDateTime.class));
            case Types.DATE -> string(rows.getObject(column, LocalDate.class));
            case Types.NUMERIC, Types.DECIMAL -> rows.getBigDecimal(column);
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rows.getLong(column);
            case Types.BOOLEAN, Types.BIT -> rows.getBoolean(column);
            default -> rows.getString(column);
        };
        return rows.wasNull() ? null : value;
    }

    // ---------------------------------------------------------------------------------------------------- import

    int importInto(Map<String, String> options) {
        String from = options.get("from");
        if (from == null || !Files.isRegularFile(Path.of(from))) {
            System.err.println("usage: import-events --from FILE (--url JDBC-URL --user U --password P | --data DIR)"
                               + "  (the export file must exist)");
            return 2;
        }
        String url = url(options, false);
        if (url == null) {
            return 2;
        }
        String user = options.getOrDefault("user", "sa");
        String password = options.getOrDefault("password", "");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input(Path.of(from)),
                                                                               StandardCharsets.UTF_8))) {
            JsonNode header = json.readTree(reader.readLine());
            if (header == null || !FORMAT.equals(header.path("format").asText())) {
                System.err.println(from + " is not an export of this service (export-events writes one)");
                return 2;
            }
            String schemaVersion = header.path("schemaVersion").asText();
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                String occupied = occupiedTable(connection);
                if (occupied != null) {
                    System.err.println("The target store already holds records (table " + occupied
                                       + "); import only into a new, empty database");
                    return 2;
                }
            }
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                  .target(MigrationVersion.fromVersion(schemaVersion)).load().migrate();
            Map<String, Long> counts;
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                connection.setAutoCommit(false);
                counts = importRows(reader, connection);
                continueIdentities(connection);
                connection.commit();
            }
            System.out.println("Imported " + describe(counts) + " into " + url.replaceFirst("[?;].*", "") + " (schema version " + schemaVersion
                               + "). Start the nodes: the read models rebuild from the events.");
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                ChainVerifier.Report report = new ChainVerifier().verify(connection, null);
                if (!report.intact()) {
                    System.out.printf("%,d events break their chain; first: stream %s, event %d: %s%n",
                                      report.brokenEvents(), report.firstBrokenAt().aggregateId(),
                                      report.firstBrokenAt().sequenceNumber(), report.firstBrokenAt().problem());
                    return 1;
                }
                System.out.printf("Every hash chain is intact (%,d events in %,d streams).%n",
                                  report.eventsChecked(), report.streamsChecked());
            }
            return 0;
        } catch (SQLException | IOException | RuntimeException e) {
            System.err.println("Import failed, nothing was imported: " + e.getMessage());
            return 2;
        }
    }

    private Map<String, Long> importRows(BufferedReader reader, Connection connection) throws IOException, SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> expected = null;
        String table = null;
        List<String> columns = null;
        Map<String, Integer> types = null;
        PreparedStatement insert = null;
        int pending = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode record = json.readTree(line);
                if (record.has("end")) {
                    expected = new LinkedHashMap<>();
                    for (var entry : record.path("end").properties()) {
                        expected.put(entry.getKey(), entry.getValue().asLong());
                    }
                    break;
                }
                String rowTable = record.path("table").asText();
                if (!MOVED_TABLES.contains(rowTable)) {
                    throw new IOException("unexpected table " + rowTable + " in the export");
                }
                JsonNode row = record.path("row");
                if (!rowTable.equals(table)) {
                    if (insert != null) {
                        insert.executeBatch();
                        insert.close();
                    }
                    table = rowTable;
                    columns = new ArrayList<>();
                    row.fieldNames().forEachRemaining(columns::add);
                    types = columnTypes(connection, table);
                    insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
                                                         + ") values (" + "?, ".repeat(columns.size() - 1) + "?)");
                    pending = 0;
                }
                for (int c = 0; c < columns.size(); c++) {
                    String column = columns.get(c);
                    Integer type = types.get(column);
                    if (type == null) {
                        throw new IOException("table " + table + " has no column " + column + " in the target");
                    }
                    write(insert, c + 1, type, row.get(column));
                }
                insert.addBatch();
                counts.merge(table, 1L, Long::sum);
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (insert != null) {
                insert.executeBatch();
            }
        } finally {
            if (insert != null) {
                insert.close();
            }
        }
        if (expected == null) {
            throw new IOException("the export is incomplete (no end record): take it again");
        }
        for (var entry : expected.entrySet()) {
            if (entry.getValue() != counts.getOrDefault(entry.getKey(), 0L)) {
                throw new IOException("the export says " + entry.getValue() + " rows of " + entry.getKey()
                                      + " but holds " + counts.getOrDefault(entry.getKey(), 0L));
            }
        }
        return counts;
    }

    /** Sets a parameter from its exported form, converted for the target column's type. */
    private static void write(PreparedStatement insert, int index, int type, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            insert.setNull(index, type);
            return;
        }
        switch (type) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    insert.setBytes(index, Base64.getDecoder().decode(value.asText()));
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                String text = value.asText();
                Object time;
                try {
                    time = OffsetDateTime.parse(text);
                } catch (RuntimeException notOffset) {
                    time = LocalDateTime.parse(text);
                }
                insert.setObject(index, time);
            }
            case Types.DATE -> insert.setObject(index, LocalDate.parse(value.asText()));
            case Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(index, new BigDecimal(value.asText()));
            case Types.BIGINT -> insert.setLong(index, value.asLong());
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> insert.setInt(index, value.asInt());
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, value.asBoolean());
            default -> insert.setString(index, value.asText());
        }
    }

    /** The next global index (and access-log id) follows the last moved one. */
    private static void continueIdentities(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        try (Statement statement = connection.createStatement()) {
            for (var identity : IDENTITIES.entrySet()) {
                long next;
                try (ResultSet max = statement.executeQuery("select coalesce(max(" + identity.getValue() + "), 0) + 1 from "
                                                            + identity.getKey())) {
                    max.next();
                    next = max.getLong(1);
                }
                statement.execute(postgres
                        ? "select setval(pg_get_serial_sequence('" + identity.getKey() + "', '" + identity.getValue()
                          + "'), " + next + ", false)"
                        : "alter table " + identity.getKey() + " alter column " + identity.getValue() + " restart with "
                          + next);
            }
        }
    }

    /** The first table that would receive moved records but already holds some, or null when all are empty. */
    private static String occupiedTable(Connection connection) throws SQLException {
        Set<String> present = tables(connection);
        for (String table : MOVED_TABLES) {
            if (present.contains(table)) {
                try (Statement statement = connection.createStatement();
                     ResultSet any = statement.executeQuery("select 1 from " + table + " fetch first 1 rows only")) {
                    if (any.next()) {
                        return table;
                    }
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------- common

    /** The service's tables in the store, in lower case. */
    public static Set<String> tables(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean postgres = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        Set<String> tables = new java.util.TreeSet<>();
        try (ResultSet rows = meta.getTables(null, postgres ? "public" : "PUBLIC", "%", null)) {
            while (rows.next()) {
                String type = String.valueOf(rows.getString("TABLE_TYPE"));
                if (type.equals("TABLE") || type.equals("BASE TABLE")) {
                    tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static Map<String, Integer> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet none = statement.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = none.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                int type = meta.getColumnType(c);
                if (type == Types.TIMESTAMP && withTimeZone(meta.getColumnTypeName(c))) {
                    type = Types.TIMESTAMP_WITH_TIMEZONE;
                }
                types.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), type);
            }
        }
        return types;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select \"version\" from \"flyway_schema_history\" "
                                                     + "where \"success\" = true and \"version\" is not null")) {
            MigrationVersion latest = null;
            while (rows.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                if (latest == null || version.isNewerThan(latest)) {
                    latest = version;
                }
            }
            if (latest == null) {
                throw new SQLException("the store has no schema history: is it a store of this service?");
            }
            return latest.getVersion();
        }
    }

    private static String url(Map<String, String> options, boolean mustExist) {
        if (options.containsKey("url")) {
            return options.get("url");
        }
        Path data = Path.of(options.getOrDefault("data", "./data")).toAbsolutePath().normalize();
        if (mustExist && !Files.exists(data.resolve("jinlin.mv.db"))) {
            System.err.println("No embedded store at " + data + " (expected jinlin.mv.db); use --data DIR or --url");
            return null;
        }
        if (!mustExist && Files.exists(data.resolve("jinlin.mv.db"))) {
            System.err.println("There is already an embedded store at " + data + "; import only into a new one");
            return null;
        }
        return "jdbc:h2:file:" + data.resolve("jinlin") + (mustExist ? ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE" : "");
    }

    private static boolean withTimeZone(String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT);
        return name.contains("tz") || name.contains("time zone");
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private void line(JsonGenerator writer, Object value) throws IOException {
        json.writeValue(writer, value);
        writer.writeRaw('\n');
    }

    private static String describe(Map<String, Long> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((table, count) -> parts.add(String.format("%,d %s", count, table)));
        return String.join(", ", parts);
    }

    private static OutputStream output(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPOutputStream(out, 1 << 16) : out;
    }

    private static InputStream input(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
