package org.jinlin.query.caseview;

import org.jinlin.kernel.Forbidden;
import org.jinlin.kernel.caseview.CaseViewQueries;
import org.jinlin.kernel.caseview.CaseViewQueries.CaseParty;
import org.jinlin.kernel.caseview.CaseViewQueries.CaseReader;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputeCase;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputePage;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputeSummary;
import org.jinlin.kernel.caseview.CaseViewQueries.FindDisputeCase;
import org.jinlin.kernel.caseview.CaseViewQueries.ListDisputes;
import org.jinlin.kernel.caseview.CaseViewQueries.Step;
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
import org.jinlin.kernel.dispute.Status;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.jinlin.query.MovableClock;
import org.jinlin.query.ProjectionHarness;
import org.jinlin.query.readmodel.Generations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Feeds dispute events to the case views on the real schema: what a mediator, a coordinator and an analyst read of
 * a case file, the work queues, and the overdue flag as the service's clock moves on without a new event.
 */
@JdbcTest
class CaseViewProjectionTest {

    private static final String EAST = "350802001001";
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Autowired
    JdbcTemplate jdbc;

    private MovableClock clock;
    private CaseViewProjection projection;
    private ProjectionHarness harness;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(START);
        projection = new CaseViewProjection(jdbc, new Generations(jdbc),
                                            new OverdueProperties(Duration.ofDays(3), Duration.ofDays(30)), clock);
        harness = new ProjectionHarness(projection, START);
    }

    /** Events at the clock's time: the clock moves on one second per event, as the harness does. */
    private void given(Object... events) {
        harness.at(clock.instant()).given(events);
        clock.set(harness.now());
    }

    private static DisputeReported reported(String id, String compound, Instant reportedAt) {
        return new DisputeReported(id, EAST, compound, Level.startingLevel(compound), Category.PROPERTY_MANAGEMENT,
                                   Scale.SMALL, Source.COMMITTEE_INITIATIVE,
                                   List.of(new Party("王小明", PartyRole.APPLICANT), new Party("李大华", PartyRole.RESPONDENT),
                                           new Party("幸福物业公司", PartyRole.OTHER)),
                                   "李大华家楼上漏水，物业不予维修", reportedAt);
    }

    private static MediationStepRecorded step(String id, StepKind kind, String note, Instant occurredAt, String mediator) {
        return new MediationStepRecorded(id, kind, note, occurredAt, mediator, Level.COMPOUND,
                                         null, Venue.NOT_RECORDED, null);
    }

    private DisputeCase view(String id) {
        return view(id, CaseReader.everything(), null);
    }

    private DisputeCase view(String id, CaseReader reader, Instant asOf) {
        return projection.handle(new FindDisputeCase(id, asOf, reader)).orElseThrow();
    }

    private DisputePage queue(String mediatorId, Status status, Boolean overdue) {
        return projection.handle(new ListDisputes(mediatorId, status, overdue, 0, 50, null, CaseReader.everything()));
    }

    private List<String> ids(DisputePage page) {
        return page.items().stream().map(DisputeSummary::disputeId).toList();
    }

    @Test
    void aReportedCaseShowsItsFactsPartiesAndVersionAndAwaitsAMediator() {
        Instant reportedAt = START.minus(DAY);
        given(reported("D1", "C1", reportedAt));

        DisputeCase view = view("D1");
        assertThat(view.status()).isEqualTo(Status.REPORTED);
        assertThat(view.level()).isEqualTo(Level.COMPOUND);
        assertThat(view.category()).isEqualTo(Category.PROPERTY_MANAGEMENT);
        assertThat(view.source()).isEqualTo(Source.COMMITTEE_INITIATIVE);
        assertThat(view.communityCode()).isEqualTo(EAST);
        assertThat(view.compoundId()).isEqualTo("C1");
        assertThat(view.mediatorId()).isNull();
        assertThat(view.parties()).extracting(CaseParty::name, CaseParty::role)
                                  .containsExactly(tuple("王小明", PartyRole.APPLICANT), tuple("李大华", PartyRole.RESPONDENT),
                                                   tuple("幸福物业公司", PartyRole.OTHER));
        assertThat(view.summary()).isEqualTo("李大华家楼上漏水，物业不予维修");
        assertThat(view.reportedAt()).isEqualTo(reportedAt);
        assertThat(view.dueBy()).as("three days after the report").isEqualTo(reportedAt.plus(Duration.ofDays(3)));
        assertThat(view.overdue()).isFalse();
        assertThat(view.version()).isZero();
        assertThat(projection.handle(new FindDisputeCase("NOBODY", null, CaseReader.everything()))).isEmpty();
    }

    @Test
    void stepsAreShownInTheOrderTheyHappenedNotTheOrderTheyWereWrittenUp() {
        Instant reportedAt = START.minus(DAY.multipliedBy(5));
        given(reported("D1", "C1", reportedAt), new MediatorAssigned("D1", "M1", Level.COMPOUND),
              step("D1", StepKind.JOINT_SESSION, "三方面谈", reportedAt.plus(DAY.multipliedBy(3)), "M1"),
              step("D1", StepKind.HOME_VISIT, "走访李大华", reportedAt.plus(DAY), "M1"),
              step("D1", StepKind.PHONE_CALL, "电话联系物业", reportedAt.plus(DAY.multipliedBy(2)), "M1"));

        DisputeCase view = view("D1");
        assertThat(view.status()).isEqualTo(Status.IN_MEDIATION);
        assertThat(view.steps()).extracting(Step::kind, Step::note, Step::mediatorId)
                                .containsExactly(tuple(StepKind.HOME_VISIT, "走访李大华", "M1"),
                                                 tuple(StepKind.PHONE_CALL, "电话联系物业", "M1"),
                                                 tuple(StepKind.JOINT_SESSION, "三方面谈", "M1"));
        assertThat(view.version()).isEqualTo(4);
    }

    @Test
    void anEscalationFreesTheCaseForAMediatorAtTheNewLevelAndTheFileKeepsWhoHeldIt() {
        Instant reportedAt = START.minus(DAY);
        given(reported("D1", "C1", reportedAt), new MediatorAssigned("D1", "M1", Level.COMPOUND),
              step("D1", StepKind.INTAKE, "登记", reportedAt, "M1"),
              new DisputeReclassified("D1", Scale.SMALL, Scale.BIG, "涉及整栋楼"));
        Instant escalatedAt = clock.instant();
        given(new DisputeEscalated("D1", Level.COMPOUND, Level.COMMUNITY, "小区调解不成", "M1"));

        DisputeCase escalated = view("D1");
        assertThat(escalated.status()).isEqualTo(Status.REPORTED);
        assertThat(escalated.level()).isEqualTo(Level.COMMUNITY);
        assertThat(escalated.scale()).isEqualTo(Scale.BIG);
        assertThat(escalated.mediatorId()).isNull();
        assertThat(escalated.assignedAt()).isNull();
        assertThat(escalated.dueBy()).as("the wait for a mediator starts again").isEqualTo(escalatedAt.plus(Duration.ofDays(3)));
        assertThat(escalated.escalations()).singleElement().satisfies(e -> {
            assertThat(e.fromLevel()).isEqualTo(Level.COMPOUND);
            assertThat(e.toLevel()).isEqualTo(Level.COMMUNITY);
            assertThat(e.reason()).isEqualTo("小区调解不成");
            assertThat(e.releasedMediatorId()).isEqualTo("M1");
            assertThat(e.at()).isEqualTo(escalatedAt);
        });
        assertThat(escalated.reclassifications()).singleElement()
                                                 .satisfies(r -> assertThat(r.scale()).isEqualTo(Scale.BIG));

        given(new MediatorAssigned("D1", "M2", Level.COMMUNITY));
        assertThat(view("D1").assignments()).extracting(a -> a.mediatorId(), a -> a.level())
                                            .containsExactly(tuple("M1", Level.COMPOUND), tuple("M2", Level.COMMUNITY));
        assertThat(view("D1", CaseReader.mediator("M1"), null).summary())
                .as("the mediator who held it before still reads the file").isEqualTo("李大华家楼上漏水，物业不予维修");
        assertThat(ids(projection.handle(new ListDisputes(null, null, null, 0, 50, null, CaseReader.mediator("M1")))))
                .as("but it is no longer in their queue").isEmpty();
    }

    @Test
    void aResolvedCaseShowsItsAgreementAndFollowUpsAndAReopeningTakesTheResolutionAway() {
        Instant reportedAt = START.minus(DAY.multipliedBy(10));
        given(reported("D1", "C1", reportedAt), new MediatorAssigned("D1", "M1", Level.COMPOUND),
              step("D1", StepKind.HOME_VISIT, "走访", reportedAt.plus(DAY), "M1"),
              new DisputeResolved("D1", Level.COMPOUND, "M1", "物业三日内维修", reportedAt.plus(DAY.multipliedBy(2))),
              new FollowUpRecorded("D1", "回访：未维修", false, reportedAt.plus(DAY.multipliedBy(6)), "M1"));

        DisputeCase resolved = view("D1");
        assertThat(resolved.status()).isEqualTo(Status.RESOLVED);
        assertThat(resolved.resolution().agreementSummary()).isEqualTo("物业三日内维修");
        assertThat(resolved.resolution().level()).isEqualTo(Level.COMPOUND);
        assertThat(resolved.resolution().mediatorId()).isEqualTo("M1");
        assertThat(resolved.resolution().resolvedAt()).isEqualTo(reportedAt.plus(DAY.multipliedBy(2)));
        assertThat(resolved.followUps()).singleElement().satisfies(f -> {
            assertThat(f.note()).isEqualTo("回访：未维修");
            assertThat(f.agreementHonoured()).isFalse();
        });
        assertThat(resolved.dueBy()).as("a closed case is due nowhere").isNull();
        assertThat(resolved.overdue()).isFalse();
        assertThat(resolved.version()).isEqualTo(4);

        Instant reopenedAt = clock.instant();
        given(new DisputeReopened("D1", Level.COMPOUND, "M1", "协议未履行"));
        DisputeCase reopened = view("D1");
        assertThat(reopened.status()).isEqualTo(Status.ASSIGNED);
        assertThat(reopened.mediatorId()).isEqualTo("M1");
        assertThat(reopened.resolution()).isNull();
        assertThat(reopened.assignedAt()).isEqualTo(reopenedAt);
        assertThat(reopened.dueBy()).as("thirty days from the reopening").isEqualTo(reopenedAt.plus(Duration.ofDays(30)));
        assertThat(reopened.reopenings()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("协议未履行"));
        assertThat(reopened.followUps()).hasSize(1);
        assertThat(view("D1", CaseReader.everything(), reopenedAt.minusMillis(1)).resolution()).isNotNull();
    }

    @Test
    void referralsAndWithdrawalsAreRecordedWithTheirTime() {
        given(reported("REF", null, START), reported("WD", "C1", START));
        Instant referredAt = clock.instant();
        given(new DisputeReferredOut("REF", Level.COMMUNITY, ReferralTarget.ARBITRATION, "劳动仲裁"));
        Instant withdrawnAt = clock.instant();
        given(new DisputeWithdrawn("WD", Level.COMPOUND, "双方自行和解"));

        DisputeCase referred = view("REF");
        assertThat(referred.status()).isEqualTo(Status.REFERRED_OUT);
        assertThat(referred.referral().to()).isEqualTo(ReferralTarget.ARBITRATION);
        assertThat(referred.referral().level()).isEqualTo(Level.COMMUNITY);
        assertThat(referred.referral().reason()).isEqualTo("劳动仲裁");
        assertThat(referred.referral().at()).isEqualTo(referredAt);
        assertThat(referred.withdrawal()).isNull();
        DisputeCase withdrawn = view("WD");
        assertThat(withdrawn.withdrawal().reason()).isEqualTo("双方自行和解");
        assertThat(withdrawn.withdrawal().at()).isEqualTo(withdrawnAt);
        assertThat(ids(queue(null, null, null))).as("closed cases leave the queue").isEmpty();
        assertThat(ids(queue(null, Status.WITHDRAWN, null))).containsExactly("WD");
    }

    @Test
    void theQueueListsOpenCasesOldestReportFirstOneMediatorsOrAllAPageAtATime() {
        given(reported("NEWEST", "C1", START.minus(DAY)), reported("OLDEST", "C1", START.minus(DAY.multipliedBy(9))),
              reported("MIDDLE", null, START.minus(DAY.multipliedBy(5))), reported("DONE", "C1", START.minus(DAY.multipliedBy(20))),
              new MediatorAssigned("OLDEST", "M1", Level.COMPOUND), new MediatorAssigned("MIDDLE", "M2", Level.COMMUNITY),
              new MediatorAssigned("NEWEST", "M1", Level.COMPOUND), new DisputeWithdrawn("DONE", Level.COMPOUND, "撤回"));

        assertThat(ids(queue(null, null, null))).containsExactly("OLDEST", "MIDDLE", "NEWEST");
        assertThat(ids(queue("M1", null, null))).containsExactly("OLDEST", "NEWEST");
        assertThat(ids(queue(null, Status.ASSIGNED, null))).containsExactly("OLDEST", "MIDDLE", "NEWEST");
        assertThat(ids(queue(null, Status.REPORTED, null))).isEmpty();

        DisputePage second = projection.handle(new ListDisputes(null, null, null, 1, 2, null, CaseReader.everything()));
        assertThat(ids(second)).containsExactly("NEWEST");
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        DisputeSummary oldest = queue("M1", null, null).items().get(0);
        assertThat(oldest.mediatorId()).isEqualTo("M1");
        assertThat(oldest.level()).isEqualTo(Level.COMPOUND);
        assertThat(oldest.status()).isEqualTo(Status.ASSIGNED);
    }

    /**
     * Every filter of the case list, current and as of an earlier instant, over random cases: the list holds exactly
     * the cases whose own file matches the filter, oldest report first (ties by id), the total counts them, and pages
     * of three continue one another.
     */
    @ParameterizedTest
    @ValueSource(longs = {3, 17, 29})
    void theCaseListHoldsExactlyTheMatchingCasesInOrderOnEveryPage(long seed) {
        Random random = new Random(seed);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = "D" + (char) ('A' + random.nextInt(26)) + i;
            ids.add(id);
            given(reported(id, random.nextBoolean() ? "C1" : null, START.minus(DAY.multipliedBy(random.nextInt(6)))));
        }
        Instant earlier = null;
        Map<String, String> assigned = new HashMap<>();
        Set<String> closed = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            for (String id : ids) {
                int what = random.nextInt(8);
                String mediator = assigned.getOrDefault(id, random.nextBoolean() ? "M1" : "M2");
                if (closed.contains(id)) {
                    continue;
                }
                if (what < 3) {
                    given(new MediatorAssigned(id, mediator, Level.COMPOUND));
                    assigned.put(id, mediator);
                } else if (what == 3 && assigned.containsKey(id)) {
                    given(step(id, StepKind.HOME_VISIT, "走访", clock.instant(), mediator));
                } else if (what == 4 && round == 2 && assigned.containsKey(id)) {
                    given(new DisputeResolved(id, Level.COMPOUND, mediator, "协议", clock.instant()));
                    closed.add(id);
                } else if (what == 5 && round == 2) {
                    given(new DisputeWithdrawn(id, Level.COMPOUND, "撤回"));
                    closed.add(id);
                }
            }
            clock.advance(Duration.ofDays(2 + random.nextInt(20)));
            if (round == 1) {
                earlier = clock.instant();
            }
        }

        for (Instant at : new Instant[]{null, earlier}) {
            for (String mediator : new String[]{null, "M1"}) {
                for (Status status : new Status[]{null, Status.REPORTED, Status.ASSIGNED, Status.IN_MEDIATION,
                                                  Status.RESOLVED}) {
                    for (Boolean overdue : new Boolean[]{null, true, false}) {
                        String filter = "mediator %s, status %s, overdue %s, as of %s".formatted(mediator, status,
                                                                                                overdue, at);
                        DisputePage all = projection.handle(new ListDisputes(mediator, status, overdue, 0, 500, at,
                                                                             CaseReader.everything()));
                        List<String> expected = new ArrayList<>();
                        for (String id : ids) {
                            DisputeCase file = projection.handle(new FindDisputeCase(id, at, CaseReader.everything()))
                                                         .orElseThrow();
                            boolean open = file.status() == Status.REPORTED || file.status() == Status.ASSIGNED
                                           || file.status() == Status.IN_MEDIATION;
                            if ((status == null ? open : file.status() == status)
                                && (mediator == null || mediator.equals(file.mediatorId()))
                                && (overdue == null || overdue == file.overdue())) {
                                expected.add(id);
                            }
                        }
                        assertThat(ids(all)).as(filter).containsExactlyInAnyOrderElementsOf(expected);
                        assertThat(all.total()).as(filter).isEqualTo(expected.size());
                        assertThat(all.items()).as(filter).isSortedAccordingTo(
                                Comparator.comparing(DisputeSummary::reportedAt)
                                          .thenComparing(DisputeSummary::disputeId));
                        List<String> paged = new ArrayList<>();
                        for (int page = 0; page * 3 < expected.size() + 3; page++) {
                            DisputePage next = projection.handle(new ListDisputes(mediator, status, overdue, page, 3,
                                                                                  at, CaseReader.everything()));
                            assertThat(next.total()).as(filter).isEqualTo(expected.size());
                            paged.addAll(ids(next));
                        }
                        assertThat(paged).as("pages of three, " + filter).isEqualTo(ids(all));
                    }
                }
            }
        }
    }

    @Test
    void aCaseBecomesOverdueAsTheClockMovesOnWithoutANewEvent() {
        Instant reportedAt = START;
        given(reported("D1", "C1", reportedAt), reported("D2", "C2", reportedAt.plus(DAY)));

        clock.set(reportedAt.plus(Duration.ofDays(3)));
        assertThat(view("D1").overdue()).as("exactly three days is not more than three").isFalse();
        clock.set(reportedAt.plus(Duration.ofDays(3)).plusSeconds(1));
        assertThat(view("D1").overdue()).as("unassigned for more than three days").isTrue();
        assertThat(ids(queue(null, null, true))).containsExactly("D1");
        assertThat(ids(queue(null, null, false))).containsExactly("D2");
        assertThat(queue(null, null, null).items()).extracting(DisputeSummary::overdue).containsExactly(true, false);

        Instant assignedAt = clock.instant();
        given(new MediatorAssigned("D1", "M1", Level.COMPOUND),
              step("D1", StepKind.HOME_VISIT, "走访", reportedAt.plus(DAY), "M1"));
        assertThat(view("D1").overdue()).as("a mediator holds it now").isFalse();
        assertThat(view("D1").dueBy()).isEqualTo(assignedAt.plus(Duration.ofDays(30)));

        clock.set(assignedAt.plus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(view("D1").overdue()).as("unresolved thirty days after the assignment").isTrue();
        assertThat(ids(queue("M1", null, true))).containsExactly("D1");
        assertThat(ids(queue(null, Status.IN_MEDIATION, true))).containsExactly("D1");

        given(new DisputeResolved("D1", Level.COMPOUND, "M1", "协议", reportedAt.plus(DAY.multipliedBy(2))));
        assertThat(view("D1").overdue()).isFalse();
        assertThat(ids(queue(null, null, true))).containsExactly("D2");
    }

    @Test
    void theOverdueThresholdsAreConfigurable() {
        projection = new CaseViewProjection(jdbc, new Generations(jdbc),
                                            new OverdueProperties(Duration.ofHours(12), Duration.ofDays(7)), clock);
        harness = new ProjectionHarness(projection, START);
        given(reported("D1", "C1", START));

        clock.set(START.plus(Duration.ofHours(13)));
        assertThat(view("D1").overdue()).isTrue();
        given(new MediatorAssigned("D1", "M1", Level.COMPOUND));
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(view("D1").overdue()).isTrue();
    }

    @Test
    void overdueAsOfAnInstantIsJudgedAtThatInstant() {
        given(reported("D1", "C1", START));
        Instant assigned = clock.instant();
        given(new MediatorAssigned("D1", "M1", Level.COMPOUND));
        clock.advance(Duration.ofDays(100));

        Instant fourDaysIn = START.plus(Duration.ofDays(4));
        assertThat(view("D1", CaseReader.everything(), assigned.minusMillis(1)).overdue()).isFalse();
        assertThat(view("D1", CaseReader.everything(), assigned.minusMillis(1)).status()).isEqualTo(Status.REPORTED);
        assertThat(view("D1", CaseReader.everything(), assigned).status()).isEqualTo(Status.ASSIGNED);
        assertThat(view("D1", CaseReader.everything(), fourDaysIn).overdue()).isFalse();
        assertThat(view("D1").overdue()).isTrue();
        assertThat(projection.handle(new ListDisputes(null, null, true, 0, 50, fourDaysIn, CaseReader.everything()))
                             .items()).isEmpty();
        assertThat(projection.handle(new FindDisputeCase("D1", START.minusSeconds(1), CaseReader.everything())))
                .as("before it was reported").isEmpty();
    }

    @Test
    void aMediatorReadsAndListsOnlyTheirOwnCases() {
        given(reported("MINE", "C1", START), reported("THEIRS", "C1", START),
              new MediatorAssigned("MINE", "M1", Level.COMPOUND), new MediatorAssigned("THEIRS", "M2", Level.COMPOUND));

        CaseReader m1 = CaseReader.mediator("M1");
        assertThat(view("MINE", m1, null).parties()).extracting(CaseParty::name).contains("王小明");
        assertThatThrownBy(() -> view("THEIRS", m1, null)).isInstanceOf(Forbidden.class)
                .hasMessageContaining("mediator M1 does not hold and has not held dispute THEIRS");
        assertThat(ids(projection.handle(new ListDisputes(null, null, null, 0, 50, null, m1)))).containsExactly("MINE");
        assertThat(ids(projection.handle(new ListDisputes("M1", null, null, 0, 50, null, m1)))).containsExactly("MINE");
        assertThatThrownBy(() -> projection.handle(new ListDisputes("M2", null, null, 0, 50, null, m1)))
                .isInstanceOf(Forbidden.class).hasMessageContaining("mediator M1 may list only their own cases");
        assertThatThrownBy(() -> projection.handle(new ListDisputes(null, null, null, 0, 50, null,
                                                                    CaseReader.mediator(null))))
                .isInstanceOf(Forbidden.class).hasMessageContaining("no mediator id");
        assertThat(ids(projection.handle(new ListDisputes("M2", null, null, 0, 50, null, CaseReader.analyst()))))
                .containsExactly("THEIRS");
    }

    @Test
    void anAnalystReadsEveryCaseWithNamesMaskedAndFreeTextsWithheld() {
        given(reported("D1", "C1", START), new MediatorAssigned("D1", "M1", Level.COMPOUND),
              step("D1", StepKind.HOME_VISIT, "走访李大华", START, "M1"),
              new DisputeResolved("D1", Level.COMPOUND, "M1", "李大华赔偿", START.plus(DAY)));

        DisputeCase masked = view("D1", CaseReader.analyst(), null);
        assertThat(masked.parties()).extracting(CaseParty::name).containsExactly("王**", "李**", "幸*****");
        assertThat(masked.summary()).isEqualTo(CaseViewQueries.WITHHELD);
        assertThat(masked.steps()).extracting(Step::note).containsExactly(CaseViewQueries.WITHHELD);
        assertThat(masked.resolution().agreementSummary()).isEqualTo(CaseViewQueries.WITHHELD);
        assertThat(masked.steps()).extracting(Step::kind).containsExactly(StepKind.HOME_VISIT);
        assertThat(masked.status()).isEqualTo(Status.RESOLVED);

        DisputeCase full = view("D1", new CaseReader(true, true, null), null);
        assertThat(full.parties()).extracting(CaseParty::name).containsExactly("王小明", "李大华", "幸福物业公司");
        assertThat(full.resolution().agreementSummary()).isEqualTo("李大华赔偿");
    }
}
