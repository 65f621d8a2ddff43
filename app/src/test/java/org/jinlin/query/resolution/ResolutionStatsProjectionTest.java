package org.jinlin.query.resolution;

import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.CompoundAdded;
import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.DisputeEscalated;
import org.jinlin.kernel.dispute.DisputeReclassified;
import org.jinlin.kernel.dispute.DisputeReferredOut;
import org.jinlin.kernel.dispute.DisputeReopened;
import org.jinlin.kernel.dispute.DisputeReported;
import org.jinlin.kernel.dispute.DisputeResolved;
import org.jinlin.kernel.dispute.DisputeWithdrawn;
import org.jinlin.kernel.dispute.FollowUpRecorded;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.MediationStepRecorded;
import org.jinlin.kernel.dispute.MediatorAssigned;
import org.jinlin.kernel.dispute.Party;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.jinlin.kernel.resolution.ResolutionQueries.FindResolutionStats;
import org.jinlin.kernel.resolution.ResolutionQueries.ResolutionStats;
import org.jinlin.query.ProjectionHarness;
import org.jinlin.query.readmodel.Generations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Feeds dispute events to the resolution statistics on the real schema and checks the numbers a policy analyst
 * reads: where disputes were settled, in which month, how long they took, and that a reopened, reclassified or
 * escalated dispute is counted once, where and as it finally ended.
 */
@JdbcTest
class ResolutionStatsProjectionTest {

    private static final String EAST = "350802001001";
    private static final String WEST = "350802001002";
    private static final String ZHANGPING = "350881001003";
    private static final String FUZHOU = "350102001004";
    /** 2024-03-01 00:00 in China: the start of March there. */
    private static final Instant MARCH = Instant.parse("2024-02-29T16:00:00Z");
    private static final Instant APRIL = Instant.parse("2024-03-31T16:00:00Z");
    private static final Instant MAY = Instant.parse("2024-04-30T16:00:00Z");
    private static final long DAY = 86_400;

    @Autowired
    JdbcTemplate jdbc;

    private ResolutionStatsProjection projection;
    private ProjectionHarness harness;

    @BeforeEach
    void setUp() {
        projection = new ResolutionStatsProjection(jdbc, new Generations(jdbc));
        harness = new ProjectionHarness(projection, MARCH.minusSeconds(30 * DAY));
        given(new CommunityRegistered(EAST, "东城社区", CommunityKind.URBAN, "东城街道", 8000),
              new CompoundAdded(EAST, "C1", "幸福小区"),
              new CompoundAdded(EAST, "C2", "和谐小区"),
              new CommunityRegistered(WEST, "西城社区", CommunityKind.URBAN, "西城街道", 5000),
              new CommunityRegistered(ZHANGPING, "桂林村", CommunityKind.RURAL, "桂林街道", 2000),
              new CompoundAdded(ZHANGPING, "G1", "第一村民小组"),
              new CommunityRegistered(FUZHOU, "鼓楼社区", CommunityKind.URBAN, "鼓东街道", 9000));
    }

    private void given(Object... events) {
        harness.given(events);
    }

    private static DisputeReported reported(String id, String community, String compound, Scale scale, Source source,
                                            Instant reportedAt) {
        return new DisputeReported(id, community, compound, Level.startingLevel(compound), Category.NEIGHBOUR, scale,
                                   source, List.of(new Party("王某", PartyRole.APPLICANT)), "漏水", reportedAt);
    }

    private static DisputeReported reported(String id, String compound, Scale scale, Instant reportedAt) {
        return reported(id, EAST, compound, scale, Source.PARTY_APPLICATION, reportedAt);
    }

    /** Assignment, a step and the resolution at {@code level}, {@code days} after {@code reportedAt}. */
    private static Object[] mediatedAndResolved(String id, Level level, Instant reportedAt, long days) {
        return new Object[]{new MediatorAssigned(id, "M1", level),
                            new MediationStepRecorded(id, StepKind.HOME_VISIT, "走访", reportedAt, "M1", level,
                                                      null, Venue.NOT_RECORDED, null),
                            new DisputeResolved(id, level, "M1", "达成协议", reportedAt.plusSeconds(days * DAY))};
    }

    private List<ResolutionStats> stats(String groupBy, String from, String to) {
        return stats(groupBy, from, to, null, null);
    }

