package org.jinlin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Sends operations over HTTP on loopback with HTTP Basic, as any client of the service would. */
final class HttpDriver implements Driver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                              .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String password;

    HttpDriver(int port, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.password = password;
    }

    @Override
    public Answer send(Op op) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + op.path()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (op.user() + ":" + password).getBytes(StandardCharsets.UTF_8)));
            if (op.body() == null) {
                request.method(op.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                       .method(op.method(), HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(op.body())));
            }
            HttpResponse<String> response = http.send(request.build(),
                                                      HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status >= 300) {
                return new Answer(status, null, -1, op.kind() + " " + op.path() + " → " + status + " " + response.body());
            }
            if (op.isRead()) {
                return new Answer(status, null, -1, null);
            }
            JsonNode ack = JSON.readTree(response.body());
            return new Answer(status, ack.path("id").asText(), ack.path("version").asLong(-1), null,
                              response.headers().firstValue("X-Event-Token").orElse(null));
        } catch (Exception e) {
            return new Answer(0, null, -1, op.kind() + " " + op.path() + " → " + e);
        }
    }
}
