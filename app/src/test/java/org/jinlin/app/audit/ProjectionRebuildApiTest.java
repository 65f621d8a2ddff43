package org.jinlin.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/** An administrator rebuilds a read model from the events while it keeps answering, and it answers the same after. */
class ProjectionRebuildApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRebuildKeepsAnsweringAndEndsWithTheSameAnswers() {
        String token = null;
        for (int i = 0; i < 30; i++) {
            String code = Codes.community("350981");
            token = registrar().post("/api/communities", json(Map.of("code", code, "name", "社区" + i, "kind", "RURAL",
                                                                     "townshipName", "镇", "residentPopulation",
                                                                     1000 + i))).eventToken();
            if (i % 3 == 0) {
                String mediator = Codes.id("RB");
                registrar().post("/api/mediators", json(Map.of("mediatorId", mediator, "name", "x",
                                                               "employment", "FULL_TIME")));
                token = registrar().post("/api/mediators/" + mediator + "/appointments",
                                         json(Map.of("communityCode", code))).eventToken();
            }
        }
        Api analyst = api.as(TestUsers.ANALYST);
        JsonNode before = analyst.get("/api/stats/mediator-ratios?consistentWith=" + token).body();
        JsonNode status = admin().get("/api/admin/projections/mediator-ratios").body();
        int generation = status.path("readGeneration").asInt();
        assertThat(jdbc.queryForObject("select count(*) from ratio_community where generation = ?", Integer.class,
                                       generation)).as("rows the rebuild replaces").isPositive();

        Api.Response started = admin().post("/api/admin/projections/mediator-ratios/replay", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(admin().post("/api/admin/projections/mediator-ratios/replay", null).status()).as("already running")
                                                                                               .isIn(202, 409);

        List<JsonNode> during = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            Api.Response answer = analyst.get("/api/stats/mediator-ratios");
            assertThat(answer.status()).isEqualTo(200);
            during.add(answer.body());
            JsonNode now = admin().get("/api/admin/projections/mediator-ratios").body();
            return now.path("readGeneration").asInt() > generation && !now.path("replaying").asBoolean();
        });

        assertThat(during).allSatisfy(answer -> assertThat(answer).isEqualTo(before));
        assertThat(analyst.get("/api/stats/mediator-ratios").body()).isEqualTo(before);
        JsonNode after = admin().get("/api/admin/projections/mediator-ratios").body();
        assertThat(after.path("writeGeneration").asInt()).isEqualTo(after.path("readGeneration").asInt());
        assertThat(after.path("lag").asLong()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(admin().get("/api/admin/projections/mediator-ratios").body().path("removingOldRows").asBoolean())
                    .as("removing old rows").isFalse();
            for (String table : List.of("ratio_city", "ratio_community", "ratio_mediator", "ratio_appointment")) {
                assertThat(jdbc.queryForObject("select count(*) from " + table + " where generation <= ?",
                                               Integer.class, generation)).as("old rows of " + table).isZero();
            }
        });
    }

    @Test
    void onlyAdministratorsSeeAndRebuildProjections() {
        assertThat(api.as(TestUsers.AUDITOR).get("/api/admin/projections").status()).isEqualTo(403);
        assertThat(api.as(TestUsers.REGISTRAR).post("/api/admin/projections/directory/replay", null).status())
                .isEqualTo(403);
        assertThat(admin().post("/api/admin/projections/nothing/replay", null).status()).isEqualTo(404);
        JsonNode all = admin().get("/api/admin/projections").body();
        assertThat(all.findValuesAsText("name")).contains("directory", "mediator-ratios");
    }
}
