package org.jinlin.app.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.security.UserAdministration.NewUser;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/**
 * Dispute cases over HTTP with real users: a coordinator, and mediator users whose mediator ids are registered and
 * appointed to the case's community. Every refusal is a problem detail and appends nothing.
 */
class DisputeApiTest extends ApiTest {

    private static final Instant REPORTED_AT = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    JdbcTemplate jdbc;

    private String community;
    /** Appointed to {@link #community}; their user is {@link #mediatorA}. */
    private String mediatorIdA;
    /** Also appointed to {@link #community}, but never assigned the case. */
    private String mediatorIdB;
    /** Registered, appointed nowhere. */
    private String mediatorIdC;
    private Api mediatorA;
    private Api mediatorB;
    private Api coordinator;

    @BeforeEach
    void aCommunityWithACompoundAndItsMediators() {
        community = Codes.community("350802");
        ok(registrar().post("/api/communities", json(Map.of(
                "code", community, "name", "东城社区", "kind", "URBAN", "townshipName", "东城街道",
                "residentPopulation", 8000))));
        ok(registrar().post("/api/communities/" + community + "/compounds",
                            json(Map.of("compoundId", "C1", "name", "幸福小区"))));
        mediatorIdA = registerMediator("FULL_TIME", community);
        mediatorIdB = registerMediator("PART_TIME", community);
        mediatorIdC = registerMediator("PART_TIME", null);
        mediatorA = mediatorUser(mediatorIdA);
        mediatorB = mediatorUser(mediatorIdB);
        coordinator = api.as(TestUsers.COORDINATOR);
    }

