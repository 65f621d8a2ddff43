package org.jinlin.app.web;

import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** A form body sent to the API by PUT, PATCH or DELETE, even a malformed one, is refused as a client's mistake. */
class FormBodyTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void aMalformedFormBodyIsA4xxProblemNotAServerError(String method) throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (TestUsers.REGISTRAR + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                                                + "/api/mediators/M-NONE/employment"))
                                         .header("Authorization", "Basic " + basic)
                                         .header("Content-Type", "application/x-www-form-urlencoded")
                                         .method(method, HttpRequest.BodyPublishers.ofString("%"))
                                         .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }
}
