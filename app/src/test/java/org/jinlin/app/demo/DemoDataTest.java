package org.jinlin.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jinlin.app.JinlinApplication;
import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.jinlin.kernel.household.HouseholdCategory;
import org.jinlin.kernel.household.MemberCategory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo profile on a small data set: demo users with passwords printed once, data generated through the real
 * commands in the background, the same read-model answers for the same seed, every hardship category, cities on
 * both sides of the 3 % target, every kind of dispute outcome, and nothing done on a second start.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataTest {

    private static final long SEED = 7;
    private static final List<String> READS = List.of(
            "/api/stats/mediator-ratios",
            "/api/stats/resolution?groupBy=city",
            "/api/stats/resolution?groupBy=compound",
            "/api/rosters/low-income/summary?groupBy=county",
            "/api/rosters/low-income?size=500");
    private static final DemoSizes SIZES = new DemoSizes(40, 30, 60, 80);

    private final String firstDir = ApiTest.newDataDirectory();
    private ConfigurableApplicationContext first;
    private String firstOutput;
    private List<JsonNode> firstAnswers;
    private List<JsonNode> secondAnswers;

    private static ConfigurableApplicationContext start(String dataDir, boolean demo) {
        List<String> arguments = new ArrayList<>(List.of(
                "--jinlin.data-dir=" + dataDir, "--server.port=0", "--jinlin.security.bcrypt-strength=4",
                "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD));
        if (demo) {
            arguments.addAll(List.of("--spring.profiles.active=demo", "--jinlin.demo.seed=" + SEED,
                                     "--jinlin.demo.communities=" + SIZES.communities(),
                                     "--jinlin.demo.mediators=" + SIZES.mediators(),
                                     "--jinlin.demo.households=" + SIZES.households(),
                                     "--jinlin.demo.disputes=" + SIZES.disputes()));
        }
        return new SpringApplicationBuilder(JinlinApplication.class).run(arguments.toArray(String[]::new));
    }

    private static DemoDataGenerator.Report awaitGenerated(ConfigurableApplicationContext context) {
        DemoDataGenerator generator = context.getBean(DemoDataGenerator.class);
        await().atMost(Duration.ofMinutes(5)).until(() -> generator.lastReport() != null);
        assertThat(generator.awaitReadModels(Duration.ofMinutes(2), System.out)).isTrue();
        return generator.lastReport();
    }

    private static Api admin(ConfigurableApplicationContext context) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new Api(port).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    private static List<JsonNode> answers(ConfigurableApplicationContext context) {
        Api admin = admin(context);
        return READS.stream().map(path -> {
            Api.Response response = admin.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            return response.body();
        }).toList();
    }

    private static long storedEvents(ConfigurableApplicationContext context) {
        var head = context.getBean(EventStore.class).createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    @BeforeAll
    void generateTwiceWithTheSameSeed(CapturedOutput output) {
        int mark = output.getOut().length();
        first = start(firstDir, true);
        DemoDataGenerator.Report report = awaitGenerated(first);
        assertThat(report.outcome()).as("%s", report.failures()).isEqualTo(DemoDataGenerator.Outcome.GENERATED);
        assertThat(report.refused()).isZero();
        firstOutput = output.getOut().substring(mark);
        firstAnswers = answers(first);
        try (ConfigurableApplicationContext second = start(ApiTest.newDataDirectory(), true)) {
            awaitGenerated(second);
            secondAnswers = answers(second);
        }
    }

    @AfterAll
    void stop() {
        if (first != null) {
            first.close();
        }
    }

    @Test
    void theSameSeedGivesTheSameReadModelAnswers() {
        assertThat(firstAnswers.get(0)).as("ratios are there at all").isNotEmpty();
        for (int i = 0; i < READS.size(); i++) {
            assertThat(secondAnswers.get(i)).as(READS.get(i)).isEqualTo(firstAnswers.get(i));
        }
    }

    @Test
    void everyHardshipCategoryAppearsInTheRoster() {
        Set<String> seen = new HashSet<>();
        for (JsonNode unit : firstAnswers.get(3)) {
            unit.path("byCategory").fields().forEachRemaining(entry -> {
                if (entry.getValue().asLong() > 0) {
                    seen.add(entry.getKey());
                }
            });
        }
        List<String> every = Stream.concat(Stream.of(HouseholdCategory.values()).map(Enum::name),
                                           Stream.of(MemberCategory.values()).map(Enum::name)).toList();
        assertThat(seen).containsAll(every);
    }

    @Test
    void someCitiesMeetTheMediatorTargetAndSomeFallShort() {
        JsonNode ratios = firstAnswers.get(0);
        assertThat(ratios).hasSize(10);
        List<Boolean> meets = new ArrayList<>();
        ratios.forEach(city -> meets.add(city.path("meetsTarget").asBoolean()));
        assertThat(meets).contains(true, false);
    }

    @Test
    void everyKindOfDisputeOutcomeAppearsInTheStatistics() {
        long resolved = 0;
        long referred = 0;
        long withdrawn = 0;
        long escalations = 0;
        long smallInCompound = 0;
        long bigInCommunity = 0;
        for (JsonNode city : firstAnswers.get(1)) {
            resolved += city.path("resolved").asLong();
            referred += city.path("referred").asLong();
            withdrawn += city.path("withdrawn").asLong();
            escalations += city.path("escalations").asLong();
            smallInCompound += city.path("smallResolvedInCompound").asLong();
            bigInCommunity += city.path("bigResolvedInCommunity").asLong();
        }
        assertThat(resolved).as("resolved").isGreaterThan(referred + withdrawn);
        assertThat(List.of(referred, withdrawn, escalations, smallInCompound, bigInCommunity))
                .as("referred, withdrawn, escalations, small resolved in the compound, big resolved in the community")
                .allMatch(count -> count > 0);

        // Each planned case as the case view shows it now; the plan names the cases, the read model their state.
        Api admin = admin(first);
        DisputePlanner planner = new DisputePlanner(DemoWorld.plan(SEED, SIZES), SEED, SIZES.disputes());
        Set<String> statuses = new HashSet<>();
        boolean reopened = false;
        for (int i = 0; i < SIZES.disputes(); i++) {
            String disputeId = ((org.jinlin.kernel.dispute.DisputeCommands.ReportDispute) planner.next().get(0)
                    .command()).disputeId();
            JsonNode dispute = admin.get("/api/disputes/" + disputeId).body();
            statuses.add(dispute.path("status").asText());
            reopened |= !dispute.path("reopenings").isEmpty();
        }
        assertThat(statuses).contains("RESOLVED", "REFERRED_OUT", "WITHDRAWN");
        assertThat(statuses).as("some cases are still open").containsAnyOf("REPORTED", "ASSIGNED", "IN_MEDIATION");
        assertThat(reopened).as("a reopened case").isTrue();
    }

    @Test
    void disputesAreRecordedOnTheirOwnDaysOf2021To2023() {
        Api admin = admin(first);
        DisputePlanner planner = new DisputePlanner(DemoWorld.plan(SEED, SIZES), SEED, SIZES.disputes());
        String disputeId = ((org.jinlin.kernel.dispute.DisputeCommands.ReportDispute) planner.next().get(0)
                .command()).disputeId();
        JsonNode events = admin.get("/api/audit/streams/" + disputeId + "/events").body();
        assertThat(events).isNotEmpty();
        for (JsonNode event : events) {
            assertThat(event.path("occurredAt").asText()).as("%s", event.path("type")).startsWith("202")
                                                          .isLessThan("2024-07");
        }
        // As the statistics stood in mid-2022: some disputes concluded by then, fewer than in the end.
        long resolvedThen = 0;
        for (JsonNode city : admin.get("/api/stats/resolution?groupBy=city&asOf=2022-07-01T00:00:00Z").body()) {
            resolvedThen += city.path("resolved").asLong();
        }
        long resolvedNow = 0;
        for (JsonNode city : firstAnswers.get(1)) {
            resolvedNow += city.path("resolved").asLong();
        }
        assertThat(resolvedThen).isPositive().isLessThan(resolvedNow);
    }

    @Test
    void demoUsersSignInWithThePasswordsPrintedOnceAndTheMediatorHasCases() {
        for (String user : List.of("registrar", "mediator", "coordinator", "analyst", "auditor")) {
            Matcher printed = Pattern.compile("\\n\\s+" + user + "\\s+[A-Z]+\\s+password: (\\S+)").matcher(firstOutput);
            assertThat(printed.find()).as("the password of %s is printed", user).isTrue();
            String password = printed.group(1);
            assertThat(printed.find()).as("and only once").isFalse();
            int port = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));
            Api as = new Api(port).as(user, password);
            String read = user.equals("mediator") ? "/api/disputes" : "/api/stats/mediator-ratios";
            if (user.equals("registrar")) {
                read = "/api/mediators/" + DemoDataGenerator.demoMediatorId(SEED, SIZES);
            }
            assertThat(as.get(read).status()).as("%s reads %s", user, read).isEqualTo(200);
        }
        Matcher mediator = Pattern.compile("password: (\\S+)\\s+\\(mediatorId (\\S+)\\)").matcher(firstOutput);
        assertThat(mediator.find()).isTrue();
        int port = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));
        JsonNode queue = new Api(port).as("mediator", mediator.group(1))
                                      .get("/api/disputes?mediatorId=" + mediator.group(2)).body();
        assertThat(queue.path("items")).as("the demo mediator's cases").isNotEmpty();
    }

    @Test
    void aSecondStartOnTheSameDataGeneratesNothingAndPrintsNoPassword(CapturedOutput output) {
        first.close();
        long before;
        int mark = output.getOut().length();
        first = start(firstDir, true);
        before = storedEvents(first);
        DemoDataGenerator generator = first.getBean(DemoDataGenerator.class);
        await().atMost(Duration.ofMinutes(1)).until(() -> generator.lastReport() != null);
        assertThat(generator.lastReport().outcome()).isEqualTo(DemoDataGenerator.Outcome.SKIPPED);
        assertThat(storedEvents(first)).isEqualTo(before);
        assertThat(answers(first)).isEqualTo(firstAnswers);
        String again = output.getOut().substring(mark);
        assertThat(again).contains("already holds events").doesNotContain("password: ");
    }

    @Test
    void withoutTheDemoProfileThereAreNoDemoUsersAndNoDemoData(CapturedOutput output) {
        int mark = output.getOut().length();
        try (ConfigurableApplicationContext plain = start(ApiTest.newDataDirectory(), false)) {
            UserAdministration users = plain.getBean(UserAdministration.class);
            for (String user : List.of("registrar", "mediator", "coordinator", "analyst", "auditor")) {
                assertThat(users.exists(user)).as(user).isFalse();
            }
            assertThat(plain.getBean(DemoDataGenerator.class).lastReport()).isNull();
            assertThat(storedEvents(plain)).isZero();
        }
        assertThat(output.getOut().substring(mark)).doesNotContain("demo users").doesNotContain("demo data")
                                                    .doesNotContain("password: ");
    }
}
