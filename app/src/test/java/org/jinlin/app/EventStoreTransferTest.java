package org.jinlin.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jinlin.app.audit.VerifyCommand;
import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.storage.EventStoreTransfer;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.PostgresNodes;
import org.jinlin.app.support.TestUsers;
import org.jinlin.kernel.household.IdCardNumber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * An embedded installation moves into PostgreSQL with {@code export-events} and {@code import-events}: the events
 * keep their bytes, order and hash chains; users, keys and the command side's lookups come along; the read models
 * rebuilt on PostgreSQL from the moved events answer exactly as they did on H2; and commands go on where they
 * stopped. An export taken from PostgreSQL goes back into a new embedded store as well.
 */
class EventStoreTransferTest {

    private static final String COUNTY = "350802";
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresNodes.startPostgres();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anEmbeddedInstallationMovesIntoPostgresWithTheSameReadModelsAndIntactChains() throws Exception {
        Path dataDir = Path.of(ApiTest.newDataDirectory());
        Map<String, JsonNode> before;
        List<String> communities;
        String mediator = Codes.id("MV");
        long eventsOnH2;
        try (ConfigurableApplicationContext embedded = new SpringApplicationBuilder(JinlinApplication.class).run(
                "--jinlin.data-dir=" + dataDir, "--server.port=0", "--jinlin.security.bcrypt-strength=4",
                "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD, "--logging.level.root=WARN",
                // Logging is one per JVM: keep the service's INFO lines that log tests in this JVM capture.
                "--logging.level.org.jinlin=INFO")) {
            TestUsers.ensure(embedded.getBean(UserAdministration.class));
            Api api = PostgresNodes.api(embedded);
            Api admin = api.as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            assertThat(admin.post("/api/admin/users", json(Map.of("username", "mover", "password", TestUsers.PASSWORD,
                                                                  "roles", List.of("REGISTRAR")))).status())
                    .isEqualTo(201);
            communities = writeSomeHistory(api.as("mover"), mediator);
            awaitNoLag(admin);
            before = readModels(api, communities, mediator);
            eventsOnH2 = new JdbcTemplate(embedded.getBean(javax.sql.DataSource.class))
                    .queryForObject("select count(*) from domain_event_entry", Long.class);
            assertThat(before.get("roster").path("items").size()).as("households reached the roster").isPositive();
        }

        Path export = dataDir.resolve("export.jsonl.gz");
        assertThat(EventStoreTransfer.run(new String[]{"export-events", "--data", dataDir.toString(),
                                                       "--to", export.toString()})).isZero();
        String url = PostgresNodes.url(postgres);
        String[] importArguments = {"import-events", "--from", export.toString(), "--url", url,
                                    "--user", "postgres", "--password", ""};
        assertThat(EventStoreTransfer.run(importArguments)).isZero();
        assertThat(VerifyCommand.run(new String[]{"verify", "--url", url, "--user", "postgres", "--password", ""}))
                .as("every hash chain verifies after the move").isZero();
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(eventsOnH2);
        assertThat(EventStoreTransfer.run(importArguments)).as("a second import into the same store is refused")
                                                           .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(eventsOnH2);
        long lastMoved = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);

        ConfigurableApplicationContext node = PostgresNodes.start(url, "all", "moved");
        try {
            Api api = PostgresNodes.api(node);
            awaitNoLag(api.as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD));
            assertThat(readModels(api, communities, mediator)).as("the read models rebuilt on PostgreSQL")
                                                             .isEqualTo(before);

