package org.jinlin.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jinlin.app.support.PostgresNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * {@link DurabilityTest} on PostgreSQL: the same eight clients, three SIGKILLs of the service mid-load, every
 * acknowledged event present afterwards with no gap and intact chains, and read models equal to a rebuild, with
 * the service in its postgres profile on a real PostgreSQL (which stays up; only the service dies).
 */
class PostgresDurabilityTest extends DurabilityTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresNodes.startPostgres();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected List<String> storeArguments(Path dataDir) {
        // A killed node keeps its claims and heartbeat until they time out: short timeouts let the next start
        // take its projections over within seconds.
        return List.of("--spring.profiles.active=postgres", "--jinlin.data-dir=" + dataDir,
                       "--spring.datasource.url=" + PostgresNodes.url(postgres),
                       "--spring.datasource.username=postgres", "--spring.datasource.password=",
                       "--jinlin.cluster.heartbeat=PT0.5S", "--jinlin.cluster.node-timeout=PT3S",
                       "--axon.eventhandling.tokenstore.claim-timeout=PT3S", "--jinlin.projections.claim-interval=PT1S");
    }

    @Override
    protected Connection openStore(Path dataDir) throws SQLException {
        return DriverManager.getConnection(PostgresNodes.url(postgres), "postgres", "");
    }

    @Override
    protected String[] verifyArguments(Path dataDir) {
        return new String[]{"verify", "--url", PostgresNodes.url(postgres), "--user", "postgres", "--password", ""};
    }
}
