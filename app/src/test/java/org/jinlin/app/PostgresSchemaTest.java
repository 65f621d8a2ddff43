package org.jinlin.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/**
 * The same Flyway migrations build the schema on a real PostgreSQL (binaries from Maven Central), Hibernate
 * validates it, and a registrar's commands and an analyst's read work end to end on it.
 */
class PostgresSchemaTest {

    private static EmbeddedPostgres postgres;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        service = new SpringApplicationBuilder(JinlinApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                     "--spring.datasource.username=postgres", "--spring.datasource.password=",
                     "--server.port=0", "--jinlin.security.bcrypt-strength=4",
                     "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD);
        TestUsers.ensure(service.getBean(UserAdministration.class));
    }

    @AfterAll
    static void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void payloadsAreStoredAsByteaNeverAsLargeObjects() {
        List<String> types = service.getBean(JdbcTemplate.class).queryForList("""
                select data_type from information_schema.columns
                where table_name in ('domain_event_entry', 'snapshot_event_entry', 'token_entry')
                  and column_name in ('payload', 'meta_data', 'token')""", String.class);
        assertThat(types).isNotEmpty().containsOnly("bytea");
    }

    @Test
    void aRegistrarsCommandsAndAnAnalystsReadWorkOnPostgres() {
        Api api = new Api(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
        Api registrar = api.as(TestUsers.REGISTRAR);
        assertThat(registrar.post("/api/communities", json(Map.of(
                "code", "350902001001", "name", "蕉城社区", "kind", "URBAN", "townshipName", "蕉南街道",
                "residentPopulation", 9000))).status()).isEqualTo(201);
        assertThat(registrar.post("/api/communities", json(Map.of(
                "code", "350902001001", "name", "again", "kind", "URBAN", "townshipName", "x",
                "residentPopulation", 1))).status()).isEqualTo(409);
        assertThat(registrar.post("/api/mediators", json(Map.of(
                "mediatorId", "ND-1", "name", "林调解", "employment", "FULL_TIME"))).status()).isEqualTo(201);
        Api.Response appointed = registrar.post("/api/mediators/ND-1/appointments",
                                                json(Map.of("communityCode", "350902001001")));
        assertThat(appointed.status()).isEqualTo(200);

        var ratios = api.as(TestUsers.ANALYST)
                        .get("/api/stats/mediator-ratios?consistentWith=" + appointed.eventToken()).body();
        assertThat(ratios.get(0).path("cityCode").asText()).isEqualTo("350900");
        assertThat(ratios.get(0).path("withFullTimeMediator").asLong()).isEqualTo(1);
        assertThat(registrar.get("/api/communities?cityCode=350900").body().path("total").asLong()).isEqualTo(1);
    }
}