    private List<ResolutionStats> stats(String groupBy, String from, String to, String cityCode, Instant asOf) {
        return projection.handle(FindResolutionStats.of(groupBy, from, to, cityCode, asOf));
    }

    private Optional<ResolutionStats> row(String groupBy, String unit, String from, String to) {
        return stats(groupBy, from, to).stream().filter(s -> s.unit().equals(unit)).findFirst();
    }

    private ResolutionStats community(String unit) {
        return row("community", unit, null, null).orElseThrow(() -> new AssertionError("no row for " + unit));
    }

    @Test
    void aSmallDisputeResolvedInItsCompoundCountsTowardTheRateInEveryUnitItBelongsTo() {
        Instant reportedAt = MARCH.plusSeconds(2 * DAY);
        given(reported("D1", "C1", Scale.SMALL, reportedAt));
        given(mediatedAndResolved("D1", Level.COMPOUND, reportedAt, 3));

        for (String[] unit : new String[][]{{"compound", EAST + "/C1", "东城社区幸福小区"},
                                            {"community", EAST, "东城社区"}, {"county", "350802", "新罗区"},
                                            {"city", "350800", "龙岩市"}}) {
            ResolutionStats stats = row(unit[0], unit[1], null, null).orElseThrow();
            assertThat(stats.unitName()).isEqualTo(unit[2]);
            assertThat(stats.smallConcluded()).as(unit[0]).isEqualTo(1);
            assertThat(stats.smallResolvedInCompound()).isEqualTo(1);
            assertThat(stats.smallInCompoundRate()).isEqualTo(1.0);
            assertThat(stats.bigConcluded()).isZero();
            assertThat(stats.bigInCommunityRate()).as("nothing big concluded: no rate").isNull();
            assertThat(stats.resolved()).isEqualTo(1);
            assertThat(stats.medianDaysToResolve()).isEqualTo(3.0);
        }
        assertThat(stats("compound", null, null)).extracting(ResolutionStats::unit).containsExactly(EAST + "/C1");
    }

    @Test
    void aCitysCommunitiesAndCompoundsAreNamedAsRegisteredPingtanApartFromFuzhou() {
        String pingtan = "350128001001";
        given(new CommunityRegistered(pingtan, "海坛社区", CommunityKind.URBAN, "潭城镇", 3000),
              new CompoundAdded(pingtan, "H1", "海景小区"));
        Instant reportedAt = MARCH.plusSeconds(DAY);
        given(reported("E", EAST, "C1", Scale.SMALL, Source.PARTY_APPLICATION, reportedAt),
              reported("Z", ZHANGPING, "G1", Scale.SMALL, Source.PARTY_APPLICATION, reportedAt),
              reported("F", FUZHOU, null, Scale.SMALL, Source.PARTY_APPLICATION, reportedAt),
              reported("P", pingtan, "H1", Scale.SMALL, Source.PARTY_APPLICATION, reportedAt));
        for (String id : List.of("E", "Z", "F", "P")) {
            given(mediatedAndResolved(id, Level.COMMUNITY, reportedAt, 2));
        }
        for (Instant asOf : Arrays.asList(null, harness.now().minusMillis(1))) {
            assertThat(stats("community", null, null, "350800", asOf))
                    .extracting(ResolutionStats::unit, ResolutionStats::unitName)
                    .containsExactly(tuple(EAST, "东城社区"), tuple(ZHANGPING, "桂林村"));
            assertThat(stats("compound", null, null, "350800", asOf))
                    .extracting(ResolutionStats::unit, ResolutionStats::unitName)
                    .containsExactly(tuple(EAST + "/C1", "东城社区幸福小区"), tuple(ZHANGPING + "/G1", "桂林村第一村民小组"));
            assertThat(stats("community", null, null, "350100", asOf))
                    .extracting(ResolutionStats::unit, ResolutionStats::unitName)
                    .containsExactly(tuple(FUZHOU, "鼓楼社区"));
            assertThat(stats("community", null, null, "350128", asOf))
                    .extracting(ResolutionStats::unit, ResolutionStats::unitName)
                    .containsExactly(tuple(pingtan, "海坛社区"));
            assertThat(stats("compound", null, null, "350128", asOf))
                    .extracting(ResolutionStats::unit, ResolutionStats::unitName)
                    .containsExactly(tuple(pingtan + "/H1", "海坛社区海景小区"));
            assertThat(stats("community", null, null, null, asOf))
                    .extracting(ResolutionStats::unitName).containsExactly("鼓楼社区", "海坛社区", "东城社区", "桂林村");
        }
    }

