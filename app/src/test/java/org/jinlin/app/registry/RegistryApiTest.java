package org.jinlin.app.registry;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/** Registrars keep communities and mediators up to date over HTTP, with every refusal a problem detail. */
class RegistryApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    private String registerCommunity(String code, int population) {
        Api.Response created = registrar().post("/api/communities", json(Map.of(
                "code", code, "name", "东城社区", "kind", "URBAN", "townshipName", "东城街道",
                "residentPopulation", population)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.eventToken();
    }

    private void registerMediator(String id, String employment) {
        Api.Response created = registrar().post("/api/mediators", json(Map.of(
                "mediatorId", id, "name", "张调解", "employment", employment)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private long storedEvents(String aggregateId) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                                         Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    private static void assertProblem(Api.Response response, int status, String detailContains) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = response.body();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asText()).isNotBlank();
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).contains(detailContains);
        assertThat(response.text()).doesNotContain("Exception", "at org.", "SQL", "select ", "insert ");
    }

    @Test
    void aRegisteredCommunityIsAnsweredWithItsIdVersionLocationAndEventToken() {
        String code = Codes.community("350802");
        Api.Response created = registrar().post("/api/communities", json(Map.of(
                "code", code, "name", "东城社区", "kind", "URBAN", "townshipName", "东城街道",
                "residentPopulation", 12000)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("id").asText()).isEqualTo(code);
        assertThat(created.body().path("version").asLong()).isZero();
        assertThat(created.header("Location")).isEqualTo("/api/communities/" + code);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.eventToken()).matches("\\d+");

        JsonNode community = registrar().get("/api/communities/" + code + "?consistentWith=" + created.eventToken())
                                        .body();
        assertThat(community.path("name").asText()).isEqualTo("东城社区");
        assertThat(community.path("cityCode").asText()).isEqualTo("350800");
        assertThat(community.path("cityName").asText()).isEqualTo("龙岩市");
        assertThat(community.path("countyCode").asText()).isEqualTo("350802");
        assertThat(community.path("countyName").asText()).isEqualTo("新罗区");
        assertThat(community.path("residentPopulation").asInt()).isEqualTo(12000);
        assertThat(community.path("version").asLong()).isZero();
    }

    @Test
    void aDivisionCodeIsRegisteredOnlyOnce() {
        String code = Codes.community("350802");
        registerCommunity(code, 100);

        Api.Response again = registrar().post("/api/communities", json(Map.of(
                "code", code, "name", "另一个社区", "kind", "RURAL", "townshipName", "镇", "residentPopulation", 1)));

        assertProblem(again, 409, "community " + code + " is already registered");
        assertThat(storedEvents(code)).isEqualTo(1);
    }

    @Test
    void invalidInputIsRefusedWithEveryFieldAtFault() {
        Api.Response invalid = registrar().post("/api/communities", json(Map.of(
                "code", "3508", "name", "", "kind", "URBAN", "townshipName", "街道", "residentPopulation", -1)));

        assertProblem(invalid, 400, "12-digit");
        assertThat(invalid.body().path("errors").findValuesAsText("field"))
                .containsExactly("code", "name", "residentPopulation");
    }

    @Test
    void aCodeOutsideFujiansCitiesIsRefused() {
        assertProblem(registrar().post("/api/communities", json(Map.of(
                "code", "351000001001", "name", "x", "kind", "URBAN", "townshipName", "y", "residentPopulation", 1))),
                      400, "names no Fujian city-level unit");
    }

    @Test
    void anUnknownKindIsRefusedNamingTheAllowedValues() {
        Api.Response invalid = registrar().post("/api/communities", json(Map.of(
                "code", Codes.community("350802"), "name", "x", "kind", "CITY", "townshipName", "y",
                "residentPopulation", 1)));
        assertProblem(invalid, 400, "URBAN");
        assertThat(invalid.body().path("errors").get(0).path("field").asText()).isEqualTo("kind");
    }

    @Test
    void malformedOrMissingBodiesAreRefused() {
        assertProblem(registrar().post("/api/communities", "{not json"), 400, "not valid JSON");
        assertProblem(registrar().send("POST", "/api/communities", null), 400, "missing");
        assertProblem(registrar().post("/api/communities", json(Map.of("residentPopulation", "many"))), 400,
                      "residentPopulation");
    }

    @Test
    void withoutCredentialsTheAnswerIs401AndWithTheWrongRole403() {
        String body = json(Map.of("code", Codes.community("350802"), "name", "x", "kind", "URBAN",
                                  "townshipName", "y", "residentPopulation", 1));
        Api.Response anonymous = api.anonymous().post("/api/communities", body);
        assertProblem(anonymous, 401, "credentials");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertProblem(api.as(TestUsers.REGISTRAR, "wrong-password").post("/api/communities", body), 401,
                      "credentials");
        assertProblem(analyst().post("/api/communities", body), 403, "role");
        assertProblem(admin().post("/api/communities", body), 403, "role");
        assertProblem(api.as(TestUsers.MEDIATOR).post("/api/mediators", json(Map.of(
                "mediatorId", Codes.id("M"), "name", "x", "employment", "FULL_TIME"))), 403, "role");
    }

    @Test
    void compoundsAreAddedOncePerIdAndUnknownCommunitiesAre404() {
        String code = Codes.community("350802");
        registerCommunity(code, 100);

        Api.Response added = registrar().post("/api/communities/" + code + "/compounds",
                                              json(Map.of("compoundId", "C1", "name", "幸福小区")));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().path("version").asLong()).isEqualTo(1);

        assertProblem(registrar().post("/api/communities/" + code + "/compounds",
                                       json(Map.of("compoundId", "C1", "name", "别的小区"))), 409, "compound with id C1");
        assertProblem(registrar().post("/api/communities/" + Codes.community("350802") + "/compounds",
                                       json(Map.of("compoundId", "C1", "name", "小区"))), 404, "does not exist");
        assertProblem(registrar().post("/api/communities/12345/compounds",
                                       json(Map.of("compoundId", "C1", "name", "小区"))), 400, "12-digit");

        JsonNode community = registrar().get("/api/communities/" + code + "?consistentWith=" + added.eventToken())
                                        .body();
        assertThat(community.path("compounds").findValuesAsText("compoundId")).containsExactly("C1");
        assertThat(storedEvents(code)).isEqualTo(2);
    }

