package org.jinlin.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.security.UserAdministration.NewUser;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.PageClient;
import org.jinlin.app.support.PageClient.Page;
import org.jinlin.app.support.TestUsers;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/**
 * The mediator's workbench over HTTP as a browser uses it: form login, CSRF tokens, the same commands as the API
 * with the same actor metadata, refusals beside the form with the input kept, and the roles of API.md.
 */
class WorkbenchPagesTest extends ApiTest {

    private String community;
    private String mediatorId;
    private String mediatorUser;

    @BeforeEach
    void aCommunityWithAnAppointedMediatorWhoIsAlsoAUser() {
        community = Codes.community("350802");
        ok(registrar().post("/api/communities", json(Map.of(
                "code", community, "name", "西城社区", "kind", "URBAN", "townshipName", "西城街道",
                "residentPopulation", 6000))));
        ok(registrar().post("/api/communities/" + community + "/compounds",
                            json(Map.of("compoundId", "C1", "name", "和谐小区"))));
        mediatorId = Codes.id("M");
        ok(registrar().post("/api/mediators", json(Map.of("mediatorId", mediatorId, "name", "林调解",
                                                          "employment", "FULL_TIME"))));
        ok(registrar().post("/api/mediators/" + mediatorId + "/appointments",
                            json(Map.of("communityCode", community))));
        mediatorUser = "page-mediator-" + mediatorId;
        userAdministration.create(new NewUser(mediatorUser, TestUsers.PASSWORD, List.of("MEDIATOR"), mediatorId, null));
    }

    @Test
    void aMediatorReportsADisputeRecordsAStepAndResolvesItThroughTheForms() {
        PageClient browser = new PageClient(port);
        Page landing = browser.login(mediatorUser);
        assertThat(landing.status()).isEqualTo(302);
        assertThat(landing.header("Location")).endsWith("/");
        assertThat(browser.follow(landing).header("Location")).endsWith("/workbench");

        String id = report(browser, Map.of());
        String assigned = assign(id);

        Page queue = browser.get("/workbench?consistentWith=" + assigned);
        assertThat(queue.html().select("#queue [data-dispute=" + id + "]")).hasSize(1);

        Page casePage = browser.get("/disputes/" + id);
        assertThat(casePage.html().selectFirst("#case-status").text()).isEqualTo("已指派");
        Page stepped = browser.submit(casePage, "#step-form", Map.of("kind", "HOME_VISIT", "note", "上门听取双方意见",
                                                                     "durationMinutes", "40", "venue", "",
                                                                     "place", "和谐小区3号楼"));
        assertThat(stepped.status()).as(stepped.body()).isEqualTo(302);
        casePage = browser.follow(stepped);
        assertThat(casePage.html().select("ol.timeline li").text()).contains("入户走访", "上门听取双方意见");
        // No venue chosen: a home visit takes place at the party's home.
        Element step = casePage.html().selectFirst("ol.timeline li:has(.step-facts)");
        assertThat(step.selectFirst(".step-duration").text()).isEqualTo("40 分钟");
        assertThat(step.selectFirst(".step-venue").text()).isEqualTo("当事人家中");
        assertThat(step.selectFirst(".step-place").text()).isEqualTo("和谐小区3号楼");
        assertThat(browser.get("/disputes/" + id + "?lang=en").html().selectFirst(".step-facts").text())
                .contains("40 min", "Party's home", "和谐小区3号楼");
        browser.get("/workbench?lang=zh-CN");
        assertThat(casePage.html().selectFirst("#case-status").text()).isEqualTo("调解中");

        Page resolved = browser.submit(casePage, "#resolve-form", Map.of("agreementSummary", "双方签订书面协议"));
        assertThat(resolved.status()).isEqualTo(302);
        casePage = browser.follow(resolved);
        assertThat(casePage.html().selectFirst("#case-status").text()).isEqualTo("调解成功");
        assertThat(casePage.html().select("#step-form, #resolve-form")).isEmpty();

        // The events say who did it and in which role, exactly as when the API is used.
        JsonNode events = api.as(TestUsers.AUDITOR).get("/api/audit/streams/" + id + "/events").body();
        assertThat(events).hasSize(4);
        for (int i : new int[] {0, 2, 3}) {
            assertThat(events.get(i).get("actor").asText()).isEqualTo(mediatorUser);
            assertThat(events.get(i).get("role").asText()).isEqualTo("MEDIATOR");
        }
        assertThat(events.get(2).get("type").asText()).isEqualTo("MediationStepRecorded");
        JsonNode recorded = api.as(mediatorUser).get("/api/disputes/" + id).body().get("steps").get(0);
        assertThat(recorded.get("durationMinutes").asInt()).isEqualTo(40);
        assertThat(recorded.get("venue").asText()).isEqualTo("PARTY_HOME");
        assertThat(recorded.get("place").asText()).isEqualTo("和谐小区3号楼");
    }