    @Test
    void anOpenDisputeCountsNowhere() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        given(reported("D1", "C1", Scale.SMALL, reportedAt), new MediatorAssigned("D1", "M1", Level.COMPOUND),
              new MediationStepRecorded("D1", StepKind.INTAKE, "登记", reportedAt, "M1", Level.COMPOUND,
                                        null, Venue.NOT_RECORDED, null),
              new DisputeEscalated("D1", Level.COMPOUND, Level.COMMUNITY, "跨小区", "M1"));

        assertThat(stats("city", null, null)).isEmpty();
    }

    @Test
    void aSmallDisputeEscalatedAndResolvedInTheCommunityIsConcludedButNotKeptInTheCompound() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        given(reported("D1", "C1", Scale.SMALL, reportedAt),
              new DisputeEscalated("D1", Level.COMPOUND, Level.COMMUNITY, "小区调解不成", null));
        given(mediatedAndResolved("D1", Level.COMMUNITY, reportedAt, 4));

        ResolutionStats compound = row("compound", EAST + "/C1", null, null).orElseThrow();
        assertThat(compound.smallConcluded()).isEqualTo(1);
        assertThat(compound.smallResolvedInCompound()).isZero();
        assertThat(compound.smallInCompoundRate()).isEqualTo(0.0);
        assertThat(compound.escalations()).isEqualTo(1);
        assertThat(compound.resolved()).isEqualTo(1);
    }

    @Test
    void aBigDisputeEscalatedToTheTownshipCountsAtTheLevelWhereItWasResolved() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        given(reported("BIG-IN", "C1", Scale.BIG, reportedAt),
              new DisputeEscalated("BIG-IN", Level.COMPOUND, Level.COMMUNITY, "大事", null));
        given(mediatedAndResolved("BIG-IN", Level.COMMUNITY, reportedAt, 6));
        given(reported("BIG-OUT", "C2", Scale.BIG, reportedAt),
              new DisputeEscalated("BIG-OUT", Level.COMPOUND, Level.COMMUNITY, "大事", null),
              new DisputeEscalated("BIG-OUT", Level.COMMUNITY, Level.TOWNSHIP, "涉及多方", null));
        given(mediatedAndResolved("BIG-OUT", Level.TOWNSHIP, reportedAt, 20));
        given(reported("BIG-HOME", null, Scale.BIG, reportedAt));
        given(mediatedAndResolved("BIG-HOME", Level.COMMUNITY, reportedAt, 2));

        ResolutionStats east = community(EAST);
        assertThat(east.bigConcluded()).isEqualTo(3);
        assertThat(east.bigResolvedInCommunity()).as("community level, twice; township level is outside").isEqualTo(2);
        assertThat(east.bigInCommunityRate()).isEqualTo(2.0 / 3);
        assertThat(east.escalations()).as("1 + 2 + 0").isEqualTo(3);
        assertThat(east.smallConcluded()).isZero();
        assertThat(east.smallInCompoundRate()).isNull();
        assertThat(row("compound", EAST + "/C2", null, null).orElseThrow().bigResolvedInCommunity()).isZero();
        assertThat(stats("compound", null, null)).as("a dispute reported without a compound counts in none")
                                                 .extracting(ResolutionStats::unit)
                                                 .containsExactly(EAST + "/C1", EAST + "/C2");
    }

    @Test
    void aReferralIsConcludedInTheMonthOfItsEventAndNeverResolvedAnywhere() {
        given(reported("D1", "C1", Scale.SMALL, MARCH.plusSeconds(DAY)));
        harness.at(APRIL.plusSeconds(DAY));
        given(new DisputeReferredOut("D1", Level.COMPOUND, ReferralTarget.COURT, "起诉"));

        assertThat(row("community", EAST, "2024-03", "2024-03")).isEmpty();
        ResolutionStats april = row("community", EAST, "2024-04", "2024-04").orElseThrow();
        assertThat(april.referred()).isEqualTo(1);
        assertThat(april.smallConcluded()).isEqualTo(1);
        assertThat(april.smallResolvedInCompound()).isZero();
        assertThat(april.smallInCompoundRate()).isEqualTo(0.0);
        assertThat(april.resolved()).isZero();
        assertThat(april.medianDaysToResolve()).isNull();
    }

    @Test
    void aWithdrawalCountsInTheMonthOfItsEventAndStaysOutOfTheRates() {
        given(reported("D1", "C1", Scale.SMALL, MARCH.plusSeconds(DAY)));
        harness.at(MAY.plusSeconds(3 * DAY));
        given(new DisputeWithdrawn("D1", Level.COMPOUND, "双方自行和解"));

        ResolutionStats may = row("community", EAST, "2024-05", "2024-05").orElseThrow();
        assertThat(may.withdrawn()).isEqualTo(1);
        assertThat(may.smallConcluded()).isZero();
        assertThat(may.smallInCompoundRate()).isNull();
        assertThat(may.bySource().get(Source.PARTY_APPLICATION)).isEqualTo(1);
        assertThat(row("community", EAST, "2024-03", "2024-04")).isEmpty();
    }

    @Test
    void aReopenedDisputeLeavesTheCountsAndCountsOnceAtItsNewOutcome() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        given(reported("D1", "C1", Scale.SMALL, reportedAt));
        given(mediatedAndResolved("D1", Level.COMPOUND, reportedAt, 5));
        Instant resolvedOnce = harness.now().minusMillis(1);
        assertThat(community(EAST).resolved()).isEqualTo(1);
        assertThat(row("community", EAST, "2024-03", "2024-03").orElseThrow().medianDaysToResolve()).isEqualTo(5.0);

        given(new FollowUpRecorded("D1", "未履行", false, reportedAt.plusSeconds(6 * DAY), "M1"),
              new DisputeReopened("D1", Level.COMPOUND, "M1", "协议未履行"));
        Instant reopened = harness.now().minusMillis(1);
        assertThat(stats("city", null, null)).as("out of the counts while reopened").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from res_days where valid_to is null", Integer.class)).isZero();

        given(new DisputeEscalated("D1", Level.COMPOUND, Level.COMMUNITY, "协议未履行，升级", "M1"));
        given(mediatedAndResolved("D1", Level.COMMUNITY, reportedAt, 40));

        assertThat(row("community", EAST, "2024-03", "2024-03")).as("its first resolution no longer counts").isEmpty();
        ResolutionStats april = row("community", EAST, "2024-04", "2024-04").orElseThrow();
        assertThat(april.resolved()).isEqualTo(1);
        assertThat(april.smallConcluded()).isEqualTo(1);
        assertThat(april.smallResolvedInCompound()).as("resolved in the community the second time").isZero();
        assertThat(april.escalations()).isEqualTo(1);
        assertThat(april.medianDaysToResolve()).isEqualTo(40.0);
        assertThat(april.bySource().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);

        assertThat(stats("community", null, null, null, resolvedOnce)).singleElement()
                .satisfies(s -> assertThat(s.smallResolvedInCompound()).isEqualTo(1));
        assertThat(stats("community", null, null, null, reopened)).isEmpty();
    }

    @Test
    void aReopenedDisputeThatIsThenReferredCountsOnceAsReferred() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        given(reported("D1", "C1", Scale.BIG, reportedAt));
        given(mediatedAndResolved("D1", Level.COMPOUND, reportedAt, 2));
        given(new DisputeReopened("D1", Level.COMPOUND, "M1", "协议未履行"));
        harness.at(APRIL.plusSeconds(2 * DAY));
        given(new DisputeReferredOut("D1", Level.COMPOUND, ReferralTarget.COURT, "诉讼"));

        ResolutionStats east = community(EAST);
        assertThat(east.resolved()).isZero();
        assertThat(east.referred()).isEqualTo(1);
        assertThat(east.bigConcluded()).isEqualTo(1);
        assertThat(east.bigResolvedInCommunity()).isZero();
        assertThat(east.medianDaysToResolve()).isNull();
        assertThat(row("community", EAST, "2024-03", "2024-03")).isEmpty();
    }

    @Test
    void aReclassifiedDisputeCountsInItsFinalScale() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        given(reported("UP", "C1", Scale.SMALL, reportedAt), new DisputeReclassified("UP", Scale.SMALL, Scale.BIG, "涉及多户"));
        given(mediatedAndResolved("UP", Level.COMPOUND, reportedAt, 1));
        given(reported("DOWN", "C1", Scale.BIG, reportedAt),
              new DisputeReclassified("DOWN", Scale.BIG, Scale.SMALL, "仅两户"),
              new DisputeEscalated("DOWN", Level.COMPOUND, Level.COMMUNITY, "x", null));
        given(mediatedAndResolved("DOWN", Level.COMMUNITY, reportedAt, 1));

        ResolutionStats east = community(EAST);
        assertThat(east.bigConcluded()).isEqualTo(1);
        assertThat(east.bigResolvedInCommunity()).isEqualTo(1);
        assertThat(east.smallConcluded()).isEqualTo(1);
        assertThat(east.smallResolvedInCompound()).isZero();
    }

    @Test
    void aDisputeReopenedAndReclassifiedCountsOnceInItsNewScale() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        given(reported("D1", "C1", Scale.SMALL, reportedAt));
        given(mediatedAndResolved("D1", Level.COMPOUND, reportedAt, 1));
        given(new DisputeReopened("D1", Level.COMPOUND, "M1", "未履行"),
              new DisputeReclassified("D1", Scale.SMALL, Scale.BIG, "矛盾升级"));
        given(mediatedAndResolved("D1", Level.COMPOUND, reportedAt, 3));

        ResolutionStats east = community(EAST);
        assertThat(east.smallConcluded()).isZero();
        assertThat(east.bigConcluded()).isEqualTo(1);
        assertThat(east.bigResolvedInCommunity()).isEqualTo(1);
        assertThat(east.resolved()).isEqualTo(1);
    }

    @Test
    void theMedianOfAnOddNumberOfResolutionsIsTheMiddleOneAndOfAnEvenNumberTheMeanOfTheMiddleTwo() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        long[] days = {9, 2, 5};
        for (int i = 0; i < days.length; i++) {
            given(reported("D" + i, "C1", Scale.SMALL, reportedAt));
            given(mediatedAndResolved("D" + i, Level.COMPOUND, reportedAt, days[i]));
        }
        assertThat(community(EAST).medianDaysToResolve()).as("2, 5, 9").isEqualTo(5.0);

        given(reported("D3", "C1", Scale.SMALL, reportedAt));
        given(mediatedAndResolved("D3", Level.COMPOUND, reportedAt, 10));
        assertThat(community(EAST).medianDaysToResolve()).as("2, 5, 9, 10").isEqualTo(7.0);

        given(reported("D4", "C1", Scale.SMALL, reportedAt));
        given(mediatedAndResolved("D4", Level.COMPOUND, reportedAt, 2));
        assertThat(community(EAST).medianDaysToResolve()).as("2, 2, 5, 9, 10").isEqualTo(5.0);

        given(reported("D5", "C1", Scale.SMALL, reportedAt));
        given(mediatedAndResolved("D5", Level.COMPOUND, reportedAt, 3));
        assertThat(community(EAST).medianDaysToResolve()).as("2, 2, 3, 5, 9, 10").isEqualTo(4.0);
        assertThat(jdbc.queryForObject("select count(*) from res_days where valid_to is null and unit_kind = 'COMMUNITY'",
                                       Integer.class)).as("one row per distinct number of days").isEqualTo(5);
    }

    @Test
    void theMedianOverSeveralMonthsIsTakenOverAllTheirResolutions() {
        given(reported("MAR", "C1", Scale.SMALL, MARCH));
        given(mediatedAndResolved("MAR", Level.COMPOUND, MARCH, 4));
        given(reported("APR1", "C1", Scale.SMALL, APRIL));
        given(mediatedAndResolved("APR1", Level.COMPOUND, APRIL, 1));
        given(reported("APR2", "C1", Scale.SMALL, APRIL));
        given(mediatedAndResolved("APR2", Level.COMPOUND, APRIL, 12));

        assertThat(row("community", EAST, "2024-03", "2024-03").orElseThrow().medianDaysToResolve()).isEqualTo(4.0);
        assertThat(row("community", EAST, "2024-04", "2024-04").orElseThrow().medianDaysToResolve()).isEqualTo(6.5);
        assertThat(row("community", EAST, "2024-03", "2024-04").orElseThrow().medianDaysToResolve()).isEqualTo(4.0);
        assertThat(row("community", EAST, "2024-03", null).orElseThrow().resolved()).isEqualTo(3);
        assertThat(row("community", EAST, null, "2024-03").orElseThrow().resolved()).isEqualTo(1);
    }

    @Test
    void daysAndMonthsAreCountedInChinaStandardTime() {
        // Reported 23:30 on 1 March in China, resolved 00:30 on 2 March there: one day, though only an hour passed.
        Instant reportedAt = Instant.parse("2024-03-01T15:30:00Z");
        given(reported("D1", "C1", Scale.SMALL, reportedAt));
        given(new MediatorAssigned("D1", "M1", Level.COMPOUND),
              new MediationStepRecorded("D1", StepKind.HOME_VISIT, "x", reportedAt, "M1", Level.COMPOUND,
                                        null, Venue.NOT_RECORDED, null),
              new DisputeResolved("D1", Level.COMPOUND, "M1", "x", Instant.parse("2024-03-01T16:30:00Z")));
        // Resolved at 00:30 on 1 April in China, still 31 March in UTC: an April resolution.
        given(reported("D2", "C1", Scale.SMALL, reportedAt));
        given(new MediatorAssigned("D2", "M1", Level.COMPOUND),
              new MediationStepRecorded("D2", StepKind.HOME_VISIT, "x", reportedAt, "M1", Level.COMPOUND,
                                        null, Venue.NOT_RECORDED, null),
              new DisputeResolved("D2", Level.COMPOUND, "M1", "x", Instant.parse("2024-03-31T16:30:00Z")));

        assertThat(row("community", EAST, "2024-03", "2024-03").orElseThrow().medianDaysToResolve()).isEqualTo(1.0);
        assertThat(row("community", EAST, "2024-04", "2024-04").orElseThrow().medianDaysToResolve()).isEqualTo(31.0);
    }

    @Test
    void disputesAreCountedPerCaseSource() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        given(reported("P1", EAST, "C1", Scale.SMALL, Source.REFERRED_BY_POLICE, reportedAt));
        given(mediatedAndResolved("P1", Level.COMPOUND, reportedAt, 1));
        given(reported("P2", EAST, "C1", Scale.SMALL, Source.REFERRED_BY_POLICE, reportedAt),
              new DisputeReferredOut("P2", Level.COMPOUND, ReferralTarget.PUBLIC_SECURITY, "治安案件"));
        given(reported("C1", EAST, null, Scale.BIG, Source.REFERRED_BY_COURT, reportedAt));
        given(mediatedAndResolved("C1", Level.COMMUNITY, reportedAt, 8));
        given(reported("K1", EAST, "C2", Scale.SMALL, Source.COMMITTEE_INITIATIVE, reportedAt),
              new DisputeWithdrawn("K1", Level.COMPOUND, "自行和解"));
        given(reported("OPEN", EAST, "C2", Scale.SMALL, Source.PARTY_APPLICATION, reportedAt));

        ResolutionStats east = community(EAST);
        assertThat(east.bySource()).containsEntry(Source.REFERRED_BY_POLICE, 2L)
                                   .containsEntry(Source.REFERRED_BY_COURT, 1L)
                                   .containsEntry(Source.COMMITTEE_INITIATIVE, 1L)
                                   .containsEntry(Source.PARTY_APPLICATION, 0L)
                                   .containsEntry(Source.REFERRED_BY_GOVERNMENT, 0L)
                                   .hasSize(Source.values().length);
        assertThat(row("compound", EAST + "/C2", null, null).orElseThrow().bySource())
                .containsEntry(Source.COMMITTEE_INITIATIVE, 1L).containsEntry(Source.PARTY_APPLICATION, 0L);
    }

    @Test
    void unitsAreFilteredByCityAndNamedFromTheRegistryAndTheDivisionList() {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        for (String[] place : new String[][]{{"E", EAST, "C1"}, {"W", WEST, null}, {"Z", ZHANGPING, "G1"},
                                             {"F", FUZHOU, null}}) {
            given(reported(place[0], place[1], place[2], Scale.SMALL, Source.PARTY_APPLICATION, reportedAt));
            given(mediatedAndResolved(place[0], Level.startingLevel(place[2]), reportedAt, 1));
        }

        assertThat(stats("city", null, null)).extracting(ResolutionStats::unit, ResolutionStats::unitName)
                                             .containsExactly(tuple("350100", "福州市"),
                                                              tuple("350800", "龙岩市"));
        assertThat(stats("county", null, null, "350800", null)).extracting(ResolutionStats::unitName)
                                                               .containsExactly("新罗区", "漳平市");
        assertThat(stats("community", null, null, "350800", null)).extracting(ResolutionStats::unitName)
                                                                  .containsExactly("东城社区", "西城社区", "桂林村");
        assertThat(stats("compound", null, null, "350800", null)).extracting(ResolutionStats::unitName)
                                                                 .containsExactly("东城社区幸福小区", "桂林村第一村民小组");
        assertThat(stats("city", null, null, "350100", null)).singleElement()
                .satisfies(s -> assertThat(s.resolved()).isEqualTo(1));
        ResolutionStats longyan = stats("city", null, null, "350800", null).get(0);
        assertThat(longyan.smallConcluded()).isEqualTo(3);
        assertThat(longyan.smallResolvedInCompound()).as("W was reported without a compound").isEqualTo(2);
    }

    @Test
    void malformedQueriesAreRefusedNamingEveryFieldAtFault() {
        assertThatThrownBy(() -> FindResolutionStats.of(null, null, null, null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("groupBy: is required");
        assertThatThrownBy(() -> FindResolutionStats.of("township", "2024-3", "2024-13", "350802", null))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                        .extracting(e -> e.field()).containsExactly("groupBy", "from", "to", "cityCode"));
        assertThatThrownBy(() -> FindResolutionStats.of("city", "2024-05", "2024-04", null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("from: must not be after to");
        assertThat(FindResolutionStats.of("Compound", "2024-04", "2024-04", " ", null).cityCode()).isNull();
    }

    /**
     * As of any instant the statistics are what they were right after the last event up to it, for every grouping,
     * for a city and for a range of months: checked at every step of disputes concluded over four months, one of
     * them reopened two months later and concluded again, one resolution dated a month back and one dated past the
     * end of the month its event falls in, and between the steps.
     */
    @Test
    void theStatisticsAsOfAnInstantAreThoseRightAfterItsLastEvent() {
        Instant feb = Instant.parse("2024-02-10T02:00:00Z");
        List<Runnable> steps = List.of(
                () -> given(reported("D1", "C1", Scale.SMALL, feb)),
                () -> given(mediatedAndResolved("D1", Level.COMPOUND, feb, 2)),
                () -> {
                    harness.at(Instant.parse("2024-03-05T02:00:00Z"));
                    given(reported("D2", WEST, null, Scale.BIG, Source.COMMITTEE_INITIATIVE, harness.now()));
                },
                () -> given(mediatedAndResolved("D2", Level.COMMUNITY, harness.now(), 3)),
                () -> given(reported("D3", ZHANGPING, "G1", Scale.SMALL, Source.PARTY_APPLICATION, harness.now()),
                            new DisputeWithdrawn("D3", Level.COMPOUND, "撤回")),
                () -> {
                    harness.at(Instant.parse("2024-04-02T02:00:00Z"));
                    given(new DisputeReopened("D1", Level.COMPOUND, "M1", "协议未履行"),
                          new DisputeEscalated("D1", Level.COMPOUND, Level.COMMUNITY, "升级", "M1"));
                },
                () -> given(mediatedAndResolved("D1", Level.COMMUNITY, harness.now(), 1)),
                () -> given(reported("D4", FUZHOU, null, Scale.BIG, Source.PARTY_APPLICATION,
                                     Instant.parse("2024-03-20T02:00:00Z"))),
                () -> given(mediatedAndResolved("D4", Level.COMMUNITY, Instant.parse("2024-03-20T02:00:00Z"), 8)),
                () -> {
                    // 23:58 on 30 April in China; the resolution is dated 00:02 on 1 May there.
                    harness.at(Instant.parse("2024-04-30T15:58:00Z"));
                    given(reported("D5", "C2", Scale.SMALL, Instant.parse("2024-04-29T02:00:00Z")));
                },
                () -> given(new MediatorAssigned("D5", "M1", Level.COMPOUND),
                            new DisputeResolved("D5", Level.COMPOUND, "M1", "达成协议",
                                                Instant.parse("2024-04-30T16:02:00Z"))),
                () -> {
                    harness.at(Instant.parse("2024-05-08T02:00:00Z"));
                    given(new DisputeReopened("D2", Level.COMMUNITY, "M1", "x"));
                },
                () -> given(new DisputeReferredOut("D2", Level.COMMUNITY, ReferralTarget.COURT, "起诉")));
        List<FindResolutionStats> queries = new ArrayList<>();
        for (String groupBy : List.of("city", "county", "community", "compound")) {
            queries.add(FindResolutionStats.of(groupBy, null, null, null, null));
            queries.add(FindResolutionStats.of(groupBy, null, null, "350800", null));
            queries.add(FindResolutionStats.of(groupBy, "2024-03", "2024-04", null, null));
        }
        Map<Instant, List<List<ResolutionStats>>> answersAfter = new LinkedHashMap<>();
        answersAfter.put(harness.now().minusSeconds(1), answers(queries, null));
        for (Runnable step : steps) {
            step.run();
            answersAfter.put(harness.now().minusSeconds(1), answers(queries, null));
        }
        assertThat(answersAfter).hasSize(14);
        assertThat(new HashSet<>(answersAfter.values())).as("nothing, then nine conclusions and reopenings").hasSize(10);

        answersAfter.forEach((lastEvent, answers) -> {
            assertThat(answers(queries, lastEvent)).as("as of %s, the instant of an event", lastEvent)
                                                   .isEqualTo(answers);
            assertThat(answers(queries, lastEvent.plusMillis(500))).as("as of half a second after %s", lastEvent)
                                                                   .isEqualTo(answers);
        });
    }

    private List<List<ResolutionStats>> answers(List<FindResolutionStats> queries, Instant asOf) {
        return queries.stream().map(q -> projection.handle(new FindResolutionStats(q.groupBy(), q.from(), q.to(),
                                                                                   q.cityCode(), asOf)))
                      .toList();
    }

    /** Each dispute's events arrive in order, but the streams of different disputes interleave in any way. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theAnswerDoesNotDependOnHowStreamsInterleave(long seed) {
        Instant reportedAt = MARCH.plusSeconds(DAY);
        List<List<Object>> streams = new ArrayList<>();
        streams.add(stream(reported("A", "C1", Scale.SMALL, reportedAt), mediatedAndResolved("A", Level.COMPOUND, reportedAt, 3)));
        streams.add(stream(reported("B", "C2", Scale.BIG, reportedAt),
                           new Object[]{new DisputeEscalated("B", Level.COMPOUND, Level.TOWNSHIP, "x", null)},
                           mediatedAndResolved("B", Level.TOWNSHIP, reportedAt, 9)));
        streams.add(stream(reported("C", "C1", Scale.SMALL, reportedAt), mediatedAndResolved("C", Level.COMPOUND, reportedAt, 1),
                           new Object[]{new DisputeReopened("C", Level.COMPOUND, "M1", "x")},
                           mediatedAndResolved("C", Level.COMPOUND, reportedAt, 2)));
        streams.add(stream(reported("D", null, Scale.BIG, reportedAt),
                           new Object[]{new DisputeWithdrawn("D", Level.COMMUNITY, "x")}));
        given(interleave(streams, new Random(seed)).toArray());

        ResolutionStats east = community(EAST);
        assertThat(east.smallConcluded()).isEqualTo(2);
        assertThat(east.smallResolvedInCompound()).isEqualTo(2);
        assertThat(east.bigConcluded()).isEqualTo(1);
        assertThat(east.bigResolvedInCommunity()).isZero();
        assertThat(east.withdrawn()).isEqualTo(1);
        assertThat(east.escalations()).isEqualTo(1);
        assertThat(east.medianDaysToResolve()).as("2, 3, 9").isEqualTo(3.0);
    }

    private static List<Object> stream(Object first, Object[]... rest) {
        List<Object> events = new ArrayList<>(List.of(first));
        for (Object[] more : rest) {
            events.addAll(List.of(more));
        }
        return events;
    }

    private static List<Object> interleave(List<List<Object>> streams, Random random) {
        List<LinkedList<Object>> remaining = new ArrayList<>();
        streams.forEach(stream -> remaining.add(new LinkedList<>(stream)));
        List<Object> merged = new ArrayList<>();
        while (remaining.stream().anyMatch(stream -> !stream.isEmpty())) {
            List<LinkedList<Object>> open = remaining.stream().filter(stream -> !stream.isEmpty()).toList();
            merged.add(open.get(random.nextInt(open.size())).removeFirst());
        }
        return merged;
    }
}
