package org.jinlin.app.pages;

import org.jinlin.app.security.UserAdministration.NewUser;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jinlin.app.support.Api.json;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pages in a real browser: Debian's headless Chromium driven through its own chromedriver (never one that
 * Selenium would download). A mediator reports a dispute, records a step and resolves it on a phone-sized screen;
 * an analyst reads the ratio chart and its table and switches the language; an auditor reads a case's timeline and
 * verifies it; the login works with the keyboard alone. The tests save the screenshots of docs/web-pages.md in
 * {@code docs/screenshots/}. Without Chromium on the machine they are skipped, saying what to install.
 */
class BrowserTest extends ApiTest {

    static final Path CHROMIUM = Path.of(System.getProperty("jinlin.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("jinlin.chromedriver", "/usr/bin/chromedriver"));
    /** A phone's screen in CSS pixels (a 6.1" phone); Chromium's window cannot be that narrow, so it is emulated. */
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    static final int DESKTOP_WIDTH = 1280;
    static final int DESKTOP_HEIGHT = 900;
    /** Cities no other test registers communities in, so that their ratios are known exactly. */
    static final String PUTIAN = "350300";
    static final String ZHANGZHOU = "350600";
    /** Where the mediator's and the auditor's cases are: Quanzhou, so that they do not count in those ratios. */
    static final String QUANZHOU_COUNTY = "350502";

    private static ChromeDriver browser;
    private static Path profile;

    static final String MISSING = "Browser tests skipped: no Chromium at " + CHROMIUM + " or no chromedriver at "
                                  + CHROMEDRIVER + ". Install them with: apt-get install -y chromium chromium-driver"
                                  + " (Debian/Ubuntu; elsewhere give -Djinlin.chromium=... -Djinlin.chromedriver=...)";

    @BeforeAll
    static void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            // Said on the console as well: a skipped class is easy to miss in a long build.
            System.err.println("WARNING: " + MISSING);
            return;
        }
        // The system's chromedriver, named outright: Selenium Manager is never asked to find or download one, and
        // should anything still call it, it stays offline (Selenium passes SE_* properties on to it).
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("jinlin-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root. The networking switches keep Chromium from waiting for services it cannot
        // reach on a closed network.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                             "--disable-quic", "--no-first-run", "--disable-background-networking",
                             "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                             "--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT,
                             "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void onAPhone() {
        assumeTrue(browser != null, MISSING);
        phone();
    }

    @AfterEach
    void logOut() {
        if (browser != null) {
            browser.manage().deleteAllCookies();
        }
    }

    @Test
    void aMediatorReportsADisputeRecordsAStepAndResolvesItOnAPhone() {
        String community = QUANZHOU_COUNTY + "001001";
        ensureCommunity(community, "海滨社区", 9000);
        String mediatorId = "M-BROWSER-1";
        ensureMediator(mediatorId, "陈调解", "FULL_TIME", community);
        String user = ensureMediatorUser("browser-mediator", mediatorId);

        logIn(user);
        assertThat(browser.getCurrentUrl()).endsWith("/workbench");
        assertThat(script("return window.innerWidth;")).isEqualTo((long) PHONE_WIDTH);
        browser.findElement(By.id("report-link")).click();
        String id = waitFor(By.id("disputeId")).getDomProperty("value");
        assertNoHorizontalOverflow();
        type("communityCode", community.substring(0, 11));
        new Select(browser.findElement(By.id("category"))).selectByValue("NEIGHBOUR");
        browser.findElement(By.id("scale-SMALL")).click();
        new Select(browser.findElement(By.id("source"))).selectByValue("PARTY_APPLICATION");
        type("party-name-0", "王某");
        type("party-name-1", "李某");
        type("summary", "楼上卫生间漏水，双方协商未果");
        browser.findElement(By.id("report-submit")).click();
        // An 11-digit code: refused beside the field, which is marked, described by the message and focused;
        // everything typed is still there.
        assertThat(waitFor(By.id("communityCode-error")).getText()).contains("12-digit");
        WebElement code = browser.findElement(By.id("communityCode"));
        assertThat(code.getDomProperty("value")).isEqualTo(community.substring(0, 11));
        assertThat(code.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(code.getDomAttribute("aria-describedby")).contains("communityCode-error");
        assertThat(focused().getDomAttribute("id")).isEqualTo("communityCode");
        assertThat(browser.findElement(By.id("summary")).getDomProperty("value")).isEqualTo("楼上卫生间漏水，双方协商未果");
        assertThat(browser.findElement(By.id("party-name-1")).getDomProperty("value")).isEqualTo("李某");
        assertNoHorizontalOverflow();
        type("communityCode", community);
        browser.findElement(By.id("report-submit")).click();
        assertThat(waitFor(By.cssSelector(".notice")).getText()).contains(id);

        // A coordinator assigns the case (through the API, as their own page would).
        Api.Response assigned = api.as(TestUsers.COORDINATOR).post("/api/disputes/" + id + "/assignment",
                                                                   json(Map.of("mediatorId", mediatorId)));
        assertThat(assigned.status()).isEqualTo(200);
        browser.get(url("/workbench?consistentWith=" + assigned.eventToken()));
        WebElement queued = waitFor(By.cssSelector("#queue [data-dispute='" + id + "'] a"));
        assertNoHorizontalOverflow();
        screenshot("workbench.png");
        queued.click();

        // Resolving before any step is refused by the domain: the refusal stands beside the form, the text stays.
        waitFor(By.id("resolve-form"));
        type("resolve-agreement", "楼上住户负责维修");
        browser.findElement(By.id("resolve-submit")).click();
        WebElement refusal = waitFor(By.cssSelector("#resolve-form .refusal"));
        assertThat(refusal.getText()).contains("不符合业务规则", "ASSIGNED");
        assertThat(browser.findElement(By.id("resolve-agreement")).getDomProperty("value")).isEqualTo("楼上住户负责维修");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("已指派");

        new Select(browser.findElement(By.id("step-kind"))).selectByValue("JOINT_SESSION");
        type("step-note", "组织双方到调解室面谈，查看漏水照片");
        type("step-duration", "45");
        new Select(browser.findElement(By.id("step-venue"))).selectByValue("MEDIATION_ROOM");
        type("step-place", "海滨社区调解室");
        browser.findElement(By.id("step-submit")).click();
        assertThat(waitFor(By.id("case-status")).getText()).isEqualTo("调解中");
        assertThat(browser.findElement(By.id("timeline")).getText())
                .contains("面对面调解", "组织双方到调解室面谈", "45 分钟", "调解室", "海滨社区调解室");
        assertNoHorizontalOverflow();
        assertThat(lowContrastTexts()).isEmpty();

        type("resolve-agreement", "楼上住户负责维修，赔偿楼下 800 元");
        browser.findElement(By.id("resolve-submit")).click();
        waitFor(By.id("case-status"));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("调解成功");
        assertThat(browser.findElements(By.id("step-form"))).isEmpty();
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("赔偿楼下 800 元");
        screenshot("case.png");
    }

    @Test
    void anAnalystSeesTheRatioChartAndTableAgainstTheTargetAndSwitchesToEnglish() {
        // Putian: 1 of 34 communities has a full-time mediator (2.9 %, below 3 %); Zhangzhou: 1 of 20 (5.0 %).
        registerCity(PUTIAN, "350302", 34);
        registerCity(ZHANGZHOU, "350602", 20);

        desktop();
        logIn(TestUsers.ANALYST);
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");
        WebElement chart = waitFor(By.cssSelector("#ratio-chart[data-drawn='true']"));

        WebElement putian = browser.findElement(By.cssSelector("#ratio-table tr[data-city='" + PUTIAN + "']"));
        assertThat(cells(putian)).containsExactly("莆田市", "34", "1", "2.9%", "低于目标");
        assertThat(putian.getDomAttribute("class")).contains("below-target");
        WebElement zhangzhou = browser.findElement(By.cssSelector("#ratio-table tr[data-city='" + ZHANGZHOU + "']"));
        assertThat(cells(zhangzhou)).containsExactly("漳州市", "20", "1", "5.0%", "达标");

        // The chart draws the same figures: the bars' values and colours, the target line, the labels on screen.
        assertThat(bar(chart, "莆田市")).containsEntry("color", "#a4161a");
        assertThat((Double) bar(chart, "莆田市").get("value")).isCloseTo(1 / 34.0, within(1e-9));
        assertThat(bar(chart, "漳州市")).containsEntry("color", "#0b5cad");
        assertThat((Double) bar(chart, "漳州市").get("value")).isCloseTo(0.05, within(1e-9));
        assertThat(((Number) script("return echarts.getInstanceByDom(arguments[0]).getOption()"
                                    + ".series[0].markLine.data[0].yAxis;", chart)).doubleValue()).isEqualTo(0.03);
        assertThat(chart.findElements(By.cssSelector("svg text")).stream().map(WebElement::getText).toList())
                .contains("莆田市", "漳州市", "2.9%", "5.0%");
        assertThat(browser.findElement(By.cssSelector(".hint")).getText()).containsPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(lowContrastTexts()).isEmpty();
        screenshot("dashboard.png");

        browser.findElement(By.id("lang-en")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        putian = browser.findElement(By.cssSelector("#ratio-table tr[data-city='" + PUTIAN + "']"));
        assertThat(cells(putian)).containsExactly("Putian", "34", "1", "2.9%", "Below target");
        chart = waitFor(By.cssSelector("#ratio-chart[data-drawn='true']"));
        assertThat(bar(chart, "Putian")).containsEntry("color", "#a4161a");
        browser.findElement(By.id("lang-zh")).click();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("统计分析");
    }

    @Test
    void anAuditorReadsACaseAsAStoryAndVerifiesItsChain() {
        String community = QUANZHOU_COUNTY + "001002";
        ensureCommunity(community, "开元社区", 7000);
        String mediatorId = "M-BROWSER-2";
        ensureMediator(mediatorId, "黄调解", "FULL_TIME", community);
        String id = "D-BROWSER-" + System.nanoTime();
        Api mediator = api.as(ensureMediatorUser("browser-mediator-2", mediatorId));
        Instant reported = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        ok(mediator.post("/api/disputes", json(Map.of(
                "disputeId", id, "communityCode", community, "category", "PROPERTY_MANAGEMENT", "scale", "BIG",
                "source", "COMMITTEE_INITIATIVE",
                "parties", List.of(Map.of("name", "赵某", "role", "APPLICANT"), Map.of("name", "某物业公司", "role", "RESPONDENT")),
                "summary", "物业费争议", "reportedAt", reported.toString()))));
        ok(api.as(TestUsers.COORDINATOR).post("/api/disputes/" + id + "/assignment", json(Map.of("mediatorId", mediatorId))));
        ok(mediator.post("/api/disputes/" + id + "/steps", json(Map.of(
                "kind", "JOINT_SESSION", "note", "组织业主与物业面对面协商", "occurredAt", reported.plus(1, ChronoUnit.DAYS).toString(),
                "durationMinutes", 90, "venue", "MEDIATION_ROOM", "place", "开元社区调解室"))));

        desktop();
        logIn(TestUsers.AUDITOR);
        browser.get(url("/audit/streams/" + id));
        List<WebElement> events = browser.findElements(By.cssSelector("#events > li"));
        assertThat(events).hasSize(3);
        assertThat(events.get(0).getText()).contains("受理纠纷", "browser-mediator-2 · MEDIATOR");
        assertThat(events.get(1).getText()).contains("指派调解员", "coordinator · COORDINATOR");
        assertThat(events.get(2).getText()).contains("记录调解步骤", "browser-mediator-2 · MEDIATOR");
        assertThat(browser.findElement(By.id("state")).getText()).contains("IN_MEDIATION");
        // The step as it was recorded, with its duration, venue and place.
        events.get(2).findElement(By.tagName("summary")).click();
        assertThat(events.get(2).findElement(By.cssSelector("pre")).getText())
                .contains("\"durationMinutes\":90", "\"venue\":\"MEDIATION_ROOM\"", "开元社区调解室");

        browser.findElement(By.id("verify-stream")).click();
        assertThat(waitFor(By.cssSelector("#verify-result .ok")).getText()).contains("哈希链完好", "3 个事件");
        screenshot("timeline.png");
    }

    @Test
    void aMediatorLogsInAndReachesTheWorkbenchWithTheKeyboardAlone() {
        browser.get(url("/login"));
        waitFor(By.id("username"));
        // The cursor starts in the user name; Tab goes to the password, Enter logs in.
        assertThat(focused().getDomAttribute("id")).isEqualTo("username");
        Actions keys = new Actions(browser);
        keys.sendKeys(TestUsers.MEDIATOR).sendKeys(Keys.TAB).perform();
        assertThat(focused().getDomAttribute("id")).isEqualTo("password");
        keys.sendKeys(TestUsers.PASSWORD).sendKeys(Keys.ENTER).perform();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("调解工作台");

        // The first Tab offers to skip the navigation; Enter on it lands in the page's content, the next Tab on
        // its first action, drawn with a visible focus ring.
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getText()).isEqualTo("跳到正文");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(focused().getDomAttribute("id")).isEqualTo("main");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getDomAttribute("id")).isEqualTo("report-link");
        assertThat(focused().getCssValue("outline-style")).isEqualTo("solid");
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("受理矛盾纠纷");
    }

    // ---- set-up through the API ----

    private void registerCity(String city, String county, int communities) {
        for (int i = 1; i <= communities; i++) {
            ensureCommunity(county + "001" + String.format("%03d", i), "社区" + i, 3000);
        }
        ensureMediator("M-" + city, "专职调解员", "FULL_TIME", county + "001001");
    }

    private void ensureCommunity(String code, String name, int population) {
        Api.Response created = registrar().post("/api/communities", json(Map.of(
                "code", code, "name", name, "kind", "URBAN", "townshipName", "街道", "residentPopulation", population)));
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
    }

    private void ensureMediator(String mediatorId, String name, String employment, String community) {
        Api.Response created = registrar().post("/api/mediators", json(Map.of(
                "mediatorId", mediatorId, "name", name, "employment", employment)));
        assertThat(created.status()).as(created.toString()).isIn(201, 409);
        if (created.status() == 201) {
            ok(registrar().post("/api/mediators/" + mediatorId + "/appointments",
                                json(Map.of("communityCode", community))));
        }
    }

    private String ensureMediatorUser(String username, String mediatorId) {
        if (!userAdministration.exists(username)) {
            userAdministration.create(new NewUser(username, TestUsers.PASSWORD, List.of("MEDIATOR"), mediatorId, null));
        }
        return username;
    }

    // ---- the browser ----

    private static void phone() {
        viewport(PHONE_WIDTH, PHONE_HEIGHT, true);
    }

    private static void desktop() {
        viewport(DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
    }

    private static void viewport(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private void logIn(String username) {
        browser.get(url("/login"));
        type("username", username);
        type("password", TestUsers.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        waitFor(By.tagName("h1"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private static WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private static Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList();
    }

    /** The bar the chart draws for a city (by its label on the axis): its value and colour. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> bar(WebElement chart, String city) {
        return (Map<String, Object>) script(
                "var option = echarts.getInstanceByDom(arguments[0]).getOption();"
                + "var i = option.xAxis[0].data.indexOf(arguments[1]);"
                + "if (i < 0) { return {missing: option.xAxis[0].data.join(',')}; }"
                + "var bar = option.series[0].data[i];"
                + "return {value: bar.value, color: bar.itemStyle.color};", chart, city);
    }

    /**
     * Nothing on the page is wider than the phone's screen: no sideways scrolling. (A phone widens its viewport to
     * content wider than the screen, so the page's width is compared with the screen's, not the viewport's.)
     */
    private static void assertNoHorizontalOverflow() {
        long pageWidth = (Long) script("return Math.max(document.documentElement.scrollWidth,"
                                       + " document.body.scrollWidth);");
        assertThat(pageWidth).as("width of " + browser.getCurrentUrl() + " on a " + PHONE_WIDTH + " px screen")
                             .isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /**
     * The visible texts whose colour has less than the WCAG AA contrast against the background they are drawn on
     * (4.5:1, or 3:1 for large text), each as "text (ratio)".
     */
    @SuppressWarnings("unchecked")
    private static List<String> lowContrastTexts() {
        return (List<String>) script("""
                function rgb(text) {
                  var p = text.match(/[\\d.]+/g).map(Number);
                  return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
                }
                function luminance(c) {
                  var l = [c.r, c.g, c.b].map(function (v) {
                    v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
                }
                function background(element) {
                  for (var e = element; e; e = e.parentElement) {
                    var c = rgb(getComputedStyle(e).backgroundColor);
                    if (c.a > 0) { return c; }
                  }
                  return {r: 255, g: 255, b: 255, a: 1};
                }
                var low = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  if (e.closest('svg, option, script, style') || e.getClientRects().length === 0) { return; }
                  var own = Array.prototype.some.call(e.childNodes, function (n) {
                    return n.nodeType === 3 && n.textContent.trim().length > 0; });
                  var style = getComputedStyle(e);
                  if (!own || style.visibility === 'hidden') { return; }
                  var a = luminance(rgb(style.color)), b = luminance(background(e));
                  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                  var size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
                  var needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
                  if (ratio < needed) { low.push(e.textContent.trim().slice(0, 40) + ' (' + ratio.toFixed(2) + ')'); }
                });
                return low;
                """);
    }

    /** The whole page, as tall as it is, into docs/screenshots/ (where docs/web-pages.md shows it). */
    private static void screenshot(String name) {
        long width = (Long) script("return window.innerWidth;");
        long height = (Long) script("return window.innerHeight;");
        long full = Math.min((Long) script("return document.documentElement.scrollHeight;"), 4000);
        boolean mobile = width == PHONE_WIDTH;
        viewport((int) width, (int) full, mobile);
        try {
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Path folder = docs().resolve("screenshots");
            Files.createDirectories(folder);
            Files.copy(shot, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        } finally {
            viewport((int) width, (int) height, mobile);
        }
    }

    /** The repository's docs/ folder: the tests run in app/. */
    private static Path docs() {
        Path here = Path.of("").toAbsolutePath();
        return (here.getFileName().toString().equals("app") ? here.getParent() : here).resolve("docs");
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
