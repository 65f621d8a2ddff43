package org.jinlin.app.ratio;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/**
 * A registrar registers communities and mediators, appoints full-time mediators, and a policy analyst sees per
 * city-level unit the share of communities with a full-time mediator against the 3 % target. This class has a
 * database of its own (the distinct priority threshold gives it its own context), so the numbers are exact.
 */
@TestPropertySource(properties = "jinlin.mediator-ratio.priority-population=5000")
class MediatorRatioApiTest extends ApiTest {

    private String lastToken;

    private void command(String method, String path, Map<String, ?> body) {
        Api.Response response = registrar().send(method, path, json(body));
        assertThat(response.status()).as(path + " " + response).isBetween(200, 201);
        lastToken = response.eventToken();
    }

    private void community(String code, int population) {
        command("POST", "/api/communities", Map.of("code", code, "name", "社区" + code.substring(9),
                                                   "kind", "URBAN", "townshipName", "街道",
                                                   "residentPopulation", population));
    }

    private void mediator(String id, String employment) {
        command("POST", "/api/mediators", Map.of("mediatorId", id, "name", "调解员" + id, "employment", employment));
    }

    private void appoint(String mediator, String community) {
        command("POST", "/api/mediators/" + mediator + "/appointments", Map.of("communityCode", community));
    }

