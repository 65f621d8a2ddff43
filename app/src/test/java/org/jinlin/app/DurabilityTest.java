package org.jinlin.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.audit.VerifyCommand;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * Nothing acknowledged is lost when the process dies. The packaged service runs in a child JVM on the embedded
 * H2 file ({@link PostgresDurabilityTest} runs the same on PostgreSQL); eight clients register communities and
 * full-time mediators and appoint them, recording every acknowledged (id, version); the process is killed with
 * SIGKILL mid-load, three times over. After each kill every
 * acknowledged event is in the store, no stream has a gap, and every hash chain verifies; after the last restart
 * the read models catch up and equal a rebuild from the events.
 */
class DurabilityTest {

    private static final int CLIENTS = 8;
    private Process service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    /** Where the service keeps its store: arguments for the service. */
    protected List<String> storeArguments(Path dataDir) {
        return List.of("--jinlin.data-dir=" + dataDir);
    }

    /** A connection to the store, with the service stopped. */
    protected Connection openStore(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/jinlin", "sa", "");
    }

    /** The arguments of the offline {@code verify} command for the store. */
    protected String[] verifyArguments(Path dataDir) {
        return new String[]{"verify", "--data", dataDir.toString()};
    }

    private Process start(Path dataDir, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "-Ddisable-axoniq-console-message=true",
                JinlinApplication.class.getName(),
                "--server.port=" + port,
                "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--jinlin.security.bcrypt-strength=4", "--logging.level.root=WARN"));
        command.addAll(storeArguments(dataDir));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                     .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                                             dataDir.resolve("service.log").toFile()))
                                                     .start();
        Api api = new Api(port);
        try {
            // Generous: on a busy build machine a start of the whole service can take over a minute.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertThat(process.isAlive()).as("service exited, see " + dataDir.resolve("service.log")).isTrue();
                try {
                    return api.anonymous().get("/actuator/health/readiness").status() == 200;
                } catch (IllegalStateException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException | AssertionError notReady) {
            process.destroyForcibly();
            throw notReady;
        }
        return process;
    }

    @Test
    void everyAcknowledgedCommandSurvivesThreeKillsAndTheReadModelsEqualARebuild() throws Exception {
        Path dataDir = Path.of(ApiTest.newDataDirectory());
        int port = freePort();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        for (int round = 0; round < 3; round++) {
            service = start(dataDir, port);
            Api admin = new Api(port).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            if (round == 0) {
                assertThat(admin.post("/api/admin/users", json(Map.of("username", "loader", "password",
                                                                      TestUsers.PASSWORD, "roles",
                                                                      List.of("REGISTRAR")))).status()).isEqualTo(201);
            }
            load(new Api(port).as("loader"), round, acknowledged, 120 * (round + 1));
            service.destroyForcibly().waitFor();

            Map<String, Long> stored = storedVersions(dataDir);
            for (Map.Entry<String, Long> ack : acknowledged.entrySet()) {
                assertThat(stored.get(ack.getKey())).as("acknowledged version of " + ack.getKey())
                                                    .isNotNull().isGreaterThanOrEqualTo(ack.getValue());
            }
            assertThat(VerifyCommand.run(verifyArguments(dataDir)))
                    .as("no gap and every chain intact after kill " + (round + 1)).isZero();
        }

        service = start(dataDir, port);
        Api admin = new Api(port).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        Api reader = admin;
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            for (JsonNode projection : admin.get("/api/admin/projections").body()) {
                assertThat(projection.path("lag").asLong()).as(projection.toString()).isZero();
            }
        });
        JsonNode ratios = reader.get("/api/stats/mediator-ratios").body();
        JsonNode communities = reader.get("/api/communities?size=500").body();
        long covered = 0;
        for (JsonNode row : ratios) {
            covered += row.path("withFullTimeMediator").asLong();
        }
        assertThat(covered).as("appointments reached the read model").isPositive();

        for (String projection : List.of("mediator-ratios", "directory")) {
            int generation = admin.get("/api/admin/projections/" + projection).body().path("readGeneration").asInt();
            assertThat(admin.post("/api/admin/projections/" + projection + "/replay", null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                JsonNode status = admin.get("/api/admin/projections/" + projection).body();
                return status.path("readGeneration").asInt() > generation && !status.path("replaying").asBoolean();
            });
        }
        assertThat(reader.get("/api/stats/mediator-ratios").body()).isEqualTo(ratios);
        assertThat(reader.get("/api/communities?size=500").body()).isEqualTo(communities);
    }

    /** Eight clients register a community and a full-time mediator each and appoint it, until killed. */
    private void load(Api loader, int round, Map<String, Long> acknowledged, int atLeast) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    String code = String.format("3508%02d%03d%03d", 2 + round, 100 + client, i % 999 + 1);
                    String mediator = "K" + round + "-" + client + "-" + i;
                    try {
                        record(loader.post("/api/communities", json(Map.of(
                                "code", code, "name", "社区" + i, "kind", "URBAN", "townshipName", "街道",
                                "residentPopulation", 1000 + i))), acknowledged, answered);
                        record(loader.post("/api/mediators", json(Map.of(
                                "mediatorId", mediator, "name", "调解员", "employment", "FULL_TIME"))),
                               acknowledged, answered);
                        record(loader.post("/api/mediators/" + mediator + "/appointments",
                                           json(Map.of("communityCode", code))), acknowledged, answered);
                    } catch (IllegalStateException connectionLost) {
                        return;
                    }
                }
            });
            clients.add(thread);
            thread.start();
        }
        await().atMost(Duration.ofSeconds(180)).until(() -> answered.get() >= atLeast);
        service.destroyForcibly();
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
    }

    private static void record(Api.Response answer, Map<String, Long> acknowledged, AtomicInteger answered) {
        if (answer.status() == 200 || answer.status() == 201) {
            acknowledged.merge(answer.body().path("id").asText(), answer.body().path("version").asLong(), Math::max);
            answered.incrementAndGet();
        }
    }

    private Map<String, Long> storedVersions(Path dataDir) throws Exception {
        Map<String, Long> stored = new HashMap<>();
        try (Connection connection = openStore(dataDir);
             PreparedStatement select = connection.prepareStatement(
                     "select aggregate_identifier, max(sequence_number) from domain_event_entry "
                     + "group by aggregate_identifier");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getLong(2));
            }
        }
        return stored;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
