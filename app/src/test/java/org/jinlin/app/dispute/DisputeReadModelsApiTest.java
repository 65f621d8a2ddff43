package org.jinlin.app.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.security.UserAdministration.NewUser;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * Ten disputes walked through different paths over HTTP by real users — mediators whose user records carry their
 * mediator ids, a coordinator, an analyst — and the resolution statistics checked against numbers worked out by
 * hand; then the case views and work queues as each of them reads them. The overdue thresholds differ from the
 * defaults (4 days unassigned, 20 days unresolved), which also gives this class a database of its own, so every
 * unit's numbers are exact.
 */
@TestPropertySource(properties = {"jinlin.disputes.overdue.unassigned-after=4d",
                                  "jinlin.disputes.overdue.unresolved-after=20d"})
class DisputeReadModelsApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private String lastToken;

    // ---- the walk ---------------------------------------------------------------------------------------------

    @Test
    void tenDisputesThroughEveryPathGiveTheStatisticsWorkedOutByHandAndTheCaseViewsEachReaderMaySee() {
        String east = Codes.community("350802");      // 新罗区, 龙岩市: compounds C1 and C2
        String village = Codes.community("350881");   // 漳平市, 龙岩市: villager group G1
        String gulou = Codes.community("350102");     // 鼓楼区, 福州市
        community(east, "东城社区", "C1", "幸福小区", "C2", "和谐小区");
        community(village, "桂林村", "G1", "第一村民小组");
        community(gulou, "鼓东社区");
        String ma = mediator("FULL_TIME", east);
        String mb = mediator("PART_TIME", village);
        String mc = mediator("FULL_TIME", gulou);
        String mt = mediator("PART_TIME", null);     // township level: any registered mediator
        Api mediatorA = mediatorUser(ma);
        Api mediatorB = mediatorUser(mb);
        Api mediatorC = mediatorUser(mc);
        Api mediatorT = mediatorUser(mt);
        Api coordinator = api.as(TestUsers.COORDINATOR);

        // D1: small, resolved in its compound after 2 days (January).
        String d1 = report(mediatorA, east, "C1", "SMALL", "PARTY_APPLICATION", "2024-01-03");
        assign(coordinator, d1, ma);
        step(mediatorA, d1, "HOME_VISIT", "2024-01-04");
        resolve(mediatorA, d1, "2024-01-05");

        // D2: small, escalated to the community and resolved there after 10 days (January).
        String d2 = report(coordinator, east, "C1", "SMALL", "COMMITTEE_INITIATIVE", "2024-01-04");
        escalate(coordinator, d2, "COMMUNITY");
        assign(coordinator, d2, ma);
        step(mediatorA, d2, "JOINT_SESSION", "2024-01-09");
        resolve(mediatorA, d2, "2024-01-14");

        // D8: reported big, reclassified small, resolved in its compound after 3 days (January).
        String d8 = report(mediatorA, east, "C1", "BIG", "REFERRED_BY_GOVERNMENT", "2024-01-16");
        command(coordinator, d8, "classification", Map.of("scale", "SMALL", "reason", "仅涉及两户"));
        assign(coordinator, d8, ma);
        step(mediatorA, d8, "PHONE_CALL", "2024-01-17");
        resolve(mediatorA, d8, "2024-01-19");

        // D7: small, resolved in its compound (January), the agreement not honoured, reopened and resolved again in
        // the compound in February, 36 days after its report: it counts once, in February.
        String d7 = report(mediatorA, east, "C1", "SMALL", "PARTY_APPLICATION", "2024-01-15");
        assign(coordinator, d7, ma);
        step(mediatorA, d7, "HOME_VISIT", "2024-01-16");
        resolve(mediatorA, d7, "2024-01-20");
        JsonNode c1BeforeReopening = stats(api.as(TestUsers.ANALYST), "compound", "2024-01", "2024-01", null, null);
        Instant beforeReopening = Instant.now();
        command(mediatorA, d7, "follow-ups", Map.of("note", "回访：对方未按协议修缮", "agreementHonoured", false,
                                                    "occurredAt", "2024-01-25T02:00:00Z"));
        command(coordinator, d7, "reopening", Map.of("reason", "协议未履行"));
        step(mediatorA, d7, "JOINT_SESSION", "2024-02-15");
        resolve(mediatorA, d7, "2024-02-20");

        // D3: big, escalated to the community and resolved there after 27 days (February).
        String d3 = report(mediatorA, east, "C2", "BIG", "REFERRED_BY_POLICE", "2024-01-06");
        escalate(coordinator, d3, "COMMUNITY");
        assign(coordinator, d3, ma);
        step(mediatorA, d3, "EXPERT_CONSULTATION", "2024-01-20");
        resolve(mediatorA, d3, "2024-02-02");

        // D4: big, escalated to the township and resolved there by a mediator appointed nowhere, after 33 days
        // (February): concluded, but not within the community.
        String d4 = report(mediatorA, east, "C2", "BIG", "PARTY_APPLICATION", "2024-01-08");
        escalate(coordinator, d4, "TOWNSHIP");
        assign(coordinator, d4, mt);
        step(mediatorT, d4, "JOINT_SESSION", "2024-01-30");
        resolve(mediatorT, d4, "2024-02-10");

        // D5: small, reported without a compound, left unassigned (overdue: more than 4 days), then referred to a
        // court this month.
        String d5 = report(coordinator, east, null, "SMALL", "REFERRED_BY_COURT", "2024-01-10");
        JsonNode overdueBeforeReferral = read(coordinator, "/api/disputes?overdue=true");
        JsonNode d5Unassigned = read(coordinator, "/api/disputes/" + d5);
        command(coordinator, d5, "referral", Map.of("to", "COURT", "reason", "当事人起诉"));

        // D6: small, withdrawn by the applicant this month while in mediation.
        String d6 = report(mediatorA, east, "C1", "SMALL", "PARTY_APPLICATION", "2024-01-12");
        assign(coordinator, d6, ma);
        step(mediatorA, d6, "INTAKE", "2024-01-12");
        command(mediatorA, d6, "withdrawal", Map.of("reason", "申请人撤回"));

        // D9: small, in a village's group, still in mediation: counted nowhere yet.
        String d9 = report(mediatorB, village, "G1", "SMALL", "PARTY_APPLICATION", "2024-01-18");
        assign(coordinator, d9, mb);
        step(mediatorB, d9, "HOME_VISIT", "2024-01-19");

        // D10: big, in another city, reported without a compound and resolved in the community after 5 days.
        String d10 = report(coordinator, gulou, null, "BIG", "COMMITTEE_INITIATIVE", "2024-01-20");
        assign(coordinator, d10, mc);
        step(mediatorC, d10, "JOINT_SESSION", "2024-01-22");
        resolve(mediatorC, d10, "2024-01-25");

        Api analyst = api.as(TestUsers.ANALYST);

        // ---- statistics, worked out by hand -------------------------------------------------------------------
        // 东城社区, every month: resolved D1 D2 D3 D4 D7 D8; referred D5; withdrawn D6.
        // Small concluded D1 D2 D5 D7 D8 = 5, of them in the compound D1 D7 D8 = 3 (D2 in the community, D5
        // referred): 0.6. Big concluded D3 D4 = 2, within the community D3 = 1: 0.5. Escalations D2 D3 D4 = 3.
        // Days 2 (D1), 3 (D8), 10 (D2), 27 (D3), 33 (D4), 36 (D7): median (10 + 27) / 2 = 18.5.
        // Sources: party application D1 D4 D6 D7, committee D2, police D3, court D5, government D8.
        JsonNode eastAll = unit(stats(analyst, "community", null, null, null, null), east);
        expect(eastAll, "东城社区", 5, 3, 0.6, 2, 1, 0.5, 6, 1, 1, 3, 18.5);
        assertThat(eastAll.path("bySource").path("PARTY_APPLICATION").asLong()).isEqualTo(4);
        assertThat(eastAll.path("bySource").path("COMMITTEE_INITIATIVE").asLong()).isEqualTo(1);
        assertThat(eastAll.path("bySource").path("REFERRED_BY_POLICE").asLong()).isEqualTo(1);
        assertThat(eastAll.path("bySource").path("REFERRED_BY_COURT").asLong()).isEqualTo(1);
        assertThat(eastAll.path("bySource").path("REFERRED_BY_GOVERNMENT").asLong()).isEqualTo(1);

        // January: D1 (2 days), D2 (10, community level), D8 (3). D7 left January when it was reopened.
        JsonNode eastJanuary = unit(stats(analyst, "community", "2024-01", "2024-01", null, null), east);
        expect(eastJanuary, "东城社区", 3, 2, 2.0 / 3, 0, 0, null, 3, 0, 0, 1, 3.0);
        // February: D3 (27, big within the community), D4 (33, big at the township), D7 (36, small in the compound).
        JsonNode eastFebruary = unit(stats(analyst, "community", "2024-02", "2024-02", null, null), east);
        expect(eastFebruary, "东城社区", 1, 1, 1.0, 2, 1, 0.5, 3, 0, 0, 2, 33.0);
        // From March on: the referral and the withdrawal, counted in the month of their events (this month).
        JsonNode eastLater = unit(stats(analyst, "community", "2024-03", null, null, null), east);
        expect(eastLater, "东城社区", 1, 0, 0.0, 0, 0, null, 0, 1, 1, 0, null);

        // Compounds: 幸福小区 has D1 D2 D7 D8 resolved and D6 withdrawn; days 2, 3, 10, 36: median 6.5.
        // 和谐小区 has D3 and D4; days 27 and 33: median 30. D5 had no compound; D9 is still open.
        JsonNode compounds = stats(analyst, "compound", null, null, null, null);
        expect(unit(compounds, east + "/C1"), "东城社区幸福小区", 4, 3, 0.75, 0, 0, null, 4, 0, 1, 1, 6.5);
        expect(unit(compounds, east + "/C2"), "东城社区和谐小区", 0, 0, null, 2, 1, 0.5, 2, 0, 0, 2, 30.0);
        assertThat(compounds.findValuesAsText("unit")).as("D10 was reported without a compound")
                                                      .containsExactly(east + "/C1", east + "/C2");

        // Counties and cities: 新罗区 and 龙岩市 count what 东城社区 does (桂林村's only case is open); 鼓楼区 and
        // 福州市 count D10.
        expect(unit(stats(analyst, "county", null, null, null, null), "350802"), "新罗区", 5, 3, 0.6, 2, 1, 0.5, 6, 1, 1, 3, 18.5);
        JsonNode cities = stats(analyst, "city", null, null, null, null);
        assertThat(cities.findValuesAsText("unit")).containsExactly("350100", "350800");
        expect(unit(cities, "350800"), "龙岩市", 5, 3, 0.6, 2, 1, 0.5, 6, 1, 1, 3, 18.5);
        expect(unit(cities, "350100"), "福州市", 0, 0, null, 1, 1, 1.0, 1, 0, 0, 0, 5.0);
        assertThat(stats(analyst, "community", null, null, "350100", null).findValuesAsText("unit"))
                .containsExactly(gulou);
        assertThat(stats(analyst, "county", null, null, "350800", null).findValuesAsText("unit"))
                .containsExactly("350802");

        // As of the moment before D7 was reopened, 幸福小区's January still held its first resolution (5 days).
        JsonNode c1Then = unit(stats(analyst, "compound", "2024-01", "2024-01", null, beforeReopening), east + "/C1");
        assertThat(c1Then).isEqualTo(unit(c1BeforeReopening, east + "/C1"));
        expect(c1Then, "东城社区幸福小区", 4, 3, 0.75, 0, 0, null, 4, 0, 0, 1, 4.0);
        expect(unit(stats(analyst, "compound", "2024-01", "2024-01", null, null), east + "/C1"), "东城社区幸福小区",
               3, 2, 2.0 / 3, 0, 0, null, 3, 0, 0, 1, 3.0);

        // ---- case views and work queues ------------------------------------------------------------------------
        assertThat(overdueBeforeReferral.path("items").findValuesAsText("disputeId")).contains(d5);
        assertThat(d5Unassigned.path("overdue").asBoolean()).as("unassigned more than 4 days").isTrue();
        assertThat(d5Unassigned.path("dueBy").asText()).isEqualTo("2024-01-14T02:00:00Z");

        Api.Response d7Case = mediatorA.get("/api/disputes/" + d7 + "?consistentWith=" + lastToken);
        assertThat(d7Case.status()).isEqualTo(200);
        assertThat(d7Case.header("ETag")).isEqualTo("\"" + d7Case.body().path("version").asLong() + "\"");
        JsonNode d7View = d7Case.body();
        assertThat(d7View.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(d7View.path("version").asLong()).as("report, assign, 2 steps, 2 resolutions, follow-up, reopening")
                                                  .isEqualTo(7);
        assertThat(d7View.path("parties").findValuesAsText("name")).containsExactly("王小明", "李大华");
        assertThat(d7View.path("steps").findValuesAsText("kind")).containsExactly("HOME_VISIT", "JOINT_SESSION");
        assertThat(d7View.path("followUps").get(0).path("agreementHonoured").asBoolean()).isFalse();
        assertThat(d7View.path("reopenings").get(0).path("reason").asText()).isEqualTo("协议未履行");
        assertThat(d7View.path("resolution").path("resolvedAt").asText()).isEqualTo("2024-02-20T02:00:00Z");
        assertThat(d7View.path("resolution").path("level").asText()).isEqualTo("COMPOUND");

        JsonNode d4View = read(coordinator, "/api/disputes/" + d4);
        assertThat(d4View.path("level").asText()).isEqualTo("TOWNSHIP");
        assertThat(d4View.path("mediatorId").asText()).isEqualTo(mt);
        assertThat(d4View.path("escalations").get(0).path("toLevel").asText()).isEqualTo("TOWNSHIP");
        assertThat(read(coordinator, "/api/disputes/" + d5).path("referral").path("to").asText()).isEqualTo("COURT");
        assertThat(read(coordinator, "/api/disputes/" + d6).path("withdrawal").path("reason").asText())
                .isEqualTo("申请人撤回");

        // Analysts read statistics and rosters, not the cases behind them.
        assertProblem(analyst.get("/api/disputes/" + d7), 403, "role");
        assertProblem(analyst.get("/api/disputes"), 403, "role");
        JsonNode audited = read(api.as(TestUsers.AUDITOR), "/api/disputes/" + d7);
        assertThat(audited.path("parties").findValuesAsText("name")).containsExactly("王小明", "李大华");

        // A mediator's queue: their open cases only, not overdue (assigned just now, 20 days allowed).
        JsonNode queueB = read(mediatorB, "/api/disputes");
        assertThat(queueB.path("items").findValuesAsText("disputeId")).containsExactly(d9);
        assertThat(queueB.path("total").asLong()).isEqualTo(1);
        JsonNode d9Item = queueB.path("items").get(0);
        assertThat(d9Item.path("status").asText()).isEqualTo("IN_MEDIATION");
        assertThat(d9Item.path("overdue").asBoolean()).isFalse();
        assertThat(Duration.between(Instant.now(), Instant.parse(d9Item.path("dueBy").asText())).toHours())
                .isCloseTo(20 * 24, within(1L));
        assertThat(read(mediatorA, "/api/disputes").path("items").size()).as("all of A's cases are closed").isZero();
        assertThat(read(mediatorA, "/api/disputes?status=RESOLVED").path("total").asLong()).isEqualTo(5);
        assertThat(read(coordinator, "/api/disputes?mediatorId=" + mb).path("items").findValuesAsText("disputeId"))
                .containsExactly(d9);
        assertThat(read(coordinator, "/api/disputes?status=REPORTED&overdue=true").path("total").asLong()).isZero();

        // What a mediator may not read, and that every read of a case is in the access log.
        assertProblem(mediatorA.get("/api/disputes/" + d9), 403, "does not hold and has not held dispute " + d9);
        assertProblem(mediatorA.get("/api/disputes?mediatorId=" + mb), 403, "may list only their own cases");
        assertThat(jdbc.queryForObject("select count(*) from access_log where username = ? and path = ?",
                                       Integer.class, "mediator-" + ma, "/api/disputes/" + d9)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from access_log where username = ? and path = ?",
                                       Integer.class, TestUsers.AUDITOR, "/api/disputes/" + d7)).isEqualTo(1);

        // Both read models rebuilt from the events give the same answers.
        JsonNode statsBefore = stats(analyst, "compound", null, null, null, null);
        JsonNode queueBefore = read(coordinator, "/api/disputes?status=RESOLVED");
        for (String projection : List.of("resolution-stats", "dispute-cases")) {
            int generation = admin().get("/api/admin/projections/" + projection).body().path("readGeneration").asInt();
            assertThat(admin().post("/api/admin/projections/" + projection + "/replay", null).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode status = admin().get("/api/admin/projections/" + projection).body();
                return status.path("readGeneration").asInt() > generation && !status.path("replaying").asBoolean();
            });
        }
        assertThat(stats(analyst, "compound", null, null, null, null)).isEqualTo(statsBefore);
        assertThat(read(coordinator, "/api/disputes?status=RESOLVED")).isEqualTo(queueBefore);
        assertThat(read(mediatorA, "/api/disputes/" + d7)).isEqualTo(d7View);
    }

    // ---- refusals ---------------------------------------------------------------------------------------------

    @Test
    void malformedReadsAreRefusedWith400AndUnknownCasesWith404() {
        Api analyst = api.as(TestUsers.ANALYST);
        assertProblem(analyst.get("/api/stats/resolution"), 400, "groupBy: is required");
        assertProblem(analyst.get("/api/stats/resolution?groupBy=township"), 400,
                      "groupBy: must be city, county, community or compound");
        assertProblem(analyst.get("/api/stats/resolution?groupBy=city&from=2024-1"), 400,
                      "from: must be a month written YYYY-MM");
        assertProblem(analyst.get("/api/stats/resolution?groupBy=city&to=2024-13"), 400, "to: must be a month");
        assertProblem(analyst.get("/api/stats/resolution?groupBy=city&from=2024-05&to=2024-04"), 400,
                      "from: must not be after to");
        assertProblem(analyst.get("/api/stats/resolution?groupBy=city&cityCode=350802"), 400, "cityCode");
        assertProblem(analyst.get("/api/stats/resolution?groupBy=city&asOf=yesterday"), 400, "asOf");
        Api.Response several = analyst.get("/api/stats/resolution?groupBy=x&from=1&to=2");
        assertThat(several.body().path("errors").findValuesAsText("field")).containsExactly("groupBy", "from", "to");

        Api coordinator = api.as(TestUsers.COORDINATOR);
        assertProblem(coordinator.get("/api/disputes?status=OPEN"), 400, "status");
        assertProblem(coordinator.get("/api/disputes?size=501"), 400, "size");
        assertProblem(coordinator.get("/api/disputes?page=-1"), 400, "page");
        assertProblem(coordinator.get("/api/disputes/NO-SUCH-CASE?asOf=2024-01-01"), 404,
                      "dispute NO-SUCH-CASE is not reported as of");
        assertProblem(coordinator.get("/api/disputes/NO-SUCH-CASE"), 404, "dispute NO-SUCH-CASE is not reported");
        assertProblem(coordinator.get("/api/disputes/x?asOf=later"), 400, "asOf");
    }

    @Test
    void whoMayReadCasesAndStatistics() {
        assertProblem(api.anonymous().get("/api/disputes"), 401, "credentials");
        assertProblem(api.anonymous().get("/api/disputes/ANY"), 401, "credentials");
        assertProblem(api.anonymous().get("/api/stats/resolution?groupBy=city"), 401, "credentials");
        assertProblem(registrar().get("/api/disputes"), 403, "role");
        assertProblem(registrar().get("/api/disputes/ANY"), 403, "role");
        assertProblem(api.as(TestUsers.MEDIATOR).get("/api/stats/resolution?groupBy=city"), 403, "role");
        for (String reader : List.of(TestUsers.ANALYST, TestUsers.AUDITOR, TestUsers.REGISTRAR, TestUsers.COORDINATOR)) {
            assertThat(api.as(reader).get("/api/stats/resolution?groupBy=city").status()).as(reader).isEqualTo(200);
        }
        for (String reader : List.of(TestUsers.AUDITOR, TestUsers.COORDINATOR, TestUsers.MEDIATOR)) {
            assertThat(api.as(reader).get("/api/disputes").status()).as(reader).isEqualTo(200);
        }
        assertProblem(api.as(TestUsers.ANALYST).get("/api/disputes"), 403, "role");
        assertProblem(api.as(TestUsers.ANALYST).get("/api/disputes/ANY"), 403, "role");
        assertThat(admin().get("/api/disputes").status()).isEqualTo(200);
        assertThat(admin().get("/api/stats/resolution?groupBy=city").status()).isEqualTo(200);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private void community(String code, String name, String... compounds) {
        ok(registrar().post("/api/communities", json(Map.of("code", code, "name", name, "kind", "URBAN",
                                                            "townshipName", "街道", "residentPopulation", 5000))));
        for (int i = 0; i < compounds.length; i += 2) {
            ok(registrar().post("/api/communities/" + code + "/compounds",
                                json(Map.of("compoundId", compounds[i], "name", compounds[i + 1]))));
        }
    }

    private String mediator(String employment, String appointedTo) {
        String id = Codes.id("M");
        ok(registrar().post("/api/mediators", json(Map.of("mediatorId", id, "name", "调解员" + id,
                                                          "employment", employment))));
        if (appointedTo != null) {
            ok(registrar().post("/api/mediators/" + id + "/appointments", json(Map.of("communityCode", appointedTo))));
        }
        return id;
    }

    private Api mediatorUser(String mediatorId) {
        String name = "mediator-" + mediatorId;
        userAdministration.create(new NewUser(name, TestUsers.PASSWORD, List.of("MEDIATOR"), mediatorId, null));
        return api.as(name);
    }

    private String report(Api who, String community, String compound, String scale, String source, String day) {
        String id = Codes.id("D");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("disputeId", id);
        body.put("communityCode", community);
        body.put("compoundId", compound);
        body.put("category", "NEIGHBOUR");
        body.put("scale", scale);
        body.put("source", source);
        body.put("parties", List.of(Map.of("name", "王小明", "role", "APPLICANT"),
                                    Map.of("name", "李大华", "role", "RESPONDENT")));
        body.put("summary", "李大华家楼上漏水，王小明多次协商未果");
        body.put("reportedAt", at(day));
        ok(who.post("/api/disputes", json(body)));
        return id;
    }

    private void assign(Api coordinator, String id, String mediatorId) {
        command(coordinator, id, "assignment", Map.of("mediatorId", mediatorId));
    }

    private void step(Api mediator, String id, String kind, String day) {
        command(mediator, id, "steps", Map.of("kind", kind, "note", "调解记录：与王小明面谈", "occurredAt", at(day)));
    }

    private void escalate(Api coordinator, String id, String toLevel) {
        command(coordinator, id, "escalation", Map.of("toLevel", toLevel, "reason", "本级调解不成"));
    }

    private void resolve(Api mediator, String id, String day) {
        command(mediator, id, "resolution", Map.of("agreementSummary", "李大华负责修缮", "resolvedAt", at(day)));
    }

    private void command(Api who, String id, String action, Map<String, ?> body) {
        ok(who.post("/api/disputes/" + id + "/" + action, json(body)));
    }

    /** Ten in the morning in China: far from midnight, so the day is the same in UTC and in China. */
    private static String at(String day) {
        return day + "T02:00:00Z";
    }

    private void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        if (response.eventToken() != null) {
            lastToken = response.eventToken();
        }
    }

    private JsonNode read(Api who, String path) {
        Api.Response response = who.get(path + (path.contains("?") ? "&" : "?") + "consistentWith=" + lastToken);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.body();
    }

    private JsonNode stats(Api who, String groupBy, String from, String to, String cityCode, Instant asOf) {
        StringBuilder path = new StringBuilder("/api/stats/resolution?groupBy=" + groupBy);
        if (from != null) {
            path.append("&from=").append(from);
        }
        if (to != null) {
            path.append("&to=").append(to);
        }
        if (cityCode != null) {
            path.append("&cityCode=").append(cityCode);
        }
        if (asOf != null) {
            path.append("&asOf=").append(asOf);
        }
        return read(who, path.toString());
    }

    private static JsonNode unit(JsonNode rows, String unit) {
        for (JsonNode row : rows) {
            if (row.path("unit").asText().equals(unit)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unit + " in " + rows);
    }

    private static void expect(JsonNode row, String unitName, long smallConcluded, long smallInCompound,
                               Double smallRate, long bigConcluded, long bigInCommunity, Double bigRate, long resolved,
                               long referred, long withdrawn, long escalations, Double medianDays) {
        String unit = row.path("unit").asText();
        assertThat(row.path("unitName").asText()).as(unit).isEqualTo(unitName);
        assertThat(row.path("smallConcluded").asLong()).as(unit + " smallConcluded").isEqualTo(smallConcluded);
        assertThat(row.path("smallResolvedInCompound").asLong()).as(unit + " smallResolvedInCompound")
                                                              .isEqualTo(smallInCompound);
        assertRate(row, "smallInCompoundRate", smallRate);
        assertThat(row.path("bigConcluded").asLong()).as(unit + " bigConcluded").isEqualTo(bigConcluded);
        assertThat(row.path("bigResolvedInCommunity").asLong()).as(unit + " bigResolvedInCommunity")
                                                             .isEqualTo(bigInCommunity);
        assertRate(row, "bigInCommunityRate", bigRate);
        assertThat(row.path("resolved").asLong()).as(unit + " resolved").isEqualTo(resolved);
        assertThat(row.path("referred").asLong()).as(unit + " referred").isEqualTo(referred);
        assertThat(row.path("withdrawn").asLong()).as(unit + " withdrawn").isEqualTo(withdrawn);
        assertThat(row.path("escalations").asLong()).as(unit + " escalations").isEqualTo(escalations);
        assertRate(row, "medianDaysToResolve", medianDays);
    }

    private static void assertRate(JsonNode row, String field, Double expected) {
        JsonNode value = row.path(field);
        if (expected == null) {
            assertThat(value.isNull()).as(row.path("unit").asText() + " " + field + " is null in " + row).isTrue();
        } else {
            assertThat(value.asDouble()).as(row.path("unit").asText() + " " + field).isCloseTo(expected, within(1e-9));
        }
    }

    private static void assertProblem(Api.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asText()).as(response.toString()).contains(detailContains);
        assertThat(response.text()).doesNotContain("Exception", "at org.", "SQL", "select ");
    }
}