    @Test
    void aDisputeIsReportedAssignedMediatedResolvedFollowedUpAndReopened() {
        String id = Codes.id("D");

        Api.Response reported = mediatorA.post("/api/disputes", reportBody(id, "C1"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
        assertThat(reported.header("Location")).isEqualTo("/api/disputes/" + id);
        assertThat(reported.body().path("id").asText()).isEqualTo(id);
        assertThat(reported.body().path("version").asLong()).isZero();

        assertVersion(coordinator.post("/api/disputes/" + id + "/assignment",
                                       json(Map.of("mediatorId", mediatorIdA))), 1);
        assertVersion(mediatorA.post("/api/disputes/" + id + "/steps", step("HOME_VISIT", 1)), 2);

        assertProblem(mediatorB.post("/api/disputes/" + id + "/steps", step("PHONE_CALL", 2)), 403,
                      "mediator " + mediatorIdB + " is not the mediator assigned to dispute " + id);
        assertProblem(mediatorB.post("/api/disputes/" + id + "/resolution", resolution(2)), 403,
                      "only the mediator assigned to dispute " + id + " (" + mediatorIdA + ") resolves it");
        assertThat(storedEvents(id)).isEqualTo(3);

        assertVersion(mediatorA.post("/api/disputes/" + id + "/resolution", resolution(3)), 3);
        assertVersion(mediatorA.post("/api/disputes/" + id + "/follow-ups", json(Map.of(
                "note", "回访：对方未按协议修缮", "agreementHonoured", false, "occurredAt", day(5)))), 4);
        assertVersion(coordinator.post("/api/disputes/" + id + "/reopening", json(Map.of("reason", "协议未履行"))), 5);
        // Reopened, the case is back with the mediator who resolved it.
        assertVersion(mediatorA.post("/api/disputes/" + id + "/steps", step("JOINT_SESSION", 6)), 6);

        assertThat(payload(id, 3)).contains("\"level\":\"COMPOUND\"", "\"mediatorId\":\"" + mediatorIdA + "\"");
        assertThat(metaData(id, 2)).contains("\"role\":\"MEDIATOR\"", "\"mediatorId\":\"" + mediatorIdA + "\"");
        assertThat(metaData(id, 5)).contains("\"actor\":\"coordinator\"", "\"role\":\"COORDINATOR\"");
    }

    @Test
    void anEscalatedDisputeMayGoToAnyRegisteredMediatorAndIsResolvedAtItsNewLevel() {
        String id = report(null);
        assertProblem(coordinator.post("/api/disputes/" + id + "/escalation",
                                       json(Map.of("toLevel", "COMPOUND", "reason", "回小区"))),
                      409, "dispute " + id + " is REPORTED; it is handled at COMMUNITY level and can only be "
                           + "escalated upward, not to COMPOUND");
        ok(coordinator.post("/api/disputes/" + id + "/escalation",
                            json(Map.of("toLevel", "TOWNSHIP", "reason", "涉及多个小区"))));
        ok(coordinator.post("/api/disputes/" + id + "/assignment", json(Map.of("mediatorId", mediatorIdC))));
        Api mediatorC = mediatorUser(mediatorIdC);
        ok(mediatorC.post("/api/disputes/" + id + "/steps", step("JOINT_SESSION", 2)));
        ok(mediatorC.post("/api/disputes/" + id + "/resolution", resolution(3)));

        assertThat(payload(id, 4)).contains("\"level\":\"TOWNSHIP\"", "\"mediatorId\":\"" + mediatorIdC + "\"");
    }

    @Test
    void aMediatorWithoutAnAppointmentToTheCommunityCannotBeAssigned() {
        String id = report("C1");

        assertProblem(coordinator.post("/api/disputes/" + id + "/assignment", json(Map.of("mediatorId", mediatorIdC))),
                      409, "mediator " + mediatorIdC + " holds no active appointment to community " + community);
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void aRelievedMediatorCanNoLongerBeAssigned() {
        ok(registrar().post("/api/mediators/" + mediatorIdB + "/reliefs",
                            json(Map.of("communityCode", community, "reason", "调任"))));
        String id = report("C1");

        assertProblem(coordinator.post("/api/disputes/" + id + "/assignment", json(Map.of("mediatorId", mediatorIdB))),
                      409, "mediator " + mediatorIdB + " holds no active appointment to community " + community);
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void refusalsAreProblemDetailsThatAppendNothing() {
        String id = report("C1");
        long before = allStoredEvents();

        // 400: invalid input, every field at fault at once.
        Map<String, Object> invalid = new LinkedHashMap<>();
        invalid.put("disputeId", Codes.id("D"));
        invalid.put("communityCode", "3508");
        invalid.put("category", "NEIGHBOUR");
        invalid.put("scale", "SMALL");
        invalid.put("source", "PARTY_APPLICATION");
        invalid.put("parties", List.of());
        invalid.put("summary", "");
        invalid.put("reportedAt", REPORTED_AT.toString());
        Api.Response badReport = mediatorA.post("/api/disputes", json(invalid));
        assertProblem(badReport, 400, "communityCode");
        assertThat(badReport.body().path("errors").findValuesAsText("field"))
                .containsExactly("communityCode", "parties", "summary");
        assertProblem(mediatorA.post("/api/disputes", reportBody(Codes.id("D"), "C1")
                .replace("\"SMALL\"", "\"MEDIUM\"")), 400, "scale");
        assertProblem(mediatorA.post("/api/disputes", json(Map.of(
                "disputeId", Codes.id("D"), "communityCode", community, "category", "DEBT", "scale", "BIG",
                "source", "REFERRED_BY_COURT", "parties", List.of(Map.of("name", "赵某", "role", "APPLICANT")),
                "summary", "欠款", "reportedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()))),
                      400, "reportedAt: must not be in the future");
        // 401 and 403 by role.
        assertProblem(api.anonymous().post("/api/disputes", reportBody(Codes.id("D"), "C1")), 401, "credentials");
        assertProblem(registrar().post("/api/disputes", reportBody(Codes.id("D"), "C1")), 403, "role");
        assertProblem(analyst().post("/api/disputes/" + id + "/withdrawal", json(Map.of("reason", "x"))), 403, "role");
        assertProblem(mediatorA.post("/api/disputes/" + id + "/assignment", json(Map.of("mediatorId", mediatorIdA))),
                      403, "role");
        assertProblem(coordinator.post("/api/disputes/" + id + "/steps", step("INTAKE", 1)), 403, "role");
        // 404: no such dispute.
        String unknown = Codes.id("D");
        assertProblem(coordinator.post("/api/disputes/" + unknown + "/assignment",
                                       json(Map.of("mediatorId", mediatorIdA))), 404,
                      "dispute " + unknown + " does not exist");
        // 409: the state forbids it, or the id is taken.
        assertProblem(coordinator.post("/api/disputes/" + id + "/reopening", json(Map.of("reason", "?"))), 409,
                      "dispute " + id + " is REPORTED; only a resolved dispute can be reopened");
        assertProblem(mediatorA.post("/api/disputes/" + id + "/resolution", resolution(1)), 409,
                      "dispute " + id + " is REPORTED; it can be resolved only in mediation");
        assertProblem(mediatorA.post("/api/disputes", reportBody(id, "C1")), 409,
                      "dispute " + id + " is already reported");
        assertProblem(mediatorA.post("/api/disputes", reportBody(Codes.id("D"), "NO-SUCH-COMPOUND")), 409,
                      "community " + community + " has no compound NO-SUCH-COMPOUND");

        assertThat(allStoredEvents()).isEqualTo(before);
    }

    @Test
    void businessDatesMustFollowTheReportAndAStaleIfMatchIsAConflict() {
        String id = report("C1");
        ok(coordinator.post("/api/disputes/" + id + "/assignment", json(Map.of("mediatorId", mediatorIdA))));

        assertProblem(mediatorA.post("/api/disputes/" + id + "/steps", step("INTAKE", -1)), 400,
                      "occurredAt: must not be before dispute " + id + " was reported");
        assertProblem(mediatorA.header("If-Match", "\"0\"").post("/api/disputes/" + id + "/steps", step("INTAKE", 1)),
                      409, "is at version 1, not 0");
        assertThat(storedEvents(id)).isEqualTo(2);
        assertVersion(mediatorA.header("If-Match", "\"1\"").post("/api/disputes/" + id + "/steps", step("INTAKE", 1)), 2);
    }

    @Test
    void theAssignedMediatorOrACoordinatorWithdrawsAndNoOtherMediator() {
        String id = report("C1");
        ok(coordinator.post("/api/disputes/" + id + "/assignment", json(Map.of("mediatorId", mediatorIdA))));

        assertProblem(mediatorB.post("/api/disputes/" + id + "/withdrawal", json(Map.of("reason", "撤回"))), 403,
                      "only the mediator assigned to dispute " + id + " (" + mediatorIdA + ") or a coordinator");
        assertVersion(mediatorA.post("/api/disputes/" + id + "/withdrawal", json(Map.of("reason", "申请人撤回"))), 2);
        assertProblem(coordinator.post("/api/disputes/" + id + "/referral", json(Map.of("to", "COURT", "reason", "诉讼"))),
                      409, "dispute " + id + " is WITHDRAWN; only an open dispute can be referred out");
    }

    @Test
    void aCoordinatorBoundToAnotherCountyMayNotActOnTheCase() {
        String id = report("C1");
        String name = "coordinator-" + Codes.id("x");
        userAdministration.create(new NewUser(name, TestUsers.PASSWORD, List.of("COORDINATOR"), null, "350803"));

        assertProblem(api.as(name).post("/api/disputes/" + id + "/assignment", json(Map.of("mediatorId", mediatorIdA))),
                      403, "a coordinator of county 350803 may not assign a mediator to dispute " + id);
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    private String registerMediator(String employment, String appointedTo) {
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
        if (!userAdministration.exists(name)) {
            userAdministration.create(new NewUser(name, TestUsers.PASSWORD, List.of("MEDIATOR"), mediatorId, null));
        }
        return api.as(name);
    }

    private String report(String compoundId) {
        String id = Codes.id("D");
        assertThat(mediatorA.post("/api/disputes", reportBody(id, compoundId)).status()).isEqualTo(201);
        return id;
    }

    private String reportBody(String id, String compoundId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("disputeId", id);
        body.put("communityCode", community);
        body.put("compoundId", compoundId);
        body.put("category", "NEIGHBOUR");
        body.put("scale", "SMALL");
        body.put("source", "PARTY_APPLICATION");
        body.put("parties", List.of(Map.of("name", "王某", "role", "APPLICANT"),
                                    Map.of("name", "李某", "role", "RESPONDENT")));
        body.put("summary", "楼上漏水，协商未果");
        body.put("reportedAt", REPORTED_AT.toString());
        return json(body);
    }

    private static String step(String kind, int day) {
        return json(Map.of("kind", kind, "note", "调解记录", "occurredAt", day(day)));
    }

    private static String resolution(int day) {
        return json(Map.of("agreementSummary", "双方达成书面协议", "resolvedAt", day(day)));
    }

    private static String day(int days) {
        return REPORTED_AT.plus(days, ChronoUnit.DAYS).toString();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    private static void assertVersion(Api.Response response, long version) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().path("version").asLong()).isEqualTo(version);
    }

    private static void assertProblem(Api.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = response.body();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asText()).startsWith("urn:jinlin:problem:");
        assertThat(body.path("detail").asText()).contains(detailContains);
        assertThat(response.text()).doesNotContain("Exception", "at org.", "SQL", "select ", "insert ");
    }

    private long storedEvents(String aggregateId) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                                         Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    private long allStoredEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    private String payload(String aggregateId, long sequence) {
        return column("payload", aggregateId, sequence);
    }

    private String metaData(String aggregateId, long sequence) {
        return column("meta_data", aggregateId, sequence);
    }

    private String column(String column, String aggregateId, long sequence) {
        return jdbc.queryForObject("select " + column + " from domain_event_entry where aggregate_identifier = ? "
                                   + "and sequence_number = ?",
                                   (rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8),
                                   aggregateId, sequence);
    }
}
