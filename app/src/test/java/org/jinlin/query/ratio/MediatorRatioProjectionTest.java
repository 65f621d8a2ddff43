package org.jinlin.query.ratio;

import org.jinlin.kernel.community.CommunityDisputeProminenceCleared;
import org.jinlin.kernel.community.CommunityFlaggedDisputeProminent;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.ResidentPopulationUpdated;
import org.jinlin.kernel.mediator.MediatorAppointed;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.jinlin.kernel.mediator.MediatorEmploymentChanged;
import org.jinlin.kernel.mediator.MediatorRegistered;
import org.jinlin.kernel.mediator.MediatorRelieved;
import org.jinlin.kernel.ratio.MediatorRatioQueries.FindMediatorGaps;
import org.jinlin.kernel.ratio.MediatorRatioQueries.FindMediatorRatios;
import org.jinlin.kernel.ratio.MediatorRatioQueries.MediatorGap;
import org.jinlin.kernel.ratio.MediatorRatioQueries.MediatorRatio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.jinlin.query.ProjectionHarness;
import org.jinlin.query.readmodel.Generations;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.kernel.mediator.MediatorEmployment.FULL_TIME;
import static org.jinlin.kernel.mediator.MediatorEmployment.PART_TIME;

/** Feeds events to the mediator-ratio projection on the real schema and checks what an analyst would read. */
@JdbcTest
class MediatorRatioProjectionTest {

    private static final String A = "350802001001";
    private static final String B = "350802001002";
    private static final String C = "350881001003";
    private static final String PINGTAN = "350128100201";
    private static final Instant START = Instant.parse("2021-04-19T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    private MediatorRatioProjection projection;
    private ProjectionHarness harness;

    @BeforeEach
    void setUp() {
        projection = new MediatorRatioProjection(jdbc, new Generations(jdbc),
                                                 new MediatorRatioProperties(new BigDecimal("0.03"), 10_000));
        harness = new ProjectionHarness(projection, START);
    }

    private void given(Object... events) {
        harness.given(events);
    }

    private static CommunityRegistered community(String code, int population) {
        return new CommunityRegistered(code, "社区" + code, CommunityKind.URBAN, "街道", population);
    }

    private static MediatorRegistered mediator(String id, MediatorEmployment employment) {
        return new MediatorRegistered(id, "调解员" + id, employment);
    }

    private MediatorRatio ratio(String city) {
        return ratio(city, null);
    }

    private MediatorRatio ratio(String city, Instant asOf) {
        return projection.handle(new FindMediatorRatios(asOf)).stream().filter(r -> r.cityCode().equals(city))
                         .findFirst().orElseThrow();
    }

    private List<String> gaps(String city) {
        return projection.handle(new FindMediatorGaps(city, null)).stream().map(MediatorGap::communityCode).toList();
    }

    @Test
    void aCommunityWithAFullTimeMediatorCounts() {
        given(community(A, 100), community(B, 100), mediator("M1", FULL_TIME), new MediatorAppointed("M1", A));

        MediatorRatio longyan = ratio("350800");
        assertThat(longyan.communities()).isEqualTo(2);
        assertThat(longyan.withFullTimeMediator()).isEqualTo(1);
        assertThat(longyan.ratio()).isEqualTo(0.5);
        assertThat(longyan.meetsTarget()).isTrue();
    }

    @Test
    void twoFullTimeMediatorsInOneCommunityCountOnce() {
        given(community(A, 100), mediator("M1", FULL_TIME), mediator("M2", FULL_TIME),
              new MediatorAppointed("M1", A), new MediatorAppointed("M2", A));

        assertThat(ratio("350800").withFullTimeMediator()).isEqualTo(1);
    }

    @Test
    void aPartTimeMediatorDoesNotCount() {
        given(community(A, 100), mediator("M1", PART_TIME), new MediatorAppointed("M1", A));

        assertThat(ratio("350800").withFullTimeMediator()).isZero();
        assertThat(ratio("350800").meetsTarget()).isFalse();
    }

    @Test
    void aRelievedMediatorNoLongerCoversTheCommunityButCoversTheNextOne() {
        given(community(A, 100), community(B, 100), mediator("M1", FULL_TIME), new MediatorAppointed("M1", A),
              new MediatorRelieved("M1", A, "调任"));
        assertThat(ratio("350800").withFullTimeMediator()).isZero();

        given(new MediatorAppointed("M1", B));
        assertThat(ratio("350800").withFullTimeMediator()).isEqualTo(1);
    }

    @Test
    void switchingEmploymentMovesTheCountBothWays() {
        given(community(A, 100), mediator("M1", FULL_TIME), new MediatorAppointed("M1", A),
              new MediatorEmploymentChanged("M1", PART_TIME));
        assertThat(ratio("350800").withFullTimeMediator()).isZero();

        given(new MediatorEmploymentChanged("M1", FULL_TIME));
        assertThat(ratio("350800").withFullTimeMediator()).isEqualTo(1);
    }

    @Test
    void aCommunityRegisteredAfterItsMediatorsEventsCountsWhenItArrives() {
        given(mediator("M1", FULL_TIME), new MediatorAppointed("M1", A));
        assertThat(projection.handle(new FindMediatorRatios(null))).isEmpty();

        given(community(A, 100));
        assertThat(ratio("350800").communities()).isEqualTo(1);
        assertThat(ratio("350800").withFullTimeMediator()).isEqualTo(1);
    }

    @Test
    void pingtanIsCountedAsItsOwnUnit() {
        given(community(PINGTAN, 100), community("350121001001", 100));

        assertThat(projection.handle(new FindMediatorRatios(null))).extracting(MediatorRatio::cityCode)
                                                               .containsExactly("350100", "350128");
    }

    @Test
    void theTargetIsComparedExactlyNotAfterRounding() {
        List<Object> events = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            events.add(community(String.format("350102001%03d", i), 100));
        }
        for (int i = 1; i <= 3; i++) {
            events.add(mediator("F" + i, FULL_TIME));
            events.add(new MediatorAppointed("F" + i, String.format("350102001%03d", i)));
        }
        given(events.toArray());
        assertThat(ratio("350100").ratio()).isEqualTo(0.03);
        assertThat(ratio("350100").meetsTarget()).isTrue();

        given(new MediatorRelieved("F3", "350102001003", "离职"));
        assertThat(ratio("350100").meetsTarget()).isFalse();
    }

