package org.jinlin.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, checked for every operation of the API: the operations are read from the OpenAPI
 * description, so a new endpoint cannot escape; each is called with no credentials (401), with every role it
 * does not declare (403) and with every role it declares (anything but 401/403). This table is the one place that
 * says who may do what; it is written independently of the service's own rules.
 */
class RoleMatrixTest extends ApiTest {

    private static final String REGISTRAR = "REGISTRAR";
    private static final String MEDIATOR = "MEDIATOR";
    private static final String COORDINATOR = "COORDINATOR";
    private static final String AUDITOR = "AUDITOR";
    private static final String ANALYST = "ANALYST";
    private static final String ADMIN = "ADMIN";

    private static final Set<String> REGISTRY_READERS = Set.of(REGISTRAR, COORDINATOR, MEDIATOR, AUDITOR, ADMIN);
    private static final Set<String> STATS_READERS = Set.of(ANALYST, AUDITOR, ADMIN, REGISTRAR, COORDINATOR);
    private static final Set<String> CASE_READERS = Set.of(MEDIATOR, COORDINATOR, AUDITOR, ADMIN);

    /** Operation ("METHOD /path") → the roles that may call it. */
    static final Map<String, Set<String>> ALLOWED = new TreeMap<>(Map.ofEntries(
            entry("POST /api/communities", Set.of(REGISTRAR)),
            entry("POST /api/communities/{code}/compounds", Set.of(REGISTRAR)),
            entry("PUT /api/communities/{code}/population", Set.of(REGISTRAR)),
            entry("POST /api/communities/{code}/dispute-prominence", Set.of(REGISTRAR)),
            entry("GET /api/communities", REGISTRY_READERS),
            entry("GET /api/communities/{code}", REGISTRY_READERS),
            entry("POST /api/mediators", Set.of(REGISTRAR)),
            entry("POST /api/mediators/{id}/appointments", Set.of(REGISTRAR)),
            entry("POST /api/mediators/{id}/reliefs", Set.of(REGISTRAR)),
            entry("PUT /api/mediators/{id}/employment", Set.of(REGISTRAR)),
            entry("GET /api/mediators", REGISTRY_READERS),
            entry("GET /api/mediators/{id}", REGISTRY_READERS),
            entry("PUT /api/city-policies/{cityCode}", Set.of(REGISTRAR)),
            entry("POST /api/households", Set.of(REGISTRAR)),
            entry("POST /api/households/{id}/members", Set.of(REGISTRAR)),
            entry("PUT /api/households/{id}/members/{idNumber}", Set.of(REGISTRAR)),
            entry("DELETE /api/households/{id}/members/{idNumber}", Set.of(REGISTRAR)),
            entry("POST /api/households/{id}/income", Set.of(REGISTRAR)),
            entry("POST /api/households/{id}/move", Set.of(REGISTRAR)),
            entry("POST /api/households/{id}/care-partners", Set.of(REGISTRAR)),
            entry("POST /api/households/{id}/assistance", Set.of(REGISTRAR)),
            entry("POST /api/households/{id}/deregistration", Set.of(REGISTRAR)),
            entry("GET /api/households/{id}", Set.of(REGISTRAR, AUDITOR, ADMIN)),
            entry("GET /api/rosters/low-income", Set.of(ANALYST, REGISTRAR, AUDITOR, ADMIN)),
            entry("GET /api/rosters/low-income.csv", Set.of(ANALYST, REGISTRAR, AUDITOR, ADMIN)),
            entry("GET /api/rosters/low-income/summary", Set.of(ANALYST, REGISTRAR, AUDITOR, ADMIN)),
            entry("POST /api/disputes", Set.of(MEDIATOR, COORDINATOR)),
            entry("POST /api/disputes/{id}/classification", Set.of(MEDIATOR, COORDINATOR)),
            entry("POST /api/disputes/{id}/assignment", Set.of(COORDINATOR)),
            entry("POST /api/disputes/{id}/steps", Set.of(MEDIATOR)),
            entry("POST /api/disputes/{id}/escalation", Set.of(COORDINATOR)),
            entry("POST /api/disputes/{id}/resolution", Set.of(MEDIATOR)),
            entry("POST /api/disputes/{id}/referral", Set.of(COORDINATOR)),
            entry("POST /api/disputes/{id}/withdrawal", Set.of(MEDIATOR, COORDINATOR)),
            entry("POST /api/disputes/{id}/reopening", Set.of(COORDINATOR)),
            entry("POST /api/disputes/{id}/follow-ups", Set.of(MEDIATOR, COORDINATOR)),
            entry("GET /api/disputes", CASE_READERS),
            entry("GET /api/disputes/{id}", CASE_READERS),
            entry("GET /api/stats/mediator-ratios", STATS_READERS),
            entry("GET /api/stats/mediator-ratios/{cityCode}/gaps", STATS_READERS),
            entry("GET /api/stats/resolution", STATS_READERS),
            entry("GET /api/audit/streams/{aggregateId}/events", Set.of(AUDITOR, ADMIN)),
            entry("GET /api/audit/streams/{aggregateId}/state", Set.of(AUDITOR, ADMIN)),
            entry("GET /api/audit/streams/{aggregateId}/timeline.pdf", Set.of(AUDITOR, ADMIN)),
            entry("GET /api/audit/disputes/{aggregateId}/timeline.pdf", Set.of(AUDITOR, ADMIN)),
            entry("GET /api/audit/households/{aggregateId}/timeline.pdf", Set.of(AUDITOR, ADMIN)),
            entry("GET /api/audit/verify", Set.of(AUDITOR, ADMIN)),
            entry("GET /api/audit/access-log", Set.of(AUDITOR, ADMIN)),
            entry("GET /api/admin/users", Set.of(ADMIN)),
            entry("POST /api/admin/users", Set.of(ADMIN)),
            entry("DELETE /api/admin/users/{username}", Set.of(ADMIN)),
            entry("GET /api/admin/projections", Set.of(ADMIN)),
            entry("GET /api/admin/projections/{name}", Set.of(ADMIN)),
            entry("POST /api/admin/projections/{name}/replay", Set.of(ADMIN)),
            entry("GET /api/admin/dead-letters", Set.of(ADMIN)),
            entry("POST /api/admin/dead-letters/{processingGroup}/retry", Set.of(ADMIN)),
            entry("POST /api/admin/dead-letters/{processingGroup}/{aggregateId}/eviction", Set.of(ADMIN)),
            entry("POST /api/admin/backups", Set.of(ADMIN)),
            entry("POST /api/admin/erasure/households/{id}", Set.of(ADMIN)),
            entry("POST /api/admin/legal-holds/households/{id}", Set.of(ADMIN)),
            entry("DELETE /api/admin/legal-holds/households/{id}", Set.of(ADMIN))));