    private JsonNode ratios() {
        Api.Response response = analyst().get("/api/stats/mediator-ratios?consistentWith=" + lastToken);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode row(JsonNode ratios, String city) {
        for (JsonNode row : ratios) {
            if (row.path("cityCode").asText().equals(city)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + city + " in " + ratios);
    }

    @Test
    void analystsSeeEachCitysShareOfCommunitiesWithAFullTimeMediatorAgainstTheTarget() {
        // 龙岩市 Longyan: four communities. Mediators are registered before the communities they will serve.
        mediator("LY-1", "FULL_TIME");
        mediator("LY-2", "FULL_TIME");
        mediator("LY-3", "PART_TIME");
        community("350802001001", 12000);
        community("350802001002", 3000);
        community("350881001003", 20000);
        community("350881001004", 100);
        appoint("LY-1", "350802001001");
        appoint("LY-2", "350802001001");   // a second full-time mediator in the same community counts once
        appoint("LY-3", "350802001002");   // part-time does not count
        command("POST", "/api/communities/350802001002/dispute-prominence",
                Map.of("prominent", true, "reason", "征地纠纷多发"));

        // 平潭 Pingtan is its own city-level unit.
        community("350128100201", 800);
        mediator("PT-1", "FULL_TIME");
        appoint("PT-1", "350128100201");

        // 福州市 Fuzhou: 40 communities, one covered: 2.5 %, below the 3 % target.
        List<String> fuzhou = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String code = String.format("350102001%03d", i);
            fuzhou.add(code);
            community(code, 1000);
        }
        mediator("FZ-1", "FULL_TIME");
        appoint("FZ-1", fuzhou.get(0));

        JsonNode ratios = ratios();
        assertThat(ratios.findValuesAsText("cityCode")).containsExactly("350100", "350128", "350800");
        JsonNode longyan = row(ratios, "350800");
        assertThat(longyan.path("cityName").asText()).isEqualTo("龙岩市");
        assertThat(longyan.path("communities").asLong()).isEqualTo(4);
        assertThat(longyan.path("withFullTimeMediator").asLong()).isEqualTo(1);
        assertThat(longyan.path("ratio").asDouble()).isEqualTo(0.25);
        assertThat(longyan.path("target").decimalValue()).isEqualByComparingTo("0.03");
        assertThat(longyan.path("meetsTarget").asBoolean()).isTrue();
        JsonNode pingtan = row(ratios, "350128");
        assertThat(pingtan.path("cityName").asText()).isEqualTo("平潭综合实验区");
        assertThat(pingtan.path("ratio").asDouble()).isEqualTo(1.0);
        JsonNode fuzhouRow = row(ratios, "350100");
        assertThat(fuzhouRow.path("communities").asLong()).isEqualTo(40);
        assertThat(fuzhouRow.path("ratio").asDouble()).isEqualTo(0.025);
        assertThat(fuzhouRow.path("meetsTarget").asBoolean()).isFalse();

        // Priority communities without a full-time mediator: dispute-prominent, or population ≥ 5 000 here.
        JsonNode gaps = analyst().get("/api/stats/mediator-ratios/350800/gaps?consistentWith=" + lastToken).body();
        assertThat(gaps.findValuesAsText("communityCode")).containsExactly("350802001002", "350881001003");
        assertThat(gaps.get(0).path("disputeProminent").asBoolean()).isTrue();
        assertThat(gaps.get(1).path("residentPopulation").asInt()).isEqualTo(20000);

        // A second full-time appointment lifts Fuzhou to 5 %: the target is met.
        mediator("FZ-2", "FULL_TIME");
        appoint("FZ-2", fuzhou.get(1));
        assertThat(row(ratios(), "350100").path("meetsTarget").asBoolean()).isTrue();

        // LY-1 relieved: LY-2 still covers 350802001001. LY-2 becomes part-time: nobody does.
        command("POST", "/api/mediators/LY-1/reliefs", Map.of("communityCode", "350802001001", "reason", "调任"));
        assertThat(row(ratios(), "350800").path("withFullTimeMediator").asLong()).isEqualTo(1);
        command("PUT", "/api/mediators/LY-2/employment", Map.of("employment", "PART_TIME"));
        assertThat(row(ratios(), "350800").path("withFullTimeMediator").asLong()).isZero();
        assertThat(row(ratios(), "350800").path("meetsTarget").asBoolean()).isFalse();

        // LY-1 re-appointed to the big community closes that gap; LY-3 turning full-time covers the prominent
        // one; 350802001001 (12 000 residents) is now the one priority community left without a full-time mediator.
        appoint("LY-1", "350881001003");
        command("PUT", "/api/mediators/LY-3/employment", Map.of("employment", "FULL_TIME"));
        assertThat(row(ratios(), "350800").path("withFullTimeMediator").asLong()).isEqualTo(2);
        assertThat(analyst().get("/api/stats/mediator-ratios/350800/gaps?consistentWith=" + lastToken).body()
                            .findValuesAsText("communityCode")).containsExactly("350802001001");
    }

    @Test
    void whoMayReadTheRatios() {
        assertThat(api.anonymous().get("/api/stats/mediator-ratios").status()).isEqualTo(401);
        assertThat(api.as(TestUsers.MEDIATOR).get("/api/stats/mediator-ratios").status()).isEqualTo(403);
        for (String reader : List.of(TestUsers.ANALYST, TestUsers.AUDITOR, TestUsers.REGISTRAR, TestUsers.COORDINATOR)) {
            assertThat(api.as(reader).get("/api/stats/mediator-ratios").status()).as(reader).isEqualTo(200);
        }
        assertThat(admin().get("/api/stats/mediator-ratios").status()).isEqualTo(200);
    }

    @Test
    void gapsOfSomethingThatIsNotACityAreRefused() {
        Api.Response response = analyst().get("/api/stats/mediator-ratios/350802/gaps");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asText()).contains("not one of Fujian's nine cities or Pingtan");
        assertThat(analyst().get("/api/stats/mediator-ratios/350900/gaps").body().size()).isZero();
    }

    @Test
    void aReadForAWriteTheReadModelHasNotHandledIsRefusedAfterTheWaitNotAnsweredWithoutIt() {
        // No event has this position yet: the read model cannot have handled it within the wait.
        long beyondTheStream = Long.parseLong(registrar().send("POST", "/api/mediators",
                json(Map.of("mediatorId", "M-BEHIND", "name", "调解员", "employment", "PART_TIME"))).eventToken())
                               + 1_000_000;

        Api.Response response = analyst().get("/api/stats/mediator-ratios?consistentWith=" + beyondTheStream);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.body().path("type").asText()).endsWith("read-model-behind");
        assertThat(response.body().path("detail").asText()).contains("has not yet handled event " + beyondTheStream);
    }
}