    @Test
    void populationAndDisputeProminenceAreKeptUpToDate() {
        String code = Codes.community("350802");
        registerCommunity(code, 100);

        assertThat(registrar().put("/api/communities/" + code + "/population",
                                   json(Map.of("residentPopulation", 15000))).status()).isEqualTo(200);
        assertProblem(registrar().put("/api/communities/" + code + "/population",
                                      json(Map.of("residentPopulation", -3))), 400, "must not be negative");
        Api.Response flagged = registrar().post("/api/communities/" + code + "/dispute-prominence",
                                                json(Map.of("prominent", true, "reason", "物业纠纷多发")));
        assertThat(flagged.status()).isEqualTo(200);
        assertProblem(registrar().post("/api/communities/" + code + "/dispute-prominence",
                                       json(Map.of("prominent", true, "reason", "again"))), 409, "already flagged");
        assertProblem(registrar().post("/api/communities/" + code + "/dispute-prominence",
                                       json(Map.of("reason", "?"))), 400, "prominent");

        JsonNode community = registrar().get("/api/communities/" + code + "?consistentWith=" + flagged.eventToken())
                                        .body();
        assertThat(community.path("residentPopulation").asInt()).isEqualTo(15000);
        assertThat(community.path("disputeProminent").asBoolean()).isTrue();
        assertThat(community.path("disputeProminentReason").asText()).isEqualTo("物业纠纷多发");

        Api.Response cleared = registrar().post("/api/communities/" + code + "/dispute-prominence",
                                                json(Map.of("prominent", false, "reason", "已化解")));
        assertThat(cleared.body().path("version").asLong()).isEqualTo(3);
        assertProblem(registrar().post("/api/communities/" + code + "/dispute-prominence",
                                       json(Map.of("prominent", false))), 409, "not flagged");
        assertThat(storedEvents(code)).isEqualTo(4);
    }

