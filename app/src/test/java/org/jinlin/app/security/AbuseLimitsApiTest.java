package org.jinlin.app.security;

import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/** What the service refuses to protect itself: oversized bodies, and password guessing. */
class AbuseLimitsApiTest extends ApiTest {

    @Test
    void aBodyOver256KiBIsRefusedWith413() throws Exception {
        String huge = json(Map.of("mediatorId", Codes.id("BIG"), "name", "x".repeat(300 * 1024),
                                  "employment", "FULL_TIME"));
        Api.Response declared = registrar().post("/api/mediators", huge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).startsWith("application/problem+json");

        HttpResponse<String> chunked = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/mediators"))
                           .header("Content-Type", "application/json")
                           .header("Authorization", basic(TestUsers.REGISTRAR, TestUsers.PASSWORD))
                           .POST(HttpRequest.BodyPublishers.ofInputStream(
                                   () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                           .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);

        String justUnder = json(Map.of("mediatorId", Codes.id("OK"), "name", "王五", "employment", "FULL_TIME",
                                       "padding", "x".repeat(200 * 1024)));
        assertThat(registrar().post("/api/mediators", justUnder).status()).isEqualTo(201);
    }

    @Test
    void repeatedFailedLoginsSlowDownAndThenLockTheUser() {
        String username = Codes.id("guessed").toLowerCase();
        userAdministration.create(new UserAdministration.NewUser(username, TestUsers.PASSWORD, List.of("ANALYST"),
                                                                 null, null));
        Api wrong = api.as(username, "not-the-password");
        long[] took = new long[5];
        for (int attempt = 0; attempt < 5; attempt++) {
            long start = System.nanoTime();
            assertThat(wrong.get("/api/stats/mediator-ratios").status()).isEqualTo(401);
            took[attempt] = (System.nanoTime() - start) / 1_000_000;
        }
        // 0.25 s more per failure after the first: the fourth waits at least 0.75 s, the fifth at least 1 s.
        assertThat(took[3]).as("the fourth failure is slowed down").isGreaterThanOrEqualTo(750);
        assertThat(took[4]).as("the fifth failure is slowed down more").isGreaterThanOrEqualTo(1000);

        Api.Response locked = api.as(username).get("/api/stats/mediator-ratios");
        assertThat(locked.status()).as("locked even with the right password").isEqualTo(401);
        assertThat(locked.body().path("detail").asText()).contains("locked");
        assertThat(api.as(TestUsers.ANALYST).get("/api/stats/mediator-ratios").status()).as("others unaffected")
                                                                                       .isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsEarlierFailures() {
        String username = Codes.id("forgetful").toLowerCase();
        userAdministration.create(new UserAdministration.NewUser(username, TestUsers.PASSWORD, List.of("ANALYST"),
                                                                 null, null));
        for (int attempt = 0; attempt < 3; attempt++) {
            api.as(username, "typo").get("/api/stats/mediator-ratios");
        }
        assertThat(api.as(username).get("/api/stats/mediator-ratios").status()).isEqualTo(200);
        for (int attempt = 0; attempt < 3; attempt++) {
            api.as(username, "typo").get("/api/stats/mediator-ratios");
        }
        assertThat(api.as(username).get("/api/stats/mediator-ratios").status()).isEqualTo(200);
    }

    @Test
    void answersCarrySecurityHeaders() {
        Api.Response answer = api.as(TestUsers.ANALYST).get("/api/stats/mediator-ratios");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
