package org.jinlin.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/** The service stopped and started again on the same data directory finds its events and read models intact. */
class RestartTest {

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(JinlinApplication.class).run(
                "--jinlin.data-dir=" + dataDir, "--server.port=0", "--jinlin.security.bcrypt-strength=4",
                "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static long events(ConfigurableApplicationContext context) {
        Long count = context.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry",
                                                                        Long.class);
        return count == null ? 0 : count;
    }

    @Test
    void eventsReadModelsAndUsersSurviveARestart() {
        String dataDir = ApiTest.newDataDirectory();
        JsonNode ratiosBefore;
        JsonNode communityBefore;
        long eventsBefore;
        String keyedAnswer;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            TestUsers.ensure(first.getBean(UserAdministration.class));
            Api registrar = api(first).as(TestUsers.REGISTRAR);
            registrar.post("/api/communities", json(Map.of("code", "350802001001", "name", "东城社区", "kind", "URBAN",
                                                           "townshipName", "东城街道", "residentPopulation", 12000)));
            registrar.post("/api/communities/350802001001/compounds", json(Map.of("compoundId", "C1", "name", "幸福小区")));
            registrar.post("/api/mediators", json(Map.of("mediatorId", "M-1", "name", "张三", "employment", "FULL_TIME")));
            String token = registrar.post("/api/mediators/M-1/appointments",
                                          json(Map.of("communityCode", "350802001001"))).eventToken();
            ratiosBefore = api(first).as(TestUsers.ANALYST).get("/api/stats/mediator-ratios?consistentWith=" + token)
                                     .body();
            Api.Response keyed = registrar.header("Idempotency-Key", "before-restart")
                                          .put("/api/communities/350802001001/population",
                                               json(Map.of("residentPopulation", 12500)));
            keyedAnswer = keyed.text();
            communityBefore = registrar.get("/api/communities/350802001001?consistentWith=" + keyed.eventToken())
                                       .body();
            eventsBefore = events(first);
        }
        assertThat(ratiosBefore.get(0).path("withFullTimeMediator").asLong()).isEqualTo(1);

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api registrar = api(second).as(TestUsers.REGISTRAR);
            assertThat(events(second)).isEqualTo(eventsBefore);
            assertThat(registrar.header("Idempotency-Key", "before-restart")
                                .put("/api/communities/350802001001/population", json(Map.of("residentPopulation", 12500)))
                                .text()).as("the first answer, also after a restart").isEqualTo(keyedAnswer);
            assertThat(events(second)).as("and nothing appended").isEqualTo(eventsBefore);
            assertThat(api(second).as(TestUsers.ANALYST).get("/api/stats/mediator-ratios").body())
                    .isEqualTo(ratiosBefore);
            assertThat(registrar.get("/api/communities/350802001001").body()).isEqualTo(communityBefore);

            Api.Response next = registrar.put("/api/communities/350802001001/population",
                                              json(Map.of("residentPopulation", 13000)));
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body().path("version").asLong()).isEqualTo(3);
            assertThat(registrar.post("/api/communities", json(Map.of(
                    "code", "350802001001", "name", "again", "kind", "URBAN", "townshipName", "x",
                    "residentPopulation", 1))).status()).isEqualTo(409);
        }
    }
}
