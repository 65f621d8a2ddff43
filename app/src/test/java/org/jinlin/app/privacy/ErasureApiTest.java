package org.jinlin.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.jinlin.kernel.household.IdCardNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * A person's data is erasable although events are immutable: after an erasure every API, CSV, audit view and
 * replay shows the erased placeholder instead of the household's names and id-card numbers, while the
 * categories and counts stay the same and the hash chain still verifies. A legal hold refuses the erasure.
 */
class ErasureApiTest extends ApiTest {

    static final String PLACEHOLDER = "[已删除 erased]";

    @Autowired
    JdbcTemplate jdbc;

    private String token;

    private void command(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        token = response.eventToken();
    }

    private static String id(LocalDate born, boolean male, int sequence) {
        String first17 = "350702" + born.toString().replace("-", "") + String.format("%02d", sequence) + (male ? "1" : "2");
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    @Test
    void anErasedHouseholdReadsAsErasedEverywhereWhileItsCountsStay() {
        String community = Codes.community("350702");
        command(registrar().post("/api/communities", json(Map.of("code", community, "name", "延平社区", "kind", "URBAN",
                                                                 "townshipName", "梅山街道", "residentPopulation", 5000))));
        command(registrar().put("/api/city-policies/350700", json(Map.of("dibaoStandard", 900, "effectiveFrom", "2021-01-01"))));
        String grandma = id(LocalDate.now().minusYears(85), false, 11);
        String son = id(LocalDate.of(1975, 5, 5), true, 12);
        String household = Codes.id("ER");
        command(registrar().post("/api/households", json(Map.of(
                "householdId", household, "communityCode", community, "monthlyIncome", 1500, "migrant", false,
                "members", List.of(Map.of("idNumber", grandma, "name", "欧阳秘密", "relation", "PARENT", "employment", "RETIRED"),
                                   Map.of("idNumber", son, "name", "欧阳隐私", "relation", "HEAD", "employment", "EMPLOYED"))))));
        command(registrar().post("/api/households/" + household + "/care-partners",
                                 json(Map.of("partnerName", "志愿者小王", "partnerKind", "VOLUNTEER"))));
        command(registrar().post("/api/households/" + household + "/assistance",
                                 json(Map.of("kind", "VISIT", "note", "看望欧阳秘密", "on", "2024-05-01"))));

        JsonNode rosterBefore = registrar().get("/api/rosters/low-income?communityCode=" + community
                                                + "&consistentWith=" + token).body();
        assertThat(rosterBefore.toString()).contains("欧阳秘密", grandma);
        JsonNode summaryBefore = registrar().get("/api/rosters/low-income/summary?groupBy=community").body();
        assertThat(stored(household)).as("stored encrypted from the start").doesNotContain("欧阳秘密", grandma, "志愿者小王");

        Api admin = admin();
        command(admin.post("/api/admin/legal-holds/households/" + household, json(Map.of("reason", "诉讼保全"))));
        Api.Response held = admin.post("/api/admin/erasure/households/" + household, json(Map.of("reason", "本人申请")));
        assertThat(held.status()).isEqualTo(409);
        assertThat(held.body().path("detail").asText()).contains("legal hold");
        command(admin.send("DELETE", "/api/admin/legal-holds/households/" + household, json(Map.of("reason", "诉讼终结"))));
        command(admin.post("/api/admin/erasure/households/" + household, json(Map.of("reason", "本人申请删除"))));
        assertThat(admin.post("/api/admin/erasure/households/" + household, json(Map.of("reason", "again"))).status())
                .isEqualTo(409);
        assertThat(registrar().post("/api/admin/erasure/households/" + household, json(Map.of("reason", "x"))).status())
                .isEqualTo(403);

        JsonNode rosterAfter = registrar().get("/api/rosters/low-income?communityCode=" + community
                                               + "&consistentWith=" + token).body();
        assertThat(rosterAfter.toString()).doesNotContain("欧阳秘密", "欧阳隐私", grandma, son).contains(PLACEHOLDER);
        assertThat(rosterAfter.path("total")).isEqualTo(rosterBefore.path("total"));
        for (int i = 0; i < rosterAfter.path("items").size(); i++) {
            assertThat(rosterAfter.path("items").get(i).path("memberCategories"))
                    .isEqualTo(rosterBefore.path("items").get(i).path("memberCategories"));
        }
        assertThat(registrar().get("/api/rosters/low-income/summary?groupBy=community").body()).isEqualTo(summaryBefore);
        assertThat(registrar().get("/api/rosters/low-income.csv?communityCode=" + community).text())
                .doesNotContain("欧阳秘密", grandma).contains(PLACEHOLDER);
        JsonNode view = registrar().get("/api/households/" + household).body();
        assertThat(view.path("members").get(0).path("name").asText()).isEqualTo(PLACEHOLDER);
        assertThat(view.path("members").get(0).path("age").asInt()).isEqualTo(85);

        Api auditor = api.as(TestUsers.AUDITOR);
        String history = auditor.get("/api/audit/streams/" + household + "/events").text();
        assertThat(history).doesNotContain("欧阳秘密", "欧阳隐私", grandma, "志愿者小王", "看望欧阳秘密").contains(PLACEHOLDER);
        assertThat(auditor.get("/api/audit/streams/" + household + "/state").text()).doesNotContain("欧阳秘密", grandma);
        assertThat(auditor.get("/api/audit/verify?aggregateId=" + household).body().path("firstBrokenAt").isNull())
                .as("the chain still verifies").isTrue();

        int generation = admin.get("/api/admin/projections/low-income-roster").body().path("readGeneration").asInt();
        assertThat(admin.post("/api/admin/projections/low-income-roster/replay", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/admin/projections/low-income-roster").body()
                                                                .path("readGeneration").asInt() > generation);
        assertThat(registrar().get("/api/rosters/low-income?communityCode=" + community).body()).as("after a replay")
                                                                                               .isEqualTo(rosterAfter);
        assertThat(registrar().get("/api/rosters/low-income/summary?groupBy=community").body()).isEqualTo(summaryBefore);

        assertThat(registrar().post("/api/households/" + household + "/income",
                                    json(Map.of("monthlyIncome", 100, "asOf", "2024-06-01"))).status())
                .as("an erased household no longer changes").isEqualTo(409);
        String again = Codes.id("ER");
        assertThat(registrar().post("/api/households", json(Map.of(
                "householdId", again, "communityCode", community, "monthlyIncome", 5000, "migrant", false,
                "members", List.of(Map.of("idNumber", son, "name", "欧阳新", "relation", "HEAD", "employment", "EMPLOYED")))))
                           .status()).as("the person may be registered anew").isEqualTo(201);
    }

    private String stored(String household) {
        List<byte[]> payloads = jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ?",
                                                  byte[].class, household);
        StringBuilder all = new StringBuilder();
        payloads.forEach(p -> all.append(new String(p, StandardCharsets.UTF_8)));
        return all.toString();
    }
}
