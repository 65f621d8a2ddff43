package org.jinlin.app.storage;

import org.jinlin.app.security.UserAdministration.NewUser;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/**
 * Long-lived aggregates are loaded from a snapshot plus the events after it (every 100 events by default); the
 * rules still see the whole history, and no snapshot holds personal data.
 */
class AggregateSnapshotApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCommunityWithALongHistoryIsSnapshottedAndItsRulesStillSeeEveryEventBeforeTheSnapshot() {
        String community = communityWithCompoundC1("350802");
        for (int i = 1; i <= 130; i++) {
            ok(registrar().put("/api/communities/" + community + "/population",
                               json(Map.of("residentPopulation", 8000 + i))));
        }
        assertThat(snapshots(community)).as("snapshots of " + community).isEqualTo(1);
        assertThat(snapshotType(community)).isEqualTo("org.jinlin.command.community.Community");

        // The compound added before the snapshot is still known to the rule that keeps compound ids unique.
        Api.Response again = registrar().post("/api/communities/" + community + "/compounds",
                                              json(Map.of("compoundId", "C1", "name", "幸福小区")));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.body().path("detail").asText())
                .isEqualTo("community " + community + " already has a compound with id C1; compound ids are unique "
                           + "within a community");
        Api.Response next = registrar().post("/api/communities/" + community + "/compounds",
                                             json(Map.of("compoundId", "C2", "name", "和谐小区")));
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(next.body().path("version").asLong()).isEqualTo(132);
    }

    @Test
    void aDisputeSnapshotHoldsNoPartyNamesOrNotesAndAHouseholdIsNeverSnapshotted() {
        String community = communityWithCompoundC1("350582");
        String mediatorId = Codes.id("M");
        ok(registrar().post("/api/mediators", json(Map.of("mediatorId", mediatorId, "name", "陈调解",
                                                          "employment", "FULL_TIME"))));
        ok(registrar().post("/api/mediators/" + mediatorId + "/appointments",
                            json(Map.of("communityCode", community))));
        String user = "mediator-" + mediatorId;
        userAdministration.create(new NewUser(user, TestUsers.PASSWORD, List.of("MEDIATOR"), mediatorId, null));
        Api mediator = api.as(user);

        Instant reportedAt = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String dispute = Codes.id("D");
        ok(mediator.post("/api/disputes", json(Map.of(
                "disputeId", dispute, "communityCode", community, "compoundId", "C1", "category", "NEIGHBOUR",
                "scale", "SMALL", "source", "PARTY_APPLICATION",
                "parties", List.of(Map.of("name", "欧阳秀珍", "role", "APPLICANT"),
                                   Map.of("name", "司马建国", "role", "RESPONDENT")),
                "summary", "楼上漏水", "reportedAt", reportedAt.toString()))));
        ok(api.as(TestUsers.COORDINATOR).post("/api/disputes/" + dispute + "/assignment",
                                              json(Map.of("mediatorId", mediatorId))));
        for (int i = 1; i <= 105; i++) {
            ok(mediator.post("/api/disputes/" + dispute + "/steps", json(Map.of(
                    "kind", "PHONE_CALL", "note", "与欧阳秀珍第" + i + "次通话",
                    "occurredAt", reportedAt.plus(i, ChronoUnit.MINUTES).toString()))));
        }
        assertThat(snapshots(dispute)).isEqualTo(1);
        String snapshot = snapshotPayload(dispute);
        assertThat(snapshot).contains(mediatorId, community, "IN_MEDIATION")
                            .doesNotContain("欧阳秀珍", "司马建国", "通话", "楼上漏水");
        // Still the assigned mediator's case after loading from the snapshot: they resolve it.
        ok(mediator.post("/api/disputes/" + dispute + "/resolution", json(Map.of(
                "agreementSummary", "双方达成书面协议", "resolvedAt", reportedAt.plus(1, ChronoUnit.DAYS).toString()))));

        ok(registrar().put("/api/city-policies/350500", json(Map.of(
                "dibaoStandard", 1000, "effectiveFrom", "2021-01-01", "lowIncomeMultiplier", 1.5))));
        String household = Codes.id("H");
        ok(registrar().post("/api/households", json(Map.of(
                "householdId", household, "communityCode", community, "monthlyIncome", 2400, "migrant", false,
                "members", List.of(Map.of("idNumber", "350802194401120025", "name", "林秀英", "relation", "HEAD",
                                          "employment", "RETIRED"))))));
        for (int i = 1; i <= 105; i++) {
            ok(registrar().post("/api/households/" + household + "/income",
                                json(Map.of("monthlyIncome", 2400 + i, "asOf", "2024-01-01"))));
        }
        assertThat(snapshots(household)).as("a household's state holds id numbers: never snapshotted").isZero();
    }

    private String communityWithCompoundC1(String county) {
        String community = Codes.community(county);
        ok(registrar().post("/api/communities", json(Map.of(
                "code", community, "name", "东城社区", "kind", "URBAN", "townshipName", "东城街道",
                "residentPopulation", 8000))));
        ok(registrar().post("/api/communities/" + community + "/compounds",
                            json(Map.of("compoundId", "C1", "name", "幸福小区"))));
        return community;
    }

    private int snapshots(String aggregateId) {
        Integer count = jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                                            Integer.class, aggregateId);
        return count == null ? 0 : count;
    }

    private String snapshotType(String aggregateId) {
        return jdbc.queryForObject("select payload_type from snapshot_event_entry where aggregate_identifier = ?",
                                   String.class, aggregateId);
    }

    private String snapshotPayload(String aggregateId) {
        byte[] payload = jdbc.queryForObject(
                "select payload from snapshot_event_entry where aggregate_identifier = ?", byte[].class, aggregateId);
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
