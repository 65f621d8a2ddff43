package org.jinlin.app.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser without a screen for the web pages' tests: keeps its session cookie, logs in through the login form,
 * and sends forms with the CSRF token of the page they came from. Redirects are not followed, so a test sees them.
 */
public final class PageClient {

    private final String base;
    private final HttpClient http;

    public PageClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                              .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in through the form; returns the answer to the login (a redirect to the user's page when it worked). */
    public Page login(String username, String password) {
        Page login = get("/login");
        return post("/login", Map.of("username", username, "password", password,
                                     "_csrf", login.csrf()));
    }

    public Page login(String username) {
        return login(username, TestUsers.PASSWORD);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Follows a redirect answer to its page. */
    public Page follow(Page redirect) {
        String location = redirect.header("Location");
        if (location == null) {
            throw new IllegalStateException("not a redirect: " + redirect.status());
        }
        return get(location.startsWith("http") ? URI.create(location).getRawPath()
                                                 + (URI.create(location).getRawQuery() == null ? ""
                                                    : "?" + URI.create(location).getRawQuery())
                                               : location);
    }

    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                               .header("Content-Type", "application/x-www-form-urlencoded")
                               .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends the form {@code formSelector} of {@code page} as a browser would: its hidden and prefilled fields (the
     * CSRF token, the idempotency key, the version), overridden by {@code values}.
     */
    public Page submit(Page page, String formSelector, Map<String, String> values) {
        Element form = page.html().selectFirst(formSelector);
        if (form == null) {
            throw new IllegalStateException("no form " + formSelector + " on the page:\n" + page.text());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String type = input.attr("type");
            if (("radio".equals(type) || "checkbox".equals(type)) && !input.hasAttr("checked")) {
                continue;
            }
            String value = switch (input.tagName()) {
                case "textarea" -> input.text();
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    yield selected == null ? "" : selected.attr("value");
                }
                default -> input.attr("value");
            };
            fields.put(input.attr("name"), value);
        }
        fields.putAll(values);
        return post(URI.create(form.absUrl("action").isEmpty() ? form.attr("action") : form.absUrl("action"))
                       .getRawPath(), fields);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(),
                                                      HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response, base);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }

    /** One answer: status, headers, and the HTML parsed. */
    public record Page(HttpResponse<String> raw, String base) {

        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        public Document html() {
            return Jsoup.parse(raw.body(), base + raw.uri().getRawPath());
        }

        /** The visible text of the page. */
        public String text() {
            return html().text();
        }

        public String csrf() {
            Element token = html().selectFirst("input[name=_csrf]");
            if (token == null) {
                throw new IllegalStateException("no CSRF token on the page (" + status() + "):\n" + body());
            }
            return token.attr("value");
        }

        @Override
        public String toString() {
            return status() + " " + raw.uri();
        }
    }
}
