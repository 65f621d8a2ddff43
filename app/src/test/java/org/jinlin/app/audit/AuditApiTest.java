package org.jinlin.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/** Auditors replay a record's history: who did what and when, the state at any instant, and the sealing chain. */
class AuditApiTest extends ApiTest {

    private Api auditor() {
        return api.as(TestUsers.AUDITOR);
    }

    private String communityWithHistory() {
        String code = Codes.community("350823");
        registrar().header("X-Correlation-Id", "audit-" + code).post("/api/communities", json(Map.of(
                "code", code, "name", "古田社区", "kind", "RURAL", "townshipName", "古田镇", "residentPopulation", 3000)));
        registrar().put("/api/communities/" + code + "/population", json(Map.of("residentPopulation", 3500)));
        registrar().post("/api/communities/" + code + "/compounds", json(Map.of("compoundId", "G1", "name", "一组")));
        return code;
    }

    @Test
    void theEventsOfAStreamComeInOrderWithWhoDidItAndTheirChain() {
        String code = communityWithHistory();

        Api.Response answer = auditor().get("/api/audit/streams/" + code + "/events");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode events = answer.body();
        assertThat(events.findValuesAsText("type"))
                .containsExactly("CommunityRegistered", "ResidentPopulationUpdated", "CompoundAdded");
        assertThat(events.findValuesAsText("sequence")).containsExactly("0", "1", "2");
        JsonNode first = events.get(0);
        assertThat(first.path("actor").asText()).isEqualTo(TestUsers.REGISTRAR);
        assertThat(first.path("role").asText()).isEqualTo("REGISTRAR");
        assertThat(first.path("correlationId").asText()).isEqualTo("audit-" + code);
        assertThat(first.path("payload").path("name").asText()).isEqualTo("古田社区");
        assertThat(first.path("occurredAt").asText()).isNotBlank();
        assertThat(first.path("previousHash").asText()).isEmpty();
        assertThat(first.path("hash").asText()).hasSize(64);
        assertThat(events.get(1).path("previousHash").asText()).isEqualTo(first.path("hash").asText());
        assertThat(events.get(2).path("previousHash").asText()).isEqualTo(events.get(1).path("hash").asText());
        assertThat(answer.header("X-Total-Count")).isEqualTo("3");
    }

    @Test
    void longStreamsArePaged() {
        String code = communityWithHistory();

        Api.Response first = auditor().get("/api/audit/streams/" + code + "/events?size=2");
        assertThat(first.body().size()).isEqualTo(2);
        assertThat(first.header("Link")).contains("page=1", "rel=\"next\"");
        Api.Response second = auditor().get("/api/audit/streams/" + code + "/events?page=1&size=2");
        assertThat(second.body().findValuesAsText("sequence")).containsExactly("2");
        assertThat(second.header("Link")).isNull();
    }

    @Test
    void theStateIsRebuiltAsOfAnyInstantFromTheStreamsOwnEvents() {
        String code = communityWithHistory();
        JsonNode events = auditor().get("/api/audit/streams/" + code + "/events").body();
        Instant registered = Instant.parse(events.get(0).path("occurredAt").asText());
        Instant compoundAdded = Instant.parse(events.get(2).path("occurredAt").asText());

        Api.Response before = auditor().get("/api/audit/streams/" + code + "/state?asOf=" + registered.minusMillis(1));
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body().path("detail").asText()).contains("did not exist yet");

        JsonNode atRegistration = auditor().get("/api/audit/streams/" + code + "/state?asOf=" + registered).body();
        assertThat(atRegistration.path("type").asText()).isEqualTo("Community");
        assertThat(atRegistration.path("version").asLong()).isZero();
        assertThat(atRegistration.path("state").path("compoundIds").size()).isZero();

        JsonNode betweenEvents = auditor().get("/api/audit/streams/" + code + "/state?asOf="
                                               + compoundAdded.minusMillis(1)).body();
        assertThat(betweenEvents.path("version").asLong()).isEqualTo(1);

        JsonNode now = auditor().get("/api/audit/streams/" + code + "/state").body();
        assertThat(now.path("version").asLong()).isEqualTo(2);
        assertThat(now.path("state").path("compoundIds").get(0).asText()).isEqualTo("G1");
        assertThat(auditor().get("/api/audit/streams/nothing-here/state").status()).isEqualTo(404);
        assertThat(auditor().get("/api/audit/streams/" + code + "/state?asOf=yesterday").status()).isEqualTo(400);
    }

    @Test
    void aCleanStreamVerifies() {
        String code = communityWithHistory();
        JsonNode report = auditor().get("/api/audit/verify?aggregateId=" + code).body();
        assertThat(report.path("eventsChecked").asLong()).isEqualTo(3);
        assertThat(report.path("firstBrokenAt").isNull()).isTrue();
        JsonNode whole = auditor().get("/api/audit/verify").body();
        assertThat(whole.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(whole.path("firstBrokenAt").isNull()).isTrue();
    }

    @Test
    void everyReadOfAStreamIsInTheAccessLogForAuditors() {
        String code = communityWithHistory();
        admin().header("X-Correlation-Id", "read-" + code).get("/api/audit/streams/" + code + "/events");

        JsonNode log = auditor().get("/api/audit/access-log?user=admin&size=500").body();
        JsonNode entry = null;
        for (JsonNode item : log.path("items")) {
            if (item.path("path").asText().equals("/api/audit/streams/" + code + "/events")) {
                entry = item;
            }
        }
        assertThat(entry).as("the admin's read is logged").isNotNull();
        assertThat(entry.path("username").asText()).isEqualTo("admin");
        assertThat(entry.path("roles").asText()).isEqualTo("ADMIN");
        assertThat(entry.path("status").asInt()).isEqualTo(200);
        assertThat(entry.path("correlationId").asText()).isEqualTo("read-" + code);
        assertThat(entry.path("remoteAddress").asText()).isNotBlank();

        assertThat(auditor().get("/api/audit/access-log?from=2999-01-01").body().path("total").asLong()).isZero();
        assertThat(registrar().get("/api/audit/access-log").status()).isEqualTo(403);
        assertThat(auditor().send("DELETE", "/api/audit/access-log", null).status()).isEqualTo(403);
    }

    @Test
    void anAuditorPrintsARecordsTimelineWithTheVerifiedChain() throws Exception {
        String code = communityWithHistory();
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/audit/streams/" + code + "/timeline.pdf"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                (TestUsers.AUDITOR + ":" + TestUsers.PASSWORD).getBytes()))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text).contains(code, "CommunityRegistered", "CompoundAdded", TestUsers.REGISTRAR, "哈希链完整");
        assertThat(auditor().get("/api/audit/disputes/unknown-" + code + "/timeline.pdf").status()).isEqualTo(404);
    }

    @Test
    void onlyAuditorsAndAdministratorsReadTheAuditViews() {
        String code = communityWithHistory();
        assertThat(api.as(TestUsers.ANALYST).get("/api/audit/streams/" + code + "/events").status()).isEqualTo(403);
        assertThat(registrar().get("/api/audit/verify").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/audit/verify").status()).isEqualTo(401);
        assertThat(admin().get("/api/audit/streams/" + code + "/events").status()).isEqualTo(200);
        assertThat(auditor().get("/api/audit/streams/unknown-" + code + "/events").status()).isEqualTo(404);
    }
}