            Api mover = api.as("mover");
            Api.Response again = mover.post("/api/communities", json(Map.of(
                    "code", communities.get(0), "name", "重复", "kind", "URBAN", "townshipName", "新罗街道",
                    "residentPopulation", 100)));
            assertThat(again.status()).as("the command side's lookups moved: " + again).isEqualTo(409);
            Api.Response moved = mover.put("/api/communities/" + communities.get(1) + "/population",
                                           json(Map.of("residentPopulation", 23456)));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.body().path("version").asLong()).as("the stream goes on after its moved events")
                                                              .isEqualTo(1);
            assertThat(jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ?"
                                           + " and sequence_number = 1", Long.class, communities.get(1)))
                    .as("the global index continues after the moved events").isGreaterThan(lastMoved);
        } finally {
            node.close();
        }

        // And back: an export from PostgreSQL imports into a new embedded store, chains intact.
        Path back = dataDir.resolve("back.jsonl");
        assertThat(EventStoreTransfer.run(new String[]{"export-events", "--url", url, "--user", "postgres",
                                                       "--password", "", "--to", back.toString()})).isZero();
        Path copy = Path.of(ApiTest.newDataDirectory());
        assertThat(EventStoreTransfer.run(new String[]{"import-events", "--from", back.toString(),
                                                       "--data", copy.toString()})).isZero();
        assertThat(VerifyCommand.run(new String[]{"verify", "--data", copy.toString()})).isZero();
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("jinlin"), "sa", "");
             var rows = h2.createStatement().executeQuery("select count(*), max(global_index) from domain_event_entry")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry",
                                                                      Long.class));
            assertThat(rows.getLong(2)).isEqualTo(jdbc.queryForObject("select max(global_index) from domain_event_entry",
                                                                      Long.class));
        }
    }

    @Test
    void everyTableIsEitherMovedOrRebuilt() throws Exception {
        try (Connection connection = DriverManager.getConnection(PostgresNodes.url(postgres), "postgres", "")) {
            org.flywaydb.core.Flyway.configure().dataSource(PostgresNodes.url(postgres), "postgres", "")
                                    .schemas("classified").createSchemas(true)
                                    .locations("classpath:db/migration").load().migrate();
            Set<String> tables = new TreeSet<>();
            Set<String> unclassified = new TreeSet<>();
            try (var rows = connection.getMetaData().getTables(null, "classified", "%", new String[]{"TABLE"})) {
                while (rows.next()) {
                    String table = rows.getString("TABLE_NAME");
                    tables.add(table);
                    if (!EventStoreTransfer.MOVED_TABLES.contains(table)
                        && !EventStoreTransfer.REBUILT_TABLES.contains(table)
                        && EventStoreTransfer.READ_MODEL_PREFIXES.stream().noneMatch(table::startsWith)) {
                        unclassified.add(table);
                    }
                }
            }
            assertThat(tables).contains("domain_event_entry", "app_user", "ratio_city", "token_entry");
            assertThat(unclassified).as("tables neither moved by export-events nor rebuilt from the events")
                                    .isEmpty();
        }
    }

    /** Communities, a full-time mediator appointed to one, a city's policy and two households with members. */
    private static List<String> writeSomeHistory(Api registrar, String mediator) {
        List<String> communities = List.of(Codes.community(COUNTY), Codes.community(COUNTY), Codes.community(COUNTY));
        for (String code : communities) {
            ok(registrar.post("/api/communities", json(Map.of("code", code, "name", "迁移社区", "kind", "URBAN",
                                                               "townshipName", "新罗街道", "residentPopulation", 12000))));
        }
        ok(registrar.post("/api/mediators", json(Map.of("mediatorId", mediator, "name", "迁移调解员",
                                                         "employment", "FULL_TIME"))));
        ok(registrar.post("/api/mediators/" + mediator + "/appointments",
                          json(Map.of("communityCode", communities.get(0)))));
        ok(registrar.put("/api/city-policies/350800", json(Map.of("dibaoStandard", 1000,
                                                                  "effectiveFrom", "2021-01-01"))));
        ok(registrar.post("/api/households", json(Map.of(
                "householdId", Codes.id("HH"), "communityCode", communities.get(2), "monthlyIncome", 800,
                "migrant", false, "members", List.of(member(70, true, "黄老伯", "HEAD", "RETIRED"))))));
        ok(registrar.post("/api/households", json(Map.of(
                "householdId", Codes.id("HH"), "communityCode", communities.get(2), "monthlyIncome", 1500,
                "migrant", false, "members", List.of(member(45, false, "林秀英", "HEAD", "UNEMPLOYED"),
                                                      member(12, true, "林小明", "CHILD", "STUDENT"))))));
        return communities;
    }

    private static int person;

    private static Map<String, Object> member(int age, boolean male, String name, String relation, String employment) {
        LocalDate born = LocalDate.now().minusYears(age).minusDays(20);
        String first17 = COUNTY + born.toString().replace("-", "") + String.format("%02d", person++) + (male ? "1" : "2");
        return Map.of("idNumber", first17 + IdCardNumber.checkCharacter(first17), "name", name, "relation", relation,
                      "employment", employment);
    }

    private static void ok(Api.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
    }

    /** What readers see: ratios, directory, the roster with names (decrypted) and the household view. */
    private static Map<String, JsonNode> readModels(Api api, List<String> communities, String mediator) {
        Api auditor = api.as(TestUsers.AUDITOR);
        Api registrar = api.as(TestUsers.REGISTRAR);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        answers.put("ratios", auditor.get("/api/stats/mediator-ratios").body());
        answers.put("gaps", auditor.get("/api/stats/mediator-ratios/350800/gaps").body());
        answers.put("communities", auditor.get("/api/communities?cityCode=350800&size=500").body());
        answers.put("mediator", auditor.get("/api/mediators/" + mediator).body());
        for (String code : communities) {
            answers.put(code, auditor.get("/api/communities/" + code).body());
        }
        answers.put("roster", registrar.get("/api/rosters/low-income?size=500&communityCode=" + communities.get(2)).body());
        for (JsonNode item : answers.get("roster").path("items")) {
            String household = item.path("householdId").asText();
            answers.putIfAbsent("household " + household, registrar.get("/api/households/" + household).body());
        }
        return answers;
    }

    private static void awaitNoLag(Api admin) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode projections = admin.get("/api/admin/projections").body();
            assertThat(projections.size()).isPositive();
            for (JsonNode projection : projections) {
                assertThat(projection.path("lag").asLong()).as(projection.toString()).isZero();
            }
        });
    }
}