    @Test
    void aStepWithAnImpossibleDurationIsRefusedBesideTheStepFormWithEveryValueKept() {
        PageClient browser = new PageClient(port);
        browser.login(mediatorUser);
        String id = report(browser, Map.of());
        Page casePage = browser.get("/disputes/" + id + "?consistentWith=" + assign(id));
        assertThat(casePage.html().select("#step-venue option").eachAttr("value"))
                .containsExactly("", "MEDIATION_ROOM", "PARTY_HOME", "ON_SITE", "BY_PHONE", "ONLINE", "OTHER");

        Page refused = browser.submit(casePage, "#step-form", Map.of(
                "kind", "PHONE_CALL", "note", "电话联系被申请人", "durationMinutes", "2000", "venue", "ONLINE",
                "place", "微信视频"));
        assertThat(refused.status()).isEqualTo(400);
        Element form = refused.html().selectFirst("#step-form");
        assertThat(form.selectFirst(".refusal")).isNotNull();
        assertThat(form.selectFirst("#step-duration-error").text()).contains("between 1 and 1440");
        assertThat(form.selectFirst("#step-duration").attr("value")).isEqualTo("2000");
        assertThat(form.selectFirst("#step-venue option[selected]").attr("value")).isEqualTo("ONLINE");
        assertThat(form.selectFirst("#step-place").attr("value")).isEqualTo("微信视频");
        assertThat(form.selectFirst("#step-note").text()).isEqualTo("电话联系被申请人");
        assertThat(form.selectFirst("#step-kind option[selected]").attr("value")).isEqualTo("PHONE_CALL");

        // A duration that is not even a number, and no note: both are named at once, and nothing is stored.
        Page unreadable = browser.submit(casePage, "#step-form", Map.of(
                "kind", "PHONE_CALL", "note", "", "durationMinutes", "半小时", "place", "x".repeat(201)));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.html().selectFirst("#step-duration-error").text()).contains("半小时");
        assertThat(unreadable.html().selectFirst("#step-note-error")).isNotNull();
        assertThat(unreadable.html().selectFirst("#step-place-error").text()).contains("200");
        assertThat(unreadable.body()).doesNotContain("Exception", "NumberFormat");
        assertThat(storedEvents(id)).isEqualTo(2);
    }

    @Test
    void aRefusalIsShownBesideItsFormInTheDomainsWordsWithTheInputKept() {
        PageClient browser = new PageClient(port);
        browser.login(mediatorUser);
        String id = report(browser, Map.of());
        Page casePage = browser.get("/disputes/" + id + "?consistentWith=" + assign(id));
        Page refused = browser.submit(casePage, "#resolve-form", Map.of("agreementSummary", "口头和解"));
        assertThat(refused.status()).isEqualTo(409);
        Element form = refused.html().selectFirst("#resolve-form");
        assertThat(form.selectFirst(".refusal").text()).contains("不符合业务规则", "dispute " + id + " is ASSIGNED");
        assertThat(form.selectFirst("textarea[name=agreementSummary]").text()).isEqualTo("口头和解");
        assertThat(refused.html().select(".refusal")).hasSize(1);
        assertThat(refused.body()).doesNotContain("Exception", "at org.");
        assertThat(storedEvents(id)).isEqualTo(2);

        Page invalid = browser.submit(browser.get("/disputes/new"), "#report-form",
                                      Map.of("communityCode", "12345", "summary", "", "category", "LAND",
                                             "scale", "BIG", "source", "REFERRED_BY_POLICE",
                                             "parties[0].name", "陈某", "parties[0].role", "APPLICANT"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.html().selectFirst("#communityCode-error").text()).contains("12-digit");
        assertThat(invalid.html().selectFirst("#summary-error").text()).contains("required");
        assertThat(invalid.html().selectFirst("#communityCode").attr("value")).isEqualTo("12345");
        assertThat(invalid.html().selectFirst("#category option[selected]").attr("value")).isEqualTo("LAND");
        assertThat(invalid.html().selectFirst("#scale-BIG").hasAttr("checked")).isTrue();
        assertThat(invalid.html().selectFirst("#party-name-0").attr("value")).isEqualTo("陈某");
    }

    @Test
    void aFormSentTwiceIsStoredOnce() {
        PageClient browser = new PageClient(port);
        browser.login(mediatorUser);
        Page form = browser.get("/disputes/new");
        String id = form.html().selectFirst("#disputeId").attr("value");
        Map<String, String> values = reportValues(Map.of());
        assertThat(browser.submit(form, "#report-form", values).status()).isEqualTo(302);
        assertThat(browser.submit(form, "#report-form", values).status()).isEqualTo(302);
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
        PageClient browser = new PageClient(port);
        browser.login(mediatorUser);
        Page form = browser.get("/disputes/new");
        String id = form.html().selectFirst("#disputeId").attr("value");
        Map<String, String> values = new java.util.HashMap<>(reportValues(Map.of()));
        values.put("disputeId", id);
        values.put("_csrf", "not-the-token");
        Page refused = browser.post("/disputes", values);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.as(TestUsers.AUDITOR).get("/api/audit/streams/" + id + "/events").status()).isEqualTo(404);
    }

    @Test
    void pagesAreOpenToTheRolesOfTheirApiOperationsOnly() {
        PageClient anonymous = new PageClient(port);
        Page toLogin = anonymous.get("/workbench");
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.header("Location")).endsWith("/login");

        PageClient analyst = new PageClient(port);
        analyst.login(TestUsers.ANALYST);
        assertThat(analyst.get("/workbench").status()).isEqualTo(403);
        assertThat(analyst.get("/workbench").text()).contains("无权限");
        assertThat(analyst.get("/disputes/new").status()).isEqualTo(403);
        assertThat(analyst.get("/audit").status()).isEqualTo(403);

        PageClient mediator = new PageClient(port);
        mediator.login(mediatorUser);
        assertThat(mediator.get("/dashboard").status()).isEqualTo(403);
        assertThat(mediator.get("/registry/city-policies").status()).isEqualTo(403);
        Page form = mediator.get("/disputes/new");
        // Escalating is a coordinator's act (API.md): the page refuses a mediator as the API does.
        Page escalation = mediator.post("/disputes/D-1/escalation",
                                        Map.of("_csrf", form.csrf(), "toLevel", "TOWNSHIP", "reason", "复杂"));
        assertThat(escalation.status()).isEqualTo(403);
        assertThat(mediator.get("/workbench").html().select("#step-form")).isEmpty();

        PageClient admin = new PageClient(port);
        assertThat(admin.login(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).status()).isEqualTo(302);
    }

    @Test
    void aCoordinatorEscalatesAndRefersThroughTheCasePageWithRefusalsBesideTheirForm() {
        PageClient mediator = new PageClient(port);
        mediator.login(mediatorUser);
        String id = report(mediator, Map.of());
        PageClient coordinator = new PageClient(port);
        coordinator.login(TestUsers.COORDINATOR);
        Page casePage = coordinator.get("/disputes/" + id + "?consistentWith=" + assign(id));
        Element escalate = casePage.html().selectFirst("#escalate-form");
        assertThat(casePage.html().selectFirst("#escalate-heading").text()).isEqualTo("上报");
        assertThat(escalate.select("#escalate-level option").eachText()).contains("请选择", "乡镇 / 街道");
        assertThat(casePage.html().selectFirst("#refer-heading").text()).isEqualTo("移交");
        assertThat(casePage.html().select("#refer-to option").eachText()).contains("人民法院");

        // Down to the compound is not an escalation: refused beside the escalate form, the input kept.
        Page refused = coordinator.submit(casePage, "#escalate-form", Map.of("toLevel", "COMPOUND", "reason", "回小区"));
        assertThat(refused.status()).isEqualTo(409);
        Element form = refused.html().selectFirst("#escalate-form");
        assertThat(form.selectFirst(".refusal").text()).contains("不符合业务规则", "can only be escalated upward");
        assertThat(form.selectFirst("#escalate-level option[selected]").attr("value")).isEqualTo("COMPOUND");
        assertThat(form.selectFirst("#escalate-reason").text()).isEqualTo("回小区");
        assertThat(refused.html().selectFirst("#refer-form .refusal")).isNull();
        assertThat(storedEvents(id)).isEqualTo(2);

        Page referred = coordinator.submit(refused, "#refer-form", Map.of("to", "COURT", "reason", "涉及诉讼"));
        assertThat(referred.status()).as(referred.body()).isEqualTo(302);
        assertThat(storedEvents(id)).isEqualTo(3);
        Page after = coordinator.follow(referred);
        assertThat(after.html().selectFirst("#case-status").text()).isEqualTo("已移交");
        assertThat(after.html().select("#escalate-form, #refer-form")).as("a closed case offers neither").isEmpty();
    }

    @Test
    void theLanguageSwitchChangesEveryLabelAndIsRemembered() {
        PageClient browser = new PageClient(port);
        assertThat(browser.get("/login").html().selectFirst("#login-submit").text()).isEqualTo("登录");
        Page english = browser.get("/login?lang=en");
        assertThat(english.html().selectFirst("#login-submit").text()).isEqualTo("Log in");
        assertThat(english.html().selectFirst("html").attr("lang")).isEqualTo("en");
        browser.login(mediatorUser);
        Page queue = browser.get("/workbench");
        assertThat(queue.html().selectFirst("h1").text()).isEqualTo("Mediator's workbench");
        assertThat(queue.html().selectFirst("#lang-zh").attr("href")).isEqualTo("/workbench?lang=zh-CN");
        assertThat(browser.get("/workbench?lang=zh-CN").html().selectFirst("h1").text()).isEqualTo("调解工作台");
        assertThat(browser.get("/workbench").html().selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    }

    private String report(PageClient browser, Map<String, String> overrides) {
        Page form = browser.get("/disputes/new");
        assertThat(form.status()).isEqualTo(200);
        String id = form.html().selectFirst("#disputeId").attr("value");
        Page reported = browser.submit(form, "#report-form", reportValues(overrides));
        assertThat(reported.status()).as(reported.body()).isEqualTo(302);
        assertThat(browser.follow(reported).html().selectFirst(".notice").text()).contains(id);
        return id;
    }

    /** A coordinator assigns the case to the mediator through the API; the answer's event token. */
    private String assign(String id) {
        Api.Response assigned = api.as(TestUsers.COORDINATOR).post("/api/disputes/" + id + "/assignment",
                                                                   json(Map.of("mediatorId", mediatorId)));
        ok(assigned);
        return assigned.eventToken();
    }

    private Map<String, String> reportValues(Map<String, String> overrides) {
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "communityCode", community, "compoundId", "C1", "category", "NEIGHBOUR", "scale", "SMALL",
                "source", "PARTY_APPLICATION", "parties[0].name", "王某", "parties[0].role", "APPLICANT",
                "parties[1].name", "李某", "parties[1].role", "RESPONDENT", "summary", "楼上漏水，协商未果"));
        values.putAll(overrides);
        return values;
    }

    private long storedEvents(String id) {
        Api.Response events = api.as(TestUsers.AUDITOR).get("/api/audit/streams/" + id + "/events");
        return events.status() == 404 ? 0 : events.body().size();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