    @Test
    void mediatorsAreRegisteredAppointedRelievedAndChangeEmployment() {
        String east = Codes.community("350802");
        String west = Codes.community("350802");
        registerCommunity(east, 100);
        registerCommunity(west, 100);
        String mediator = Codes.id("M");
        registerMediator(mediator, "FULL_TIME");

        assertProblem(registrar().post("/api/mediators", json(Map.of(
                "mediatorId", mediator, "name", "again", "employment", "PART_TIME"))), 409, "already registered");
        assertProblem(registrar().post("/api/mediators/" + mediator + "/appointments",
                                       json(Map.of("communityCode", Codes.community("350802")))), 409,
                      "is not registered");
        assertThat(registrar().post("/api/mediators/" + mediator + "/appointments",
                                    json(Map.of("communityCode", east))).status()).isEqualTo(200);
        assertProblem(registrar().post("/api/mediators/" + mediator + "/appointments",
                                       json(Map.of("communityCode", west))), 409, "relieve that appointment first");
        assertProblem(registrar().post("/api/mediators/" + mediator + "/reliefs",
                                       json(Map.of("communityCode", west, "reason", "x"))), 409, "holds no appointment");
        assertProblem(registrar().post("/api/mediators/" + Codes.id("M") + "/appointments",
                                       json(Map.of("communityCode", east))), 404, "does not exist");
        assertProblem(registrar().put("/api/mediators/" + mediator + "/employment",
                                      json(Map.of("employment", "FULL_TIME"))), 409, "already full-time");
        Api.Response partTime = registrar().put("/api/mediators/" + mediator + "/employment",
                                                json(Map.of("employment", "PART_TIME")));
        assertThat(partTime.status()).isEqualTo(200);

        JsonNode details = registrar().get("/api/mediators/" + mediator + "?consistentWith=" + partTime.eventToken())
                                      .body();
        assertThat(details.path("employment").asText()).isEqualTo("PART_TIME");
        assertThat(details.path("appointments").findValuesAsText("communityCode")).containsExactly(east);
        JsonNode community = registrar().get("/api/communities/" + east).body();
        assertThat(community.path("mediators").findValuesAsText("mediatorId")).containsExactly(mediator);

        Api.Response relieved = registrar().post("/api/mediators/" + mediator + "/reliefs",
                                                 json(Map.of("communityCode", east, "reason", "调任")));
        assertThat(relieved.body().path("version").asLong()).isEqualTo(3);
        assertThat(storedEvents(mediator)).isEqualTo(4);
        assertThat(registrar().get("/api/mediators/" + mediator + "?consistentWith=" + relieved.eventToken())
                              .body().path("appointments").size()).isZero();
    }

