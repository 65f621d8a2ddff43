package org.jinlin.app.pages;

import org.jinlin.app.security.UserAdministration.NewUser;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.PageClient;
import org.jinlin.app.support.PageClient.Page;
import org.jinlin.app.support.TestUsers;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/**
 * Every input, choice and text area on every page has a label a screen reader announces: a {@code <label for>},
 * a label around it, or an {@code aria-label}/{@code aria-labelledby} with text. Each user group's pages are
 * visited as that group sees them, forms and refusals included.
 */
class PageLabelsTest extends ApiTest {

    private static final Set<String> UNLABELLED_TYPES = Set.of("hidden", "submit", "button", "reset", "image");

    @Test
    void everyFormInputOnEveryPageHasALabel() {
        String community = Codes.community("350802");
        ok(registrar().post("/api/communities", json(Map.of(
                "code", community, "name", "南城社区", "kind", "URBAN", "townshipName", "南城街道",
                "residentPopulation", 5000))));
        ok(registrar().post("/api/communities/" + community + "/compounds",
                            json(Map.of("compoundId", "C1", "name", "南苑小区"))));
        String mediatorId = Codes.id("M");
        ok(registrar().post("/api/mediators", json(Map.of("mediatorId", mediatorId, "name", "吴调解",
                                                          "employment", "FULL_TIME"))));
        ok(registrar().post("/api/mediators/" + mediatorId + "/appointments",
                            json(Map.of("communityCode", community))));
        String mediatorUser = "labels-mediator-" + mediatorId;
        userAdministration.create(new NewUser(mediatorUser, TestUsers.PASSWORD, List.of("MEDIATOR"), mediatorId, null));
        String disputeId = Codes.id("D");
        ok(api.as(mediatorUser).post("/api/disputes", json(Map.of(
                "disputeId", disputeId, "communityCode", community, "category", "NEIGHBOUR", "scale", "SMALL",
                "source", "PARTY_APPLICATION",
                "parties", List.of(Map.of("name", "甲某", "role", "APPLICANT"), Map.of("name", "乙某", "role", "RESPONDENT")),
                "summary", "噪音扰民", "reportedAt", java.time.Instant.now().toString()))));
        Api.Response assigned = api.as(TestUsers.COORDINATOR).post("/api/disputes/" + disputeId + "/assignment",
                                                                   json(Map.of("mediatorId", mediatorId)));
        ok(assigned);
        String caseAddress = "/disputes/" + disputeId + "?consistentWith=" + assigned.eventToken();

        Map<String, Page> pages = new LinkedHashMap<>();
        PageClient anonymous = new PageClient(port);
        pages.put("login", anonymous.get("/login"));

        PageClient mediator = new PageClient(port);
        mediator.login(mediatorUser);
        pages.put("workbench", mediator.get("/workbench"));
        Page reportForm = mediator.get("/disputes/new");
        pages.put("report form", reportForm);
        Page refusedReport = mediator.submit(reportForm, "#report-form", Map.of("communityCode", "12", "summary", ""));
        assertThat(refusedReport.status()).isEqualTo(400);
        pages.put("refused report form", refusedReport);
        Page mediatorCase = mediator.get(caseAddress);
        pages.put("case (mediator)", mediatorCase);
        Page refusedStep = mediator.submit(mediatorCase, "#step-form", Map.of("note", "", "durationMinutes", "0"));
        assertThat(refusedStep.status()).isEqualTo(400);
        pages.put("refused step", refusedStep);

        PageClient coordinator = new PageClient(port);
        coordinator.login(TestUsers.COORDINATOR);
        pages.put("case (coordinator)", coordinator.get(caseAddress));

        PageClient registrar = new PageClient(port);
        registrar.login(TestUsers.REGISTRAR);
        pages.put("communities", registrar.get("/registry/communities"));
        pages.put("community", registrar.get("/registry/communities/" + community));
        pages.put("mediators", registrar.get("/registry/mediators"));
        pages.put("mediator", registrar.get("/registry/mediators/" + mediatorId));
        pages.put("households", registrar.get("/registry/households"));
        pages.put("household form", registrar.get("/registry/households/new"));
        pages.put("city policies", registrar.get("/registry/city-policies"));

        PageClient analyst = new PageClient(port);
        analyst.login(TestUsers.ANALYST);
        pages.put("dashboard", analyst.get("/dashboard"));

        PageClient auditor = new PageClient(port);
        auditor.login(TestUsers.AUDITOR);
        pages.put("audit", auditor.get("/audit"));
        pages.put("audit stream", auditor.get("/audit/streams/" + disputeId));
        pages.put("verify", auditor.get("/audit/verify"));
        pages.put("access log", auditor.get("/audit/access-log"));

        List<String> unlabelled = new ArrayList<>();
        int inputs = 0;
        for (Map.Entry<String, Page> page : pages.entrySet()) {
            if (!page.getKey().startsWith("refused")) {
                assertThat(page.getValue().status()).as(page.getKey() + ": " + page.getValue()).isEqualTo(200);
            }
            Document html = page.getValue().html();
            for (Element input : html.select("input, select, textarea")) {
                if (UNLABELLED_TYPES.contains(input.attr("type").toLowerCase())) {
                    continue;
                }
                inputs++;
                if (!labelled(input, html)) {
                    unlabelled.add(page.getKey() + ": " + input.tagName() + " name=" + input.attr("name")
                                   + " id=" + input.id());
                }
            }
        }
        assertThat(inputs).as("inputs looked at").isGreaterThan(60);
        assertThat(unlabelled).isEmpty();
    }

    static boolean labelled(Element input, Document page) {
        if (!input.attr("aria-label").isBlank()) {
            return true;
        }
        for (String id : input.attr("aria-labelledby").split("\\s+")) {
            Element label = id.isBlank() ? null : page.getElementById(id);
            if (label != null && !label.text().isBlank()) {
                return true;
            }
        }
        if (!input.id().isBlank()) {
            for (Element label : page.select("label[for]")) {
                if (label.attr("for").equals(input.id()) && !label.text().isBlank()) {
                    return true;
                }
            }
        }
        Element around = input.closest("label");
        return around != null && !around.text().isBlank();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
