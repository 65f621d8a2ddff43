package org.jinlin.app;

import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * Nothing acknowledged is lost when the process dies: the service runs in a child JVM on the embedded H2 file,
 * clients register mediators concurrently, the process is killed with SIGKILL mid-load, and every mediator whose
 * registration was answered 201 is found in the event store afterwards and in the read model after a restart.
 */
class DurabilityTest {

    private Process service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    private Process start(Path dataDir, int port) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "-Ddisable-axoniq-console-message=true",
                JinlinApplication.class.getName(),
                "--jinlin.data-dir=" + dataDir, "--server.port=" + port,
                "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--jinlin.security.bcrypt-strength=4", "--logging.level.root=WARN");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                     .redirectOutput(dataDir.resolve("service.log").toFile())
                                                     .start();
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("service exited, see " + dataDir.resolve("service.log")).isTrue();
            try {
                return api.anonymous().get("/actuator/health").status() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
        return process;
    }

    @Test
    void everyAcknowledgedCommandSurvivesKillMinus9() throws Exception {
        Path dataDir = Path.of(ApiTest.newDataDirectory());
        int port = freePort();
        service = start(dataDir, port);
        Api admin = new Api(port).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(admin.post("/api/admin/users", json(Map.of("username", "loader", "password", TestUsers.PASSWORD,
                                                              "roles", List.of("REGISTRAR")))).status()).isEqualTo(201);
        Api loader = new Api(port).as("loader");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    String id = "K" + client + "-" + i;
                    try {
                        Api.Response answer = loader.post("/api/mediators", json(Map.of(
                                "mediatorId", id, "name", "调解员", "employment", "PART_TIME")));
                        if (answer.status() == 201) {
                            acknowledged.add(id);
                        }
                    } catch (IllegalStateException connectionLost) {
                        return;
                    }
                }
            });
            clients.add(thread);
            thread.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 200);
        service.destroyForcibly().waitFor();
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }

        Set<String> stored = ConcurrentHashMap.newKeySet();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/jinlin", "sa", "");
             PreparedStatement select = connection.prepareStatement(
                     "select aggregate_identifier from domain_event_entry where sequence_number = 0")) {
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
        assertThat(stored).containsAll(acknowledged);

        service = start(dataDir, port);
        Api registrar = new Api(port).as("loader");
        String last = acknowledged.iterator().next();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(registrar.get("/api/mediators?size=500").body().path("total").asLong())
                        .isEqualTo(stored.stream().filter(id -> id.startsWith("K")).count()));
        assertThat(registrar.get("/api/mediators/" + last).status()).isEqualTo(200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