    @Test
    void aStaleIfMatchIsAConflictAndAppendsNothing() {
        String code = Codes.community("350802");
        registerCommunity(code, 100);
        registrar().put("/api/communities/" + code + "/population", json(Map.of("residentPopulation", 200)));

        assertProblem(registrar().header("If-Match", "\"0\"").put("/api/communities/" + code + "/population",
                                                                  json(Map.of("residentPopulation", 300))),
                      409, "is at version 1, not 0");
        assertProblem(registrar().header("If-Match", "\"7\"").put("/api/communities/" + code + "/population",
                                                                  json(Map.of("residentPopulation", 300))),
                      409, "is at version 1, not 7");
        assertProblem(registrar().header("If-Match", "latest").put("/api/communities/" + code + "/population",
                                                                   json(Map.of("residentPopulation", 300))),
                      400, "If-Match");
        assertThat(storedEvents(code)).isEqualTo(2);

        Api.Response current = registrar().header("If-Match", "\"1\"").put(
                "/api/communities/" + code + "/population", json(Map.of("residentPopulation", 300)));
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.body().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aRepeatedIdempotencyKeyGivesTheFirstAnswerAndAppendsNothing() {
        String code = Codes.community("350802");
        String body = json(Map.of("code", code, "name", "东城社区", "kind", "URBAN", "townshipName", "东城街道",
                                  "residentPopulation", 10));
        Api keyed = registrar().header("Idempotency-Key", "create-" + code);

        Api.Response first = keyed.post("/api/communities", body);
        Api.Response repeat = keyed.post("/api/communities", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.text()).isEqualTo(first.text());
        assertThat(repeat.eventToken()).isEqualTo(first.eventToken());
        assertThat(storedEvents(code)).isEqualTo(1);

        Api.Response population = registrar().header("Idempotency-Key", "pop-" + code)
                                             .put("/api/communities/" + code + "/population",
                                                  json(Map.of("residentPopulation", 20)));
        Api.Response populationAgain = registrar().header("Idempotency-Key", "pop-" + code)
                                                  .put("/api/communities/" + code + "/population",
                                                       json(Map.of("residentPopulation", 20)));
        assertThat(populationAgain.text()).isEqualTo(population.text());
        assertThat(storedEvents(code)).isEqualTo(2);

        assertProblem(registrar().header("Idempotency-Key", "pop-" + code)
                                 .put("/api/communities/" + code + "/population",
                                      json(Map.of("residentPopulation", 21))), 422, "different request");
        assertThat(storedEvents(code)).isEqualTo(2);
    }

    @Test
    void idempotencyKeysBelongToTheUserWhoSentThem() {
        String code = Codes.community("350802");
        registerCommunity(code, 10);
        String key = "shared-key-" + code;
        userAdministration.create(new org.jinlin.app.security.UserAdministration.NewUser(
                "registrar-" + code, TestUsers.PASSWORD, java.util.List.of("REGISTRAR"), null, null));

        registrar().header("Idempotency-Key", key).put("/api/communities/" + code + "/population",
                                                       json(Map.of("residentPopulation", 20)));
        Api.Response other = api.as("registrar-" + code).header("Idempotency-Key", key)
                                .put("/api/communities/" + code + "/population", json(Map.of("residentPopulation", 20)));

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void everyStoredEventSaysWhoDidItInWhichRoleAndForWhichRequest() {
        String code = Codes.community("350802");
        Api.Response created = registrar().header("X-Correlation-Id", "req-" + code).post("/api/communities", json(Map.of(
                "code", code, "name", "东城社区", "kind", "URBAN", "townshipName", "东城街道", "residentPopulation", 1)));
        assertThat(created.header("X-Correlation-Id")).isEqualTo("req-" + code);

        String metaData = jdbc.queryForObject(
                "select meta_data from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                (rs, row) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8), code);
        assertThat(metaData).contains("\"actor\":\"registrar\"", "\"role\":\"REGISTRAR\"",
                                      "\"correlationId\":\"req-" + code + "\"");
    }

    @Test
    void listsArePagedAndTheSizeIsBounded() {
        String county = "350803";
        for (int i = 0; i < 3; i++) {
            registerCommunity(Codes.community(county), 100);
        }
        String token = registrar().post("/api/mediators", json(Map.of(
                "mediatorId", Codes.id("M"), "name", "x", "employment", "PART_TIME"))).eventToken();
        JsonNode page = registrar().get("/api/communities?countyCode=" + county + "&size=2&consistentWith=" + token)
                                   .body();
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("items").size()).isEqualTo(2);
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertProblem(registrar().get("/api/communities?size=501"), 400, "size");
        assertProblem(registrar().get("/api/communities?page=-1"), 400, "page");
        assertProblem(registrar().get("/api/communities?page=abc"), 400, "page");
    }

    @Test
    void unknownCommunitiesAndMediatorsAre404() {
        assertProblem(registrar().get("/api/communities/" + Codes.community("350802")), 404, "not registered");
        assertProblem(registrar().get("/api/mediators/" + Codes.id("M")), 404, "not registered");
    }

    @Test
    void anIdOfAnotherKindOfRecordIsNotFoundAndAppendsNothing() {
        String code = Codes.community("350802");
        registerCommunity(code, 5000);
        String mediator = Codes.id("M");
        registerMediator(mediator, "FULL_TIME");

        assertProblem(registrar().post("/api/households/" + code + "/deregistration",
                                       json(Map.of("reason", "moved away"))), 404, "another kind of record");
        assertProblem(registrar().post("/api/mediators/" + code + "/appointments",
                                       json(Map.of("communityCode", code))), 404, "another kind of record");
        assertThat(storedEvents(code)).isEqualTo(1);
        assertThat(storedEvents(mediator)).isEqualTo(1);
    }

    @Test
    void anAddressTheServerRefusesIsAnsweredAsAProblemToo() {
        // An encoded slash is refused by the servlet container itself, before any controller sees it.
        assertProblem(registrar().get("/api/communities/35%2F0802"), 400, "could not be understood");
    }
}
