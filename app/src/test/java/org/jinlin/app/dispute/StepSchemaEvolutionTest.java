package org.jinlin.app.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.jinlin.app.security.UserAdministration.NewUser;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.jinlin.kernel.dispute.MediationStepRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * {@code MediationStepRecorded} gained a duration, a venue and a place (revision 2). Steps stored by the previous version have
 * neither: this test stores one exactly as that version did (its JSON, no revision, hash-chained by the same append)
 * and shows the service still reads it everywhere: the case file, the aggregate that goes on to resolve the case, the
 * audit trail, the hash-chain verification and a rebuilt read model.
 */
class StepSchemaEvolutionTest extends ApiTest {

    private static final Instant REPORTED_AT = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStorageEngine storage;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void aStepStoredInTheOldShapeReadsAsAStepWithoutDurationOrPlace() throws IOException {
        String community = Codes.community("350802");
        ok(registrar().post("/api/communities", json(Map.of(
                "code", community, "name", "东城社区", "kind", "URBAN", "townshipName", "东城街道",
                "residentPopulation", 8000))));
        ok(registrar().post("/api/communities/" + community + "/compounds",
                            json(Map.of("compoundId", "C1", "name", "幸福小区"))));
        String mediatorId = Codes.id("M");
        ok(registrar().post("/api/mediators", json(Map.of("mediatorId", mediatorId, "name", "林调解",
                                                          "employment", "FULL_TIME"))));
        ok(registrar().post("/api/mediators/" + mediatorId + "/appointments",
                            json(Map.of("communityCode", community))));
        userAdministration.create(new NewUser("mediator-" + mediatorId, TestUsers.PASSWORD, List.of("MEDIATOR"),
                                              mediatorId, null));
        Api mediator = api.as("mediator-" + mediatorId);
        Api coordinator = api.as(TestUsers.COORDINATOR);

        String id = Codes.id("D");
        ok(mediator.post("/api/disputes", json(Map.of(
                "disputeId", id, "communityCode", community, "compoundId", "C1", "category", "NEIGHBOUR",
                "scale", "SMALL", "source", "PARTY_APPLICATION",
                "parties", List.of(Map.of("name", "王某", "role", "APPLICANT"), Map.of("name", "李某", "role", "RESPONDENT")),
                "summary", "楼上漏水，协商未果", "reportedAt", REPORTED_AT.toString()))));
        ok(coordinator.post("/api/disputes/" + id + "/assignment", json(Map.of("mediatorId", mediatorId))));

        // The previous version's step, sequence 2.
        storeAsThePreviousVersionDid(id, 2, mediatorId, REPORTED_AT.plus(1, ChronoUnit.DAYS));
        assertThat(jdbc.queryForObject("select payload_revision from domain_event_entry where aggregate_identifier = ? "
                                       + "and sequence_number = 2", String.class, id)).isNull();

        // A step of today's shape, then the aggregate (sourced through the old step) resolves the case.
        Api.Response newStep = mediator.post("/api/disputes/" + id + "/steps", json(Map.of(
                "kind", "JOINT_SESSION", "note", "双方当面协商", "occurredAt", REPORTED_AT.plus(2, ChronoUnit.DAYS).toString(),
                "durationMinutes", 90, "venue", "MEDIATION_ROOM", "place", "东城社区调解室")));
        assertThat(newStep.status()).as(newStep.toString()).isEqualTo(200);
        assertThat(newStep.body().path("version").asLong()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select payload_revision from domain_event_entry where aggregate_identifier = ? "
                                       + "and sequence_number = 3", String.class, id)).isEqualTo("2");
        Api.Response resolved = mediator.post("/api/disputes/" + id + "/resolution", json(Map.of(
                "agreementSummary", "楼上负责修缮", "resolvedAt", REPORTED_AT.plus(3, ChronoUnit.DAYS).toString())));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        String token = resolved.header("X-Event-Token");

        // The case file: both steps, in the order they happened; the old one without duration or place, at the
        // venue its kind implies (a home visit: the party's home).
        JsonNode file = coordinator.get("/api/disputes/" + id + "?consistentWith=" + token).body();
        JsonNode steps = file.path("steps");
        assertThat(steps.size()).as(file.toString()).isEqualTo(2);
        assertThat(steps.get(0).path("kind").asText()).isEqualTo("HOME_VISIT");
        assertThat(steps.get(0).path("note").asText()).isEqualTo("入户走访，听取双方意见");
        assertThat(steps.get(0).path("durationMinutes").isNull()).isTrue();
        assertThat(steps.get(0).path("place").isNull()).isTrue();
        assertThat(steps.get(0).path("venue").asText()).isEqualTo("PARTY_HOME");
        assertThat(steps.get(1).path("durationMinutes").asInt()).isEqualTo(90);
        assertThat(steps.get(1).path("venue").asText()).isEqualTo("MEDIATION_ROOM");
        assertThat(steps.get(1).path("place").asText()).isEqualTo("东城社区调解室");
        assertThat(file.path("status").asText()).isEqualTo("RESOLVED");

