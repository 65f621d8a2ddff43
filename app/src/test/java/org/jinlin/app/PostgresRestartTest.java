package org.jinlin.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.PostgresNodes;
import org.jinlin.app.support.TestUsers;
import org.jinlin.query.audit.ChainVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * PostgreSQL restarts under load: while it is down, commands answer 503 (nothing stored, retry later) and never a
 * 500; everything acknowledged before, during and after is in the store with intact chains; and the service
 * recovers by itself: commands succeed again and the read models catch up without anyone touching the service.
 */
class PostgresRestartTest {

    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext node;

    @AfterEach
    void stop() throws IOException {
        if (node != null) {
            node.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void commandsAnswer503WhileTheDatabaseIsDownAndNothingAcknowledgedIsLost() throws Exception {
        Path dataDir = Path.of(ApiTest.newDataDirectory()).resolve("pg");
        int port = freePort();
        postgres = startPostgres(dataDir, port);
        String url = PostgresNodes.url(postgres);
        node = PostgresNodes.start(url, "all", "solo");
        Api registrar = PostgresNodes.api(node).as(TestUsers.REGISTRAR);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger unavailable = new AtomicInteger();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.add(new Thread(() -> {
                for (int i = 0; running.get() && i < 999; i++) {
                    String code = String.format("350803%03d%03d", 100 + client, i + 1);
                    Api.Response answer = registrar.post("/api/communities", json(Map.of(
                            "code", code, "name", "重启社区" + i, "kind", "URBAN", "townshipName", "东肖镇",
                            "residentPopulation", 3000)));
                    if (answer.status() == 201) {
                        acknowledged.add(code);
                    } else if (answer.status() == 503 && answer.header("Retry-After") != null) {
                        unavailable.incrementAndGet();
                        pause();
                    } else {
                        unexpected.add(answer.toString());
                    }
                }
            }));
        }
        clients.forEach(Thread::start);

        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
        postgres.close();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(unavailable.get()).as("503 while down; other answers: %s", unexpected).isGreaterThanOrEqualTo(8));
        int acknowledgedWhileDown = acknowledged.size();
        postgres = startPostgres(dataDir, port);
        await().atMost(Duration.ofSeconds(90)).until(() -> acknowledged.size() >= acknowledgedWhileDown + 40);
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        assertThat(unexpected).as("only 201 or 503").isEmpty();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            List<String> stored = new ArrayList<>();
            try (var rows = connection.createStatement().executeQuery(
                    "select aggregate_identifier from domain_event_entry where aggregate_identifier like '350803%'")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            assertThat(stored).as("every acknowledged command is stored").containsAll(acknowledged);
            assertThat(new ChainVerifier().verify(connection, null).intact()).isTrue();
        }

        Api admin = PostgresNodes.api(node).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            for (JsonNode projection : admin.get("/api/admin/projections").body()) {
                assertThat(projection.path("lag").asLong()).as(projection.toString()).isZero();
            }
        });
        List<String> listed = new ArrayList<>();
        for (int page = 0; listed.size() < acknowledged.size() + 500 * page; page++) {
            JsonNode directory = registrar.get("/api/communities?cityCode=350800&size=500&page=" + page).body();
            if (directory.path("items").isEmpty()) {
                break;
            }
            listed.addAll(directory.path("items").findValuesAsText("code"));
        }
        assertThat(listed).as("the directory caught up by itself").containsAll(acknowledged);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
