package org.jinlin.app.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stores an upgrade test runs on, each empty and brought to an earlier schema version by the test: the embedded
 * H2 default and a PostgreSQL server of its own.
 */
final class UpgradedStores {

    private UpgradedStores() {
    }

    /** A fresh in-memory H2 database, kept until the JVM ends. */
    static DataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** Runs {@code test} on a fresh PostgreSQL server, stopped after it. */
    static void onPostgres(Consumer<DataSource> test) throws IOException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            test.accept(postgres.getPostgresDatabase());
        }
    }

    /** Applies the service's migrations up to {@code target} (a version, or "latest"). */
    static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }
}