    @Test
    void priorityCommunitiesWithoutAFullTimeMediatorAreTheGaps() {
        given(community(A, 15_000), community(B, 800), community(C, 9_999),
              new CommunityFlaggedDisputeProminent(B, "邻里纠纷多"));
        assertThat(gaps("350800")).containsExactly(B, A);

        given(mediator("M1", FULL_TIME), new MediatorAppointed("M1", A),
              new CommunityDisputeProminenceCleared(B, "已化解"), new ResidentPopulationUpdated(C, 10_000));
        assertThat(gaps("350800")).containsExactly(C);
    }

    @Test
    void theRatioAsOfAnInstantIsTheRatioAsItStoodThen() {
        given(community(A, 100), community(B, 100), mediator("M1", FULL_TIME));
        Instant beforeAppointment = harness.now().minusMillis(1);
        given(new MediatorAppointed("M1", A));
        Instant appointed = harness.now().minusSeconds(1);
        given(new MediatorRelieved("M1", A, "调任"));

        assertThat(ratio("350800", beforeAppointment).withFullTimeMediator()).isZero();
        assertThat(ratio("350800", appointed).withFullTimeMediator()).as("exactly at the event's time").isEqualTo(1);
        assertThat(ratio("350800", appointed.plusMillis(999)).withFullTimeMediator()).isEqualTo(1);
        assertThat(ratio("350800").withFullTimeMediator()).isZero();
        assertThat(projection.handle(new FindMediatorRatios(START.minusSeconds(1)))).as("before anything existed")
                                                                                  .isEmpty();
    }

    @Test
    void gapsAsOfAnInstantFollowTheCommunitysHistory() {
        given(community(A, 15_000));
        Instant uncovered = harness.now().minusMillis(1);
        given(mediator("M1", FULL_TIME), new MediatorAppointed("M1", A));

        assertThat(projection.handle(new FindMediatorGaps("350800", uncovered)))
                .extracting(MediatorGap::communityCode).containsExactly(A);
        assertThat(gaps("350800")).isEmpty();
    }

    /**
     * A projection sees each aggregate's events in order, but the streams of different aggregates may interleave
     * in any way (for instance on another node or segment). The answer must not depend on it.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void theAnswerDoesNotDependOnHowStreamsInterleave(long seed) {
        List<List<Object>> streams = List.of(
                List.of(community(A, 12_000), new CommunityFlaggedDisputeProminent(A, "x")),
                List.of(community(B, 500), new ResidentPopulationUpdated(B, 11_000)),
                List.of(community(C, 100)),
                List.of(community(PINGTAN, 100)),
                List.of(mediator("M1", FULL_TIME), new MediatorAppointed("M1", A), new MediatorRelieved("M1", A, "x"),
                        new MediatorAppointed("M1", B)),
                List.of(mediator("M2", PART_TIME), new MediatorAppointed("M2", A), new MediatorAppointed("M2", C),
                        new MediatorRelieved("M2", C, "x"), new MediatorEmploymentChanged("M2", FULL_TIME)),
                List.of(mediator("M3", FULL_TIME), new MediatorAppointed("M3", B)),
                List.of(mediator("M4", FULL_TIME), new MediatorAppointed("M4", PINGTAN),
                        new MediatorEmploymentChanged("M4", PART_TIME)));

        given(interleave(streams, new Random(seed)).toArray());

        MediatorRatio longyan = ratio("350800");
        assertThat(longyan.communities()).isEqualTo(3);
        assertThat(longyan.withFullTimeMediator()).as("A by M2, B by M1 and M3").isEqualTo(2);
        MediatorRatio pingtan = ratio("350128");
        assertThat(pingtan.withFullTimeMediator()).isZero();
        assertThat(gaps("350800")).isEmpty();
        assertThat(gaps("350128")).isEmpty();
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
