package org.jinlin.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jinlin.app.JinlinApplication;
import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.security.UserAdministration.NewUser;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/**
 * Random and malformed requests to every command endpoint, taken from the service's own OpenAPI description so a
 * new endpoint is fuzzed without touching this test: bodies shaped like the endpoint's schema with wrong types,
 * missing and unknown fields, extreme values; bodies that are not JSON or not UTF-8; odd Content-Type, If-Match and
 * Idempotency-Key headers; path values from real ids to garbage. The service never answers 5xx, every refusal is a
 * problem detail without internals, and a refused request appends no event.
 */
class CommandFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String FUZZER = "fuzzer";
    /** Above the 256 KiB limit on request bodies; built once, the generators share it. */
    private static final byte[] OVERSIZED_BODY =
            ("{\"x\":\"" + "长".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);

    private static ConfigurableApplicationContext service;
    private static JdbcTemplate jdbc;
    private static HttpClient http;
    private static String base;
    private static List<Operation> operations;
    /** Ids that exist, so that some requests get past "not found" into the rules. */
    private static List<String> knownIds;

    /** One command operation of the API and the JSON schema of its body, if it takes one. */
    record Operation(String method, String path, JsonNode bodySchema) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Attempt(Operation operation, List<String> pathValues, byte[] body, Optional<String> contentType,
                   Optional<String> ifMatch, Optional<String> idempotencyKey) {
        @Override
        public String toString() {
            String shown = new String(body, StandardCharsets.UTF_8);
            return operation + " " + pathValues + " content-type=" + contentType + " if-match=" + ifMatch
                   + " idempotency-key=" + idempotencyKey + " body=" + (shown.length() > 300
                                                                         ? shown.substring(0, 300) + "…" : shown);
        }
    }

    @BeforeContainer
    static void startTheService() throws Exception {
        service = new SpringApplicationBuilder(JinlinApplication.class).run(
                "--server.port=0", "--jinlin.data-dir=" + ApiTest.newDataDirectory(),
                "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD, "--jinlin.security.bcrypt-strength=4",
                "--logging.level.root=WARN");
        jdbc = service.getBean(JdbcTemplate.class);
        UserAdministration users = service.getBean(UserAdministration.class);
        TestUsers.ensure(users);
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        base = "http://localhost:" + port;
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // A fuzzing user who holds every role but ADMIN's, so requests reach the rules rather than stop at 403.
        String mediatorId = Codes.id("M");
        users.create(new NewUser(FUZZER, TestUsers.PASSWORD,
                                 List.of("REGISTRAR", "MEDIATOR", "COORDINATOR", "AUDITOR", "ANALYST"), mediatorId,
                                 null));
        knownIds = seed(new Api(port), mediatorId);

        JsonNode description = JSON.readTree(send("GET", "/v3/api-docs", new byte[0], Optional.empty(),
                                                  Optional.empty(), Optional.empty(), null).body());
        operations = commandOperations(description);
        assertThat(operations).as("command operations found in the OpenAPI description").hasSizeGreaterThan(30);
    }

    @AfterContainer
    static void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 1200, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.BOUNDED)
    void noRequestIsAnsweredWith5xxAndARefusalAppendsNothing(@ForAll("attempts") Attempt attempt) throws Exception {
        long before = storedEvents();
        HttpResponse<byte[]> answer = send(attempt);
        int status = answer.statusCode();
        String body = new String(answer.body(), StandardCharsets.UTF_8);

        assertThat(status).as("%s answered %s", attempt, body).isLessThan(500);
        if (status >= 400) {
            assertThat(answer.headers().firstValue("Content-Type")).as("%s answered %s", attempt, body)
                                                                 .hasValueSatisfying(type -> assertThat(type)
                                                                         .startsWith("application/problem+json"));
            assertThat(withoutEcho(body, attempt)).as("%s answered %s", attempt, body)
                                                  .doesNotContain("Exception", "\tat ", "at org.", "at java.", "SQL", "select ",
                                                                  "insert ", "org.h2", "jdbc");
            assertThat(storedEvents()).as("%s was refused with %d but appended events", attempt, status)
                                      .isEqualTo(before);
        }
    }

    /**
     * The answer without what the client sent, which a problem may rightly echo: the request path in
     * {@code instance}, the path values, and the field names and texts of the body. A random id that happens to
     * contain "SQL" is the client's word, not a leak; the words that remain are the server's own.
     */
    private static String withoutEcho(String answer, Attempt attempt) {
        String text = answer;
        try {
            JsonNode problem = JSON.readTree(answer);
            if (problem instanceof ObjectNode object) {
                object.remove("instance");
                text = object.toString();
            }
        } catch (IOException notJson) {
            // the raw text is scanned as it is
        }
        List<String> echoes = new ArrayList<>(attempt.pathValues());
        try {
            collectTexts(JSON.readTree(attempt.body()), echoes);
        } catch (IOException notJson) {
            echoes.add(new String(attempt.body(), StandardCharsets.UTF_8));
        }
        echoes.sort(Comparator.comparingInt(String::length).reversed());
        for (String echo : echoes) {
            if (!echo.isBlank()) {
                text = text.replace(echo, "");
            }
        }
        return text;
    }

    private static void collectTexts(JsonNode node, List<String> into) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.fields().forEachRemaining(field -> {
            into.add(field.getKey());
            collectTexts(field.getValue(), into);
        });
        if (node.isArray()) {
            node.forEach(element -> collectTexts(element, into));
        }
    }

    // ---- generators -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Attempt> attempts() {
        return Arbitraries.of(operations).flatMap(operation -> Combinators.combine(
                pathValues(operation), body(operation), contentTypes(), ifMatches(), idempotencyKeys())
                .as((path, body, type, ifMatch, key) -> new Attempt(operation, path, body, type, ifMatch, key)));
    }

    private static Arbitrary<List<String>> pathValues(Operation operation) {
        int variables = (int) PATH_VARIABLE.matcher(operation.path()).results().count();
        return pathValue().list().ofSize(variables);
    }

    private static Arbitrary<String> pathValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(knownIds)),
                Tuple.of(2, Arbitraries.strings().ofMinLength(1).ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().ofLength(300)),
                Tuple.of(2, Arbitraries.of("0", "-1", "350802", "3508021010101", "35080210101X",
                                                                "..", ".", "' or 1=1 --", "<script>", "NaN", "null",
                                                                "社区", " ", "a/b", "%", "\u0000", "😀", "{id}")));
    }

    private static Arbitrary<byte[]> body(Operation operation) {
        Arbitrary<String> shaped = operation.bodySchema() == null ? anyJson(2) : shapedLike(operation.bodySchema());
        return Arbitraries.frequencyOf(
                Tuple.of(6, shaped.map(Attempts::utf8)),
                Tuple.of(2, anyJson(3).map(Attempts::utf8)),
                Tuple.of(1, shaped.map(text -> text.substring(0, text.length() / 2))
                                                       .map(Attempts::utf8)),
                Tuple.of(1, Arbitraries.of("", "{", "}", "[", "nul", "{\"a\":}", "{'a':1}",
                                                                "<xml/>", "\u0000", "{\"a\":1,}", "1e99999")
                                                            .map(Attempts::utf8)),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)),
                Tuple.of(1, Arbitraries.just(new byte[]{'{', '"', 'n', '"', ':', '"', (byte) 0xC3,
                                                                             (byte) 0x28, '"', '}'})),
                Tuple.of(1, Arbitraries.just(OVERSIZED_BODY)));
    }

    /** A JSON object with the schema's fields, each either well-typed with an odd value, wrongly typed, or absent. */
    private static Arbitrary<String> shapedLike(JsonNode schema) {
        List<Arbitrary<Optional<Map.Entry<String, Object>>>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Arbitrary<Object> value = Arbitraries.frequencyOf(
                    Tuple.of(5, typed(field.getValue())),
                    Tuple.of(2, anyValue(2)));
            fields.add(value.map(v -> (Map.Entry<String, Object>) new AbstractMap.SimpleEntry<>(field.getKey(), v)).optional(0.85));
        }
        Arbitrary<Optional<Map.Entry<String, Object>>> unknown =
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).flatMap(
                        name -> anyValue(1).map(v -> (Map.Entry<String, Object>) new AbstractMap.SimpleEntry<>(name, v))).optional(0.2);
        fields.add(unknown);
        return Combinators.combine(fields).as(entries -> {
            Map<String, Object> object = new LinkedHashMap<>();
            entries.forEach(entry -> entry.ifPresent(e -> object.put(e.getKey(), e.getValue())));
            return json(object);
        });
    }

    /** A value of the field's declared type: mostly plausible, often at or beyond an edge. */
    private static Arbitrary<Object> typed(JsonNode field) {
        JsonNode enumValues = field.path("enum");
        if (enumValues.isArray() && !enumValues.isEmpty()) {
            List<Object> values = new ArrayList<>();
            enumValues.forEach(v -> values.add(v.asText()));
            values.add(enumValues.get(0).asText().toLowerCase());
            values.add("");
            return Arbitraries.of(values);
        }
        String format = field.path("format").asText();
        return switch (field.path("type").asText()) {
            case "integer", "number" -> Arbitraries.oneOf(
                    Arbitraries.of(0, -1, 1, 3, 12_000, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE).map(v -> v),
                    Arbitraries.of(1e308, -0.5, 3.14159, 1234.5678).map(v -> v),
                    Arbitraries.integers().between(-100_000, 100_000).map(v -> v));
            case "boolean" -> Arbitraries.of(true, false).map(v -> v);
            case "array" -> typed(field.path("items")).list().ofMaxSize(25).map(v -> v);
            case "object" -> field.has("properties")
                             ? shapedLike(field).map(CommandFuzzTest::parse)
                             : anyValue(1);
            default -> format.equals("date-time") ? instants() : texts();
        };
    }

    private static Arbitrary<Object> instants() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Arbitraries.of(now.toString(), now.minus(3, ChronoUnit.DAYS).toString(),
                              now.plus(30, ChronoUnit.DAYS).toString(), "1900-01-01T00:00:00Z",
                              "+999999999-12-31T23:59:59Z", "2024-02-30T00:00:00Z", "2024-01-01", "yesterday", "")
                          .map(v -> v);
    }

    private static Arbitrary<Object> texts() {
        return Arbitraries.oneOf(
                Arbitraries.of(knownIds).map(v -> v),
                Arbitraries.strings().ofMaxLength(30).map(v -> v),
                Arbitraries.strings().withChars("东城社区调解员王李张").ofMinLength(1).ofMaxLength(12).map(v -> v),
                Arbitraries.of("", " ", "\t\n", "x".repeat(2001), "😀".repeat(600), "\u202Etxt", "<b>x</b>",
                               "350802001001", "35080219800101001X", "350802198001010011").map(v -> v));
    }

    private static Arbitrary<Object> anyValue(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(v -> v), Arbitraries.integers().map(v -> v),
                Arbitraries.of(true, false).map(v -> v), Arbitraries.just(null), Arbitraries.of(1e300, -0.0).map(v -> v));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf, leaf,
                                 anyValue(depth - 1).list().ofMaxSize(4).map(v -> v),
                                 Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), anyValue(depth - 1))
                                            .ofMaxSize(4).map(v -> v));
    }

    private static Arbitrary<String> anyJson(int depth) {
        return anyValue(depth).map(Api::json);
    }

    private static Arbitrary<Optional<String>> contentTypes() {
        return Arbitraries.of("application/json", "application/json", "application/json", "application/json",
                              "application/json; charset=ISO-8859-1", "text/plain", "application/xml",
                              "application/x-www-form-urlencoded", "multipart/form-data", "*/*", "garbage", "")
                          .optional(0.9);
    }

    private static Arbitrary<Optional<String>> ifMatches() {
        return Arbitraries.of("\"0\"", "\"1\"", "\"3\"", "0", "W/\"1\"", "*", "\"-1\"", "\"abc\"", "\"\"",
                              "\"99999999999999999999\"", "\"1\", \"2\"")
                          .optional(0.3);
    }

    private static Arbitrary<Optional<String>> idempotencyKeys() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                                 Arbitraries.of("", " ", "k".repeat(500), "键-1", "a\tb"))
                          .optional(0.3);
    }

    // ---- the service ------------------------------------------------------------------------------------------

    private static List<Operation> commandOperations(JsonNode description) {
        List<Operation> found = new ArrayList<>();
        JsonNode paths = description.path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.path(path).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = it.next();
                String method = operation.getKey().toUpperCase();
                if (method.equals("GET") || path.equals("/api/admin/backups")
                    || path.endsWith("/replay")) {
                    // Reads do not append; a backup and a replay do real work that random input cannot spoil.
                    continue;
                }
                JsonNode schema = operation.getValue().path("requestBody").path("content")
                                           .path("application/json").path("schema");
                found.add(new Operation(method, path, schema.isMissingNode() ? null : resolve(description, schema)));
            }
        }
        return found;
    }

    private static JsonNode resolve(JsonNode description, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            JsonNode resolved = description.path("components").path("schemas").path(name).deepCopy();
            JsonNode properties = resolved.path("properties");
            if (properties.isObject()) {
                properties.fields().forEachRemaining(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) properties)
                        .set(p.getKey(), resolve(description, p.getValue())));
            }
            return resolved;
        }
        if (schema.has("items")) {
            JsonNode copy = schema.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy).set("items", resolve(description, schema.get("items")));
            return copy;
        }
        return schema;
    }

    private static HttpResponse<byte[]> send(Attempt attempt) throws IOException, InterruptedException {
        Matcher variables = PATH_VARIABLE.matcher(attempt.operation().path());
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (variables.find()) {
            variables.appendReplacement(path, Matcher.quoteReplacement(
                    URLEncoder.encode(attempt.pathValues().get(i++), StandardCharsets.UTF_8).replace("+", "%20")));
        }
        variables.appendTail(path);
        String user = attempt.operation().path().startsWith("/api/admin/") ? TestUsers.ADMIN : FUZZER;
        return send(attempt.operation().method(), path.toString(), attempt.body(), attempt.contentType(),
                    attempt.ifMatch(), attempt.idempotencyKey(), user);
    }

    private static HttpResponse<byte[]> send(String method, String path, byte[] body, Optional<String> contentType,
                                             Optional<String> ifMatch, Optional<String> idempotencyKey, String user)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                                                 .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        contentType.filter(type -> !type.isEmpty()).ifPresent(type -> request.header("Content-Type", type));
        ifMatch.ifPresent(value -> request.header("If-Match", value));
        idempotencyKey.filter(key -> !key.isBlank() && key.chars().noneMatch(Character::isISOControl)
                                     && key.chars().allMatch(c -> c < 128))
                      .ifPresent(key -> request.header("Idempotency-Key", key));
        if (user != null) {
            String password = user.equals(TestUsers.ADMIN) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long storedEvents() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** A community, a mediator appointed to it, a household and an assigned dispute, so that ids exist. */
    private static List<String> seed(Api api, String fuzzerMediatorId) {
        Api registrar = api.as(TestUsers.REGISTRAR);
        String community = Codes.community("350802");
        accepted(registrar.post("/api/communities", json(Map.of(
                "code", community, "name", "东城社区", "kind", "URBAN", "townshipName", "东城街道",
                "residentPopulation", 8000))));
        accepted(registrar.post("/api/communities/" + community + "/compounds",
                                json(Map.of("compoundId", "C1", "name", "幸福小区"))));
        accepted(registrar.post("/api/mediators", json(Map.of("mediatorId", fuzzerMediatorId, "name", "林调解",
                                                              "employment", "FULL_TIME"))));
        accepted(registrar.post("/api/mediators/" + fuzzerMediatorId + "/appointments",
                                json(Map.of("communityCode", community))));
        accepted(registrar.put("/api/city-policies/350800", json(Map.of(
                "dibaoStandard", 1000, "effectiveFrom", "2021-01-01", "lowIncomeMultiplier", 1.5))));
        String household = Codes.id("H");
        accepted(registrar.post("/api/households", json(Map.of(
                "householdId", household, "communityCode", community, "monthlyIncome", 2400, "migrant", false,
                "members", List.of(Map.of("idNumber", "350802194401120025", "name", "林秀英", "relation", "HEAD",
                                          "employment", "RETIRED"))))));
        String dispute = Codes.id("D");
        Api fuzzer = api.as(FUZZER);
        accepted(fuzzer.post("/api/disputes", json(Map.of(
                "disputeId", dispute, "communityCode", community, "compoundId", "C1", "category", "NEIGHBOUR",
                "scale", "SMALL", "source", "PARTY_APPLICATION",
                "parties", List.of(Map.of("name", "王某", "role", "APPLICANT")), "summary", "楼上漏水",
                "reportedAt", Instant.now().minus(5, ChronoUnit.DAYS).toString()))));
        accepted(fuzzer.post("/api/disputes/" + dispute + "/assignment",
                             json(Map.of("mediatorId", fuzzerMediatorId))));
        return List.of(community, community.substring(0, 6) + "00", fuzzerMediatorId, household, dispute,
                       "350802194401120025", TestUsers.ANALYST, "C1", "dispute-cases");
    }

    private static void accepted(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Byte helpers for the generators. */
    static final class Attempts {
        private Attempts() {
        }

        static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
