package org.jinlin.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and a client developer need: health, metrics, the OpenAPI description and Swagger UI. */
class OperationsApiTest extends ApiTest {

    @Test
    void healthIsUpWithoutCredentials() {
        var health = api.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void metricsAreForAdministratorsAndCoverTheCommandBus() {
        registrar().post("/api/mediators", org.jinlin.app.support.Api.json(java.util.Map.of(
                "mediatorId", org.jinlin.app.support.Codes.id("OPS"), "name", "x", "employment", "PART_TIME")));
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.as(TestUsers.ANALYST).get("/actuator/prometheus").status()).isEqualTo(403);
        var metrics = admin().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("http_server_requests", "commandBus");
    }

    @Test
    void axonMetricsTimeAndCountEveryBusAndProcessorWithoutKeepingEachMessage() {
        registrar().post("/api/mediators", org.jinlin.app.support.Api.json(java.util.Map.of(
                "mediatorId", org.jinlin.app.support.Codes.id("OPS"), "name", "x", "employment", "PART_TIME")));

        // The directory's processor handles the event on a thread of its own; its meters appear with its first.
        String metrics = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(
                () -> admin().get("/actuator/prometheus").text(), text -> text.contains("directory_allTimer"));

        assertThat(metrics).contains("commandBus_allTimer_seconds_sum", "commandBus_ingestedCounter_total",
                                     "directory_allTimer_seconds_sum", "directory_ingestedCounter_total",
                                     "directory_latency");
        // Axon's capacity monitor held every message's duration for ten minutes (most of the heap during a rebuild);
        // a component's capacity is the rate of its timer's total instead.
        assertThat(metrics).doesNotContainPattern("(?m)^\\w+_capacity[ {]");
    }

    @Test
    void theOpenApiDescriptionListsTheEndpointsOfTheContract() {
        var docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().path("paths");
        assertThat(paths.fieldNames()).toIterable().contains(
                "/api/communities", "/api/communities/{code}/compounds", "/api/communities/{code}/population",
                "/api/communities/{code}/dispute-prominence", "/api/communities/{code}",
                "/api/mediators", "/api/mediators/{id}/appointments", "/api/mediators/{id}/reliefs",
                "/api/mediators/{id}/employment", "/api/mediators/{id}",
                "/api/stats/mediator-ratios", "/api/stats/mediator-ratios/{cityCode}/gaps",
                "/api/admin/users", "/api/admin/users/{username}");
    }

    @Test
    void swaggerUiIsServed() {
        var ui = api.anonymous().get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("Swagger UI");
        assertThat(api.anonymous().get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
