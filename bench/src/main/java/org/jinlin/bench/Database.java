package org.jinlin.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a benchmark's service and baselines keep their data: {@code --db h2} (the default: each on a fresh embedded
 * H2 file under bench/out with the service's URL settings and durable commits) or {@code --db postgres} (each on a
 * freshly created database {@code jinlin_bench_<name>} of the PostgreSQL server at {@code --pg-url}, dropped and
 * created again at the start of its row). The benchmark never starts PostgreSQL itself.
 */
final class Database {

    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/";
    static final String DEFAULT_PG_USER = "jinlin_bench";
    static final String DEFAULT_PG_PASSWORD = "jinlin-bench";
    /** The one-time setup bench/README.md documents. */
    static final String SETUP = "su postgres -c \"psql -c \\\"create role jinlin_bench login createdb password 'jinlin-bench'\\\"\"";
    /** The H2 URL settings of application.yml, for the baselines' own files. */
    static final String H2_SETTINGS = ";RETENTION_TIME=1000;COMPRESS=TRUE";

    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

    private final boolean postgres;
    private final String pgUrl;
    private final String pgUser;
    private final String pgPassword;

    private Database(boolean postgres, String pgUrl, String pgUser, String pgPassword) {
        this.postgres = postgres;
        this.pgUrl = pgUrl.endsWith("/") ? pgUrl : pgUrl + "/";
        this.pgUser = pgUser;
        this.pgPassword = pgPassword;
    }

    /** From {@code --db h2|postgres}, {@code --pg-url}, {@code --pg-user}, {@code --pg-password}. */
    static Database from(Options options) {
        String db = options.text("db", "h2").strip().toLowerCase();
        if (!db.equals("h2") && !db.equals("postgres")) {
            throw new CannotRun("--db must be h2 or postgres, not '" + db + "'");
        }
        Database database = new Database(db.equals("postgres"), options.text("pg-url", DEFAULT_PG_URL),
                                          options.text("pg-user", DEFAULT_PG_USER),
                                          options.text("pg-password", DEFAULT_PG_PASSWORD));
        if (database.postgres) {
            database.checkReachable();
        }
        return database;
    }

    boolean postgres() {
        return postgres;
    }

    /** {@code h2} or {@code postgres}: the CSV's db column and the suffix of RESULTS.md sections. */
    String name() {
        return postgres ? "postgres" : "h2";
    }

    /** The RESULTS.md section of a benchmark on this database: the H2 sections keep their names. */
    String section(String benchmark) {
        return postgres ? benchmark + "-postgres" : benchmark;
    }

    /** A heading's words for this database. */
    String label() {
        return postgres ? "PostgreSQL" : "embedded H2";
    }

    /**
     * The service's properties for its row {@code name}: on H2 nothing beyond the data directory (the embedded
     * default); on PostgreSQL the postgres profile on a database created afresh for this row when {@code fresh}
     * (otherwise the one the previous run left), one node running both sides.
     */
    Map<String, Object> serviceProperties(String name, boolean fresh) throws SQLException {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!postgres) {
            return properties;
        }
        String database = databaseName(name);
        if (fresh) {
            recreate(database);
        }
        properties.put("spring.profiles.active", "postgres");
        properties.put("spring.datasource.url", pgUrl + database);
        properties.put("spring.datasource.username", pgUser);
        properties.put("spring.datasource.password", pgPassword);
        properties.put("jinlin.role", "all");
        properties.put("jinlin.node-id", "bench-" + name);
        return properties;
    }

    /** The JDBC URL of a baseline's own fresh store: a new H2 file in {@code dir}, or a new PostgreSQL database. */
    String baselineUrl(String name, Path dir) throws SQLException {
        if (!postgres) {
            return "jdbc:h2:file:" + dir.toAbsolutePath() + "/" + name + H2_SETTINGS;
        }
        String database = databaseName(name);
        recreate(database);
        return pgUrl + database;
    }

    String user() {
        return postgres ? pgUser : "sa";
    }

    String password() {
        return postgres ? pgPassword : "";
    }

    /** For a report's header: the engine and, on PostgreSQL, the server's version and durability settings. */
    String describe() {
        if (!postgres) {
            return "embedded H2 files with the application.yml URL settings and durable commits (CHECKPOINT after each commit)";
        }
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = maintenance(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select name, setting, coalesce(unit, '') from pg_settings where name in ('server_version', "
                     + "'synchronous_commit', 'fsync', 'commit_delay', 'commit_siblings', 'wal_sync_method', "
                     + "'full_page_writes', 'shared_buffers') order by name")) {
            while (rs.next()) {
                String unit = rs.getString(3);
                settings.put(rs.getString(1), rs.getString(2) + (unit.isEmpty() ? "" : " × " + unit));
            }
        } catch (SQLException e) {
            return "PostgreSQL at " + pgUrl + " (settings unreadable: " + e.getMessage() + ")";
        }
        StringBuilder text = new StringBuilder("PostgreSQL " + settings.remove("server_version") + " at " + pgUrl
                                               + " (role all, one node), every commit durable by the server itself"
                                               + " (no CHECKPOINT); server settings:");
        settings.forEach((name, value) -> text.append(' ').append(name).append('=').append(value).append(','));
        text.setLength(text.length() - 1);
        return text.toString();
    }

    private static String databaseName(String name) {
        String database = "jinlin_bench_" + name.toLowerCase().replace('-', '_');
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a database name: " + database);
        }
        return database;
    }

    private void recreate(String database) throws SQLException {
        try (Connection connection = maintenance(); Statement statement = connection.createStatement()) {
            try {
                // A plain drop stops an autovacuum worker on the database itself (one is usual right after a
                // replay); FORCE would refuse to, since the worker is not this role's to terminate.
                statement.execute("drop database if exists " + database);
            } catch (SQLException e) {
                if (!"55006".equals(e.getSQLState())) {
                    throw e;
                }
                // In use by sessions (a service left running): those FORCE may end.
                statement.execute("drop database if exists " + database + " with (force)");
            }
            statement.execute("create database " + database);
        }
    }

    private Connection maintenance() throws SQLException {
        return DriverManager.getConnection(pgUrl + "postgres", pgUser, pgPassword);
    }

    private void checkReachable() {
        try (Connection connection = maintenance(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select rolcreatedb from pg_roles where rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new CannotRun("PostgreSQL role " + pgUser + " may not create databases; the "
                                                + "benchmark creates one per row. Give it CREATEDB once:\n"
                                                + "  su postgres -c \"psql -c 'alter role " + pgUser + " createdb'\"");
            }
        } catch (SQLException e) {
            throw new CannotRun("""
                    cannot connect to PostgreSQL at %spostgres as %s: %s
                    The benchmark does not start PostgreSQL. Start it, e.g. on this machine:
                      pg_ctlcluster 15 main start
                    and create the benchmark's role once:
                      %s
                    or give --pg-url, --pg-user, --pg-password.""".formatted(pgUrl, pgUser, e.getMessage(), SETUP));
        }
    }

    /** The database cannot be used as given: the message says what to do; Bench prints it without a stack trace. */
    static final class CannotRun extends IllegalStateException {
        CannotRun(String message) {
            super(message);
        }
    }
}