    /** Calls that would change shared state if allowed through are made with an id nobody uses. */
    private static final Map<String, String> PATH_VALUES = Map.of(
            "code", "350802999999", "id", "MATRIX-NOBODY", "cityCode", "350800", "aggregateId", "MATRIX-NOBODY",
            "username", "matrix-nobody", "name", "no-such-projection", "processingGroup", "no-such-group",
            "idNumber", "35080219800101001X");

    private static final Set<String> NOT_CALLED_WITH_ACCESS = Set.of(
            // Both would do real work if allowed through; their access is still checked for every other role.
            "POST /api/admin/projections/{name}/replay", "POST /api/admin/backups");

    @Test
    void everyOperationOfTheApiIsDeclaredAndGuarded() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").body().path("paths");
        List<String> operations = new ArrayList<>();
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (Iterator<String> methods = paths.path(path).fieldNames(); methods.hasNext(); ) {
                operations.add(methods.next().toUpperCase() + " " + path);
            }
        }
        assertThat(operations).as("every operation of the API has a row in this table")
                              .allSatisfy(op -> assertThat(ALLOWED).containsKey(op));

        List<String> roles = List.of(REGISTRAR, MEDIATOR, COORDINATOR, AUDITOR, ANALYST, ADMIN);
        List<String> wrong = new ArrayList<>();
        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = fill(operation.substring(operation.indexOf(' ') + 1));
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            check(wrong, operation, api.anonymous().send(method, path, body), 401);
            for (String role : roles) {
                boolean allowed = ALLOWED.get(operation).contains(role);
                if (allowed && NOT_CALLED_WITH_ACCESS.contains(operation)) {
                    continue;
                }
                Api.Response answer = as(role).send(method, path, body);
                if (allowed) {
                    if (answer.status() == 401 || answer.status() == 403 || answer.status() >= 500) {
                        wrong.add(operation + " as " + role + ": expected access, got " + answer);
                    }
                } else {
                    check(wrong, operation + " as " + role, answer, 403);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private Api as(String role) {
        return switch (role) {
            case REGISTRAR -> api.as(TestUsers.REGISTRAR);
            case MEDIATOR -> api.as(TestUsers.MEDIATOR);
            case COORDINATOR -> api.as(TestUsers.COORDINATOR);
            case AUDITOR -> api.as(TestUsers.AUDITOR);
            case ANALYST -> api.as(TestUsers.ANALYST);
            case ADMIN -> admin();
            default -> throw new IllegalArgumentException(role);
        };
    }

    private static void check(List<String> wrong, String what, Api.Response answer, int expected) {
        if (answer.status() != expected) {
            wrong.add(what + ": expected " + expected + ", got " + answer);
        }
    }

    private static String fill(String template) {
        String path = template;
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        assertThat(path).as("every path variable has a value").doesNotContain("{");
        return path;
    }
}
