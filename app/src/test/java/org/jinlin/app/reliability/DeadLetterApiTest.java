package org.jinlin.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.ResidentPopulationUpdated;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * A projection that fails on one event parks that event (and its aggregate's later events) as dead letters and
 * goes on with everything else; administrators see it, retry it once the cause is gone, or evict it.
 */
@Import(DeadLetterApiTest.FailingProjectionConfiguration.class)
class DeadLetterApiTest extends ApiTest {

    static final String GROUP = "failing-for-test";

    @TestConfiguration
    static class FailingProjectionConfiguration {
        @Bean
        FailingProjection failingProjection() {
            return new FailingProjection();
        }
    }

    /** Fails on every event of a community registered with 坏 in its name, while {@code failing} is on. */
    @ProcessingGroup(GROUP)
    static class FailingProjection {

        volatile boolean failing = true;
        final List<String> handled = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(CommunityRegistered event) {
            handle(event.code(), event.name(), "registered");
        }

        @EventHandler
        void on(ResidentPopulationUpdated event) {
            handle(event.code(), "", "population " + event.residentPopulation());
        }

        final List<String> badCodes = new CopyOnWriteArrayList<>();

        private void handle(String code, String name, String what) {
            if (name.contains("坏")) {
                badCodes.add(code);
            }
            if (failing && badCodes.contains(code)) {
                throw new IllegalStateException("simulated failure for " + code);
            }
            handled.add(code + " " + what);
        }
    }

    @Autowired
    FailingProjection projection;

    private String register(String name) {
        String code = Codes.community("350125");
        assertThat(registrar().post("/api/communities", json(Map.of("code", code, "name", name, "kind", "URBAN",
                                                                    "townshipName", "城峰镇",
                                                                    "residentPopulation", 100))).status()).isEqualTo(201);
        return code;
    }

    private JsonNode sequenceOf(String code) {
        for (JsonNode sequence : admin().get("/api/admin/dead-letters").body()) {
            if (sequence.path("processingGroup").asText().equals(GROUP)
                && sequence.path("sequenceId").asText().equals(code)) {
                return sequence;
            }
        }
        return null;
    }

    @Test
    void aFailingEventIsParkedTheRestGoesOnAndARetryDeliversItInOrder() {
        String good = register("好社区");
        String bad = register("坏社区");
        registrar().put("/api/communities/" + bad + "/population", json(Map.of("residentPopulation", 200)));
        String later = register("后来的社区");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(projection.handled).contains(good + " registered", later + " registered");
            JsonNode parked = sequenceOf(bad);
            assertThat(parked).isNotNull();
            assertThat(parked.path("letters").size()).as("the later event waits behind the first").isEqualTo(2);
        });
        JsonNode first = sequenceOf(bad).path("letters").get(0);
        assertThat(first.path("eventType").asText()).isEqualTo("CommunityRegistered");
        assertThat(first.path("causeMessage").asText()).contains("simulated failure");
        assertThat(projection.handled).noneMatch(h -> h.startsWith(bad));

        JsonNode health = api.anonymous().get("/actuator/health").body();
        assertThat(health.path("components").path("projections").path("details").path(GROUP).path("deadLetters")
                         .asLong()).isEqualTo(2);

        projection.failing = false;
        JsonNode retried = admin().post("/api/admin/dead-letters/" + GROUP + "/retry", null).body();
        assertThat(retried.path("sequencesSucceeded").asInt()).isEqualTo(1);
        assertThat(retried.path("stillDead").asLong()).isZero();
        assertThat(projection.handled).containsSubsequence(bad + " registered", bad + " population 200");
        assertThat(sequenceOf(bad)).isNull();
    }

    @Test
    void anEvictedSequenceIsDroppedForGood() {
        projection.failing = true;
        String bad = register("又一个坏社区");
        await().atMost(Duration.ofSeconds(20)).until(() -> sequenceOf(bad) != null);

        assertThat(admin().post("/api/admin/dead-letters/" + GROUP + "/" + bad + "/eviction", null).body()
                          .path("evicted").asInt()).isEqualTo(1);
        assertThat(sequenceOf(bad)).isNull();
        assertThat(admin().post("/api/admin/dead-letters/" + GROUP + "/" + bad + "/eviction", null).status())
                .isEqualTo(404);
        assertThat(api.as(org.jinlin.app.support.TestUsers.AUDITOR).get("/api/admin/dead-letters").status())
                .isEqualTo(403);
    }
}
