package org.jinlin.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.PostgresNodes;
import org.jinlin.app.support.TestUsers;
import org.jinlin.query.audit.ChainVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * Three nodes on one PostgreSQL, as an operator would run them: a command node ({@code jinlin.role=command}), a
 * node running both sides ({@code all}) and a query node ({@code query}). Commands for the same records race on
 * two nodes; the projections are spread over the two nodes that run them; when one of those stops, the other takes
 * its projections over and catches up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterTest {

    private static final List<String> COMMUNITIES = List.of("350802101001", "350802101002", "350802101003",
                                                            "350802101004");
    private static final List<String> MEDIATORS = List.of("PC-1", "PC-2", "PC-3", "PC-4");

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext writer;
    private static ConfigurableApplicationContext both;
    private static ConfigurableApplicationContext reader;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        postgres = PostgresNodes.startPostgres();
        String url = PostgresNodes.url(postgres);
        writer = PostgresNodes.start(url, "command", "writer");
        both = PostgresNodes.start(url, "all", "both");
        reader = PostgresNodes.start(url, "query", "reader");
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{reader, both, writer}) {
            if (node != null && node.isActive()) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void eachNodeServesItsRoleOnly() {
        Api registrarOnReader = PostgresNodes.api(reader).as(TestUsers.REGISTRAR);
        Api.Response refused = registrarOnReader.post("/api/communities", json(Map.of(
                "code", "350802109001", "name", "只读节点", "kind", "URBAN", "townshipName", "街道",
                "residentPopulation", 100)));
        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                                       Long.class, "350802109001")).isZero();

        Api.Response readOnWriter = PostgresNodes.api(writer).as(TestUsers.ANALYST).get("/api/stats/mediator-ratios");
        assertThat(readOnWriter.status()).as(readOnWriter.toString()).isBetween(400, 499);
    }

    @Test
    @Order(2)
    void projectionsAreSpreadOverTheNodesThatRunThem() {
        Set<String> projections = projectionNames();
        assertThat(projections).hasSizeGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, String> owners = projectionOwners(projections);
            assertThat(owners.keySet()).as(owners.toString()).containsAll(projections);
            // Both nodes running projections hold some; the command node holds none.
            assertThat(Set.copyOf(owners.values())).as(owners.toString()).containsExactlyInAnyOrder("both", "reader");
            long onBoth = owners.values().stream().filter("both"::equals).count();
            assertThat(Math.abs(2 * onBoth - projections.size())).as(owners.toString()).isLessThanOrEqualTo(1);
        });
    }

    @Test
    @Order(3)
    void conflictingCommandsOnTwoNodesGiveSuccessOrConflictAndGaplessStreams() throws Exception {
        Api setup = PostgresNodes.api(writer).as(TestUsers.REGISTRAR);
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        for (int i = 0; i < COMMUNITIES.size(); i++) {
            assertThat(setup.post("/api/communities", json(Map.of(
                    "code", COMMUNITIES.get(i), "name", "竞争社区" + i, "kind", "URBAN", "townshipName", "新罗街道",
                    "residentPopulation", 12000))).status()).isEqualTo(201);
            assertThat(setup.post("/api/mediators", json(Map.of(
                    "mediatorId", MEDIATORS.get(i), "name", "调解员" + i, "employment", "PART_TIME"))).status())
                    .isEqualTo(201);
            accepted.merge(COMMUNITIES.get(i), 1L, Long::sum);
            accepted.merge(MEDIATORS.get(i), 1L, Long::sum);
        }

        List<Api> nodes = List.of(PostgresNodes.api(writer).as(TestUsers.REGISTRAR),
                                  PostgresNodes.api(both).as(TestUsers.REGISTRAR));
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.add(new Thread(() -> {
                Random random = new Random(client);
                for (int i = 0; i < 40; i++) {
                    Api node = nodes.get((client + i) % 2);
                    String community = COMMUNITIES.get(random.nextInt(COMMUNITIES.size()));
                    String mediator = MEDIATORS.get(random.nextInt(MEDIATORS.size()));
                    Api.Response answer = switch (random.nextInt(3)) {
                        case 0 -> node.put("/api/communities/" + community + "/population",
                                           json(Map.of("residentPopulation", 1000 + random.nextInt(20000))));
                        case 1 -> node.post("/api/mediators/" + mediator + "/appointments",
                                            json(Map.of("communityCode", community)));
                        default -> node.post("/api/mediators/" + mediator + "/reliefs",
                                             json(Map.of("communityCode", community, "reason", "轮岗")));
                    };
                    statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (answer.status() == 200) {
                        accepted.merge(answer.body().path("id").asText(), 1L, Long::sum);
                    } else if (answer.status() != 409) {
                        unexpected.add(answer.toString());
                    }
                }
            }));
        }
        clients.forEach(Thread::start);
        for (Thread client : clients) {
            client.join();
        }

        assertThat(unexpected).as("every answer is 2xx or 409").isEmpty();
        assertThat(statuses.get(200)).as(statuses.toString()).isNotNull();
        assertThat(statuses.get(409)).as("the nodes did race: " + statuses).isNotNull();

        Map<String, Long> stored = new HashMap<>();
        jdbc.query("select aggregate_identifier, count(*), count(distinct sequence_number), min(sequence_number), "
                   + "max(sequence_number) from domain_event_entry group by aggregate_identifier", rs -> {
            String stream = rs.getString(1);
            long count = rs.getLong(2);
            assertThat(rs.getLong(3)).as("no duplicate sequence in " + stream).isEqualTo(count);
            assertThat(rs.getLong(4)).as("stream " + stream + " starts at 0").isZero();
            assertThat(rs.getLong(5)).as("no gap in " + stream).isEqualTo(count - 1);
            stored.put(stream, count);
        });
        for (String stream : accepted.keySet()) {
            assertThat(stored.get(stream)).as("one stored event per accepted command on " + stream)
                                          .isEqualTo(accepted.get(stream));
        }
        try (Connection connection = DriverManager.getConnection(PostgresNodes.url(postgres), "postgres", "")) {
            assertThat(new ChainVerifier().verify(connection, null).intact()).as("every hash chain verifies").isTrue();
        }
        assertThat(jdbc.queryForObject("select increment_by * cache_size from pg_sequences "
                                       + "where sequencename like 'domain_event_entry%'", Long.class))
                .as("the global index is allocated one at a time").isEqualTo(1);

        Api admin = PostgresNodes.api(reader).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        awaitNoLag(admin);
        Api auditor = PostgresNodes.api(reader).as(TestUsers.AUDITOR);
        Map<String, JsonNode> before = readModels(auditor);
        for (String projection : List.of("mediator-ratios", "directory")) {
            int generation = admin.get("/api/admin/projections/" + projection).body().path("readGeneration").asInt();
            Api.Response replay = admin.post("/api/admin/projections/" + projection + "/replay", null);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode status = admin.get("/api/admin/projections/" + projection).body();
                return status.path("readGeneration").asInt() > generation && !status.path("replaying").asBoolean();
            });
        }
        assertThat(readModels(auditor)).as("the read models equal a rebuild from the events").isEqualTo(before);
    }

    @Test
    @Order(4)
    void whenANodeStopsTheOtherTakesItsProjectionsAndCatchesUp() {
        Set<String> projections = projectionNames();
        both.close();
        Api registrar = PostgresNodes.api(writer).as(TestUsers.REGISTRAR);
        Api.Response registered = registrar.post("/api/communities", json(Map.of(
                "code", "350802101009", "name", "接管社区", "kind", "RURAL", "townshipName", "新罗街道",
                "residentPopulation", 15000)));
        assertThat(registered.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            Map<String, String> owners = projectionOwners(projections);
            assertThat(Set.copyOf(owners.values())).as(owners.toString()).containsExactly("reader");
            assertThat(owners.keySet()).containsAll(projections);
        });
        Api analyst = PostgresNodes.api(reader).as(TestUsers.ANALYST);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode gaps = analyst.get("/api/stats/mediator-ratios/350800/gaps?consistentWith="
                                        + registered.eventToken()).body();
            assertThat(gaps.findValuesAsText("communityCode")).contains("350802101009");
        });
        Api admin = PostgresNodes.api(reader).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        awaitNoLag(admin);
    }

    private static void awaitNoLag(Api admin) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (JsonNode projection : admin.get("/api/admin/projections").body()) {
                assertThat(projection.path("lag").asLong()).as(projection.toString()).isZero();
            }
        });
    }

    private static Map<String, JsonNode> readModels(Api reader) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("ratios", reader.get("/api/stats/mediator-ratios").body());
        answers.put("gaps", reader.get("/api/stats/mediator-ratios/350800/gaps").body());
        answers.put("communities", reader.get("/api/communities?cityCode=350800&size=500").body());
        for (String code : COMMUNITIES) {
            answers.put(code, reader.get("/api/communities/" + code).body());
        }
        for (String mediator : MEDIATORS) {
            answers.put(mediator, reader.get("/api/mediators/" + mediator).body());
        }
        return answers;
    }

    private static Set<String> projectionNames() {
        Api admin = PostgresNodes.api(reader).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        Set<String> names = new java.util.TreeSet<>();
        admin.get("/api/admin/projections").body().forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    /** The node holding each projection's segment (one segment each), for the projections that are held. */
    private static Map<String, String> projectionOwners(Set<String> projections) {
        return PostgresNodes.owners(jdbc).entrySet().stream()
                            .filter(e -> projections.contains(e.getKey().substring(0, e.getKey().indexOf('/'))))
                            .filter(e -> e.getValue() != null)
                            .collect(Collectors.toMap(e -> e.getKey().substring(0, e.getKey().indexOf('/')),
                                                      Map.Entry::getValue));
    }
}