        // The audit trail shows each step as it was recorded, in its own shape, and the chain through it verifies.
        Api auditor = api.as(TestUsers.AUDITOR);
        JsonNode events = auditor.get("/api/audit/streams/" + id + "/events").body();
        assertThat(events.get(2).path("type").asText()).contains("MediationStepRecorded");
        assertThat(events.get(2).path("payloadRevision").isNull()).isTrue();
        assertThat(events.get(2).path("payload").path("note").asText()).isEqualTo("入户走访，听取双方意见");
        assertThat(events.get(2).path("payload").has("durationMinutes")).isFalse();
        assertThat(events.get(3).path("payloadRevision").asText()).isEqualTo(MediationStepRecorded.REVISION);
        assertThat(events.get(3).path("payload").path("place").asText()).isEqualTo("东城社区调解室");
        JsonNode verification = auditor.get("/api/audit/verify").body();
        assertThat(verification.path("firstBrokenAt").isNull()).as(verification.toString()).isTrue();
        JsonNode state = auditor.get("/api/audit/streams/" + id + "/state?asOf=" + Instant.now()).body();
        assertThat(state.toString()).contains("RESOLVED");

        // Rebuilt from the events, the case file is the same.
        int generation = admin().get("/api/admin/projections/dispute-cases").body().path("readGeneration").asInt();
        assertThat(admin().post("/api/admin/projections/dispute-cases/replay", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode status = admin().get("/api/admin/projections/dispute-cases").body();
            return status.path("readGeneration").asInt() > generation && !status.path("replaying").asBoolean();
        });
        assertThat(coordinator.get("/api/disputes/" + id).body().path("steps")).isEqualTo(steps);
    }

    @Test
    void aStepWithAnImpossibleDurationAnUnknownVenueOrTooLongAPlaceIsRefusedAndAppendsNothing() {
        Api mediator = api.as(TestUsers.MEDIATOR);
        Long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Api.Response refused = mediator.post("/api/disputes/ANY-CASE/steps", json(Map.of(
                "kind", "PHONE_CALL", "note", "电话沟通", "occurredAt", Instant.now().toString(),
                "durationMinutes", 0, "place", "室".repeat(201))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("durationMinutes", "place");
        assertThat(refused.body().path("detail").asText()).contains("durationMinutes: must be between 1 and 1440");
        assertThat(mediator.post("/api/disputes/ANY-CASE/steps", json(Map.of(
                "kind", "PHONE_CALL", "note", "电话沟通", "occurredAt", Instant.now().toString(),
                "durationMinutes", 1441))).status()).isEqualTo(400);
        Api.Response venue = mediator.post("/api/disputes/ANY-CASE/steps", json(Map.of(
                "kind", "PHONE_CALL", "note", "电话沟通", "occurredAt", Instant.now().toString(), "venue", "CAFE")));
        assertThat(venue.status()).as(venue.toString()).isEqualTo(400);
        assertThat(venue.body().path("detail").asText()).contains("venue");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    /** Appends the step through the store's own append (so it is hash-chained) with the previous version's bytes. */
    private void storeAsThePreviousVersionDid(String disputeId, long sequence, String mediatorId, Instant occurredAt)
            throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/events/mediation-step-recorded-r1.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip()
                    .replace("%DISPUTE%", disputeId).replace("%MEDIATOR%", mediatorId)
                    .replace("%OCCURRED_AT%", occurredAt.toString());
        }
        SimpleSerializedObject<byte[]> payload = new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(MediationStepRecorded.class.getName(), null));
        MetaData metaData = MetaData.from(Map.of("actor", "mediator-" + mediatorId, "role", "MEDIATOR",
                                                 "mediatorId", mediatorId));
        SerializedMessage<?> message = new SerializedMessage<>(
                UUID.randomUUID().toString(), payload, eventSerializer.serialize(metaData, byte[].class),
                eventSerializer);
        storage.appendEvents(new GenericDomainEventMessage<>("Dispute", disputeId, sequence, message,
                                                             Instant.now()));
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
