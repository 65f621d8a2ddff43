package org.jinlin.query;

import org.jinlin.kernel.Forbidden;
import org.jinlin.kernel.caseview.CaseViewQueries.CaseReader;
import org.jinlin.kernel.caseview.CaseViewQueries.FindDisputeCase;
import org.jinlin.kernel.caseview.CaseViewQueries.ListDisputes;
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
import org.jinlin.kernel.dispute.Status;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.jinlin.kernel.resolution.ResolutionQueries.FindResolutionStats;
import org.jinlin.query.caseview.CaseViewProjection;
import org.jinlin.query.caseview.OverdueProperties;
import org.jinlin.query.readmodel.Generations;
import org.jinlin.query.resolution.ResolutionStatsProjection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolution statistics and the case views "as of" an instant equal the same read models rebuilt from only the
 * events recorded up to that instant, at several instants (between events and exactly at an event's time) over a
 * random but valid history of disputes: reports, assignments, steps, escalations, reclassifications, resolutions,
 * follow-ups, reopenings, referrals and withdrawals spread over several months. A case view's overdue flag as of an
 * instant is judged at that instant, as the rebuilt one is judged by a clock standing there.
 */
@JdbcTest
class DisputeAsOfEquivalenceTest {

    private static final List<String> COMMUNITIES = List.of("350802001001", "350881002003", "350102001004");
    private static final List<String> MEDIATORS = List.of("M0", "M1", "M2", "M3");

    @Autowired
    JdbcTemplate jdbc;

    private record Timed(Object event, Instant at) {
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 17, 29})
    void asOfAnswersEqualARebuildFromTheEventsRecordedUpToThatInstant(long seed) {
        List<Timed> history = history(new Random(seed), 260);
        MovableClock clock = new MovableClock(history.get(history.size() - 1).at());
        ResolutionStatsProjection stats = new ResolutionStatsProjection(jdbc, new Generations(jdbc));
        CaseViewProjection cases = new CaseViewProjection(jdbc, new Generations(jdbc),
                                                          new OverdueProperties(Duration.ofDays(3), Duration.ofDays(30)),
                                                          clock);
        feed(history, stats, cases);
        assertThat(history).as("the history exercises every rule").extracting(t -> (Object) t.event().getClass())
                           .contains(DisputeReopened.class, DisputeReferredOut.class, DisputeWithdrawn.class,
                                     DisputeEscalated.class, DisputeReclassified.class, FollowUpRecorded.class,
                                     DisputeResolved.class);
        List<String> disputeIds = history.stream().filter(t -> t.event() instanceof DisputeReported)
                                         .map(t -> ((DisputeReported) t.event()).disputeId()).toList();

        List<Instant> instants = List.of(history.get(0).at().minusSeconds(1), history.get(30).at(),
                                         history.get(90).at().plusMillis(500), history.get(170).at(),
                                         history.get(history.size() - 1).at().plus(Duration.ofDays(40)));
        Map<Instant, List<Object>> asOf = new LinkedHashMap<>();
        for (Instant at : instants) {
            asOf.put(at, answers(stats, cases, disputeIds, at));
        }
        assertThat((List<?>) asOf.get(instants.get(3)).get(0)).as("something was counted by then").isNotEmpty();

        for (Instant at : instants) {
            stats.beginRebuild();
            cases.beginRebuild();
            feed(history.stream().filter(t -> !t.at().isAfter(at)).toList(), stats, cases);
            stats.completeRebuild();
            cases.completeRebuild();
            clock.set(at);
            assertThat(answers(stats, cases, disputeIds, null)).as("as of " + at).isEqualTo(asOf.get(at));
        }
    }

    private static void feed(List<Timed> events, Object... projections) {
        for (Object projection : projections) {
            ProjectionHarness harness = new ProjectionHarness(projection, Instant.EPOCH);
            for (Timed timed : events) {
                harness.at(timed.at()).given(timed.event());
            }
        }
    }

    private static List<Object> answers(ResolutionStatsProjection stats, CaseViewProjection cases,
                                        List<String> disputeIds, Instant at) {
        List<Object> answers = new ArrayList<>();
        for (String grouping : List.of("compound", "community", "county", "city")) {
            answers.add(stats.handle(FindResolutionStats.of(grouping, null, null, null, at)));
            answers.add(stats.handle(FindResolutionStats.of(grouping, "2023-11", "2023-12", null, at)));
            answers.add(stats.handle(FindResolutionStats.of(grouping, "2024-01", null, "350800", at)));
        }
        for (String id : disputeIds) {
            answers.add(cases.handle(new FindDisputeCase(id, at, CaseReader.everything())));
            answers.add(answerOrRefusal(() -> cases.handle(new FindDisputeCase(id, at, CaseReader.mediator("M1")))));
            answers.add(cases.handle(new FindDisputeCase(id, at, CaseReader.analyst())));
        }
        for (Boolean overdue : new Boolean[]{null, true, false}) {
            answers.add(cases.handle(new ListDisputes(null, null, overdue, 0, 500, at, CaseReader.everything())));
            answers.add(cases.handle(new ListDisputes(null, null, overdue, 0, 500, at, CaseReader.mediator("M2"))));
        }
        for (Status status : Status.values()) {
            answers.add(cases.handle(new ListDisputes(null, status, null, 1, 3, at, CaseReader.everything())));
        }
        return answers;
    }

    private static Object answerOrRefusal(Supplier<Object> answer) {
        try {
            return answer.get();
        } catch (Forbidden refused) {
            return refused.getMessage();
        }
    }

    /** One dispute as the command side would hold it, to emit only transitions it would accept. */
    private static final class Case {
        final String id;
        final Instant reportedAt;
        Status status = Status.REPORTED;
        Level level;
        Scale scale;
        String mediator;
        Instant resolvedAt;

        Case(String id, Level level, Scale scale, Instant reportedAt) {
            this.id = id;
            this.level = level;
            this.scale = scale;
            this.reportedAt = reportedAt;
        }
    }

    /** A valid history over about five months, with increasing timestamps and business dates before them. */
    private static List<Timed> history(Random random, int length) {
        List<Timed> events = new ArrayList<>();
        Instant now = Instant.parse("2023-10-20T00:00:00Z");
        for (String community : COMMUNITIES) {
            events.add(new Timed(new CommunityRegistered(community, "社区" + community.substring(9), CommunityKind.URBAN,
                                                         "街道", 5000), now));
            now = now.plusSeconds(1);
            events.add(new Timed(new CompoundAdded(community, "C1", "一号小区"), now));
            now = now.plusSeconds(1);
        }
        List<Case> cases = new ArrayList<>();
        while (events.size() < length) {
            now = now.plus(Duration.ofMinutes(30 + random.nextInt(60 * 24)));
            List<Case> open = cases.stream().filter(c -> c.status != Status.REFERRED_OUT
                                                         && c.status != Status.WITHDRAWN).toList();
            Object event;
            if (open.isEmpty() || random.nextInt(100) < 18) {
                String community = COMMUNITIES.get(random.nextInt(COMMUNITIES.size()));
                String compound = random.nextBoolean() ? "C1" : null;
                Case c = new Case("D" + cases.size(), Level.startingLevel(compound),
                                  random.nextBoolean() ? Scale.SMALL : Scale.BIG,
                                  now.minus(Duration.ofHours(random.nextInt(24 * 5))));
                cases.add(c);
                event = new DisputeReported(c.id, community, compound, c.level, Category.NEIGHBOUR, c.scale,
                                            Source.values()[random.nextInt(Source.values().length)],
                                            List.of(new Party("当事人" + c.id, PartyRole.APPLICANT)), "纠纷" + c.id,
                                            c.reportedAt);
            } else {
                event = next(open.get(random.nextInt(open.size())), random, now);
            }
            if (event != null) {
                events.add(new Timed(event, now));
            }
        }
        return events;
    }

    private static Object next(Case c, Random random, Instant now) {
        int dice = random.nextInt(100);
        boolean isOpen = c.status.isOpen();
        if (c.status == Status.RESOLVED) {
            if (dice < 40) {
                c.status = Status.ASSIGNED;
                c.resolvedAt = null;
                return new DisputeReopened(c.id, c.level, c.mediator, "协议未履行");
            }
            return dice < 70 ? new FollowUpRecorded(c.id, "回访", random.nextBoolean(), now, c.mediator) : null;
        }
        if (isOpen && dice < 6) {
            c.status = Status.REFERRED_OUT;
            return new DisputeReferredOut(c.id, c.level, ReferralTarget.COURT, "诉讼");
        }
        if (isOpen && dice < 11) {
            c.status = Status.WITHDRAWN;
            return new DisputeWithdrawn(c.id, c.level, "撤回");
        }
        if (isOpen && dice < 18) {
            Scale other = c.scale == Scale.SMALL ? Scale.BIG : Scale.SMALL;
            DisputeReclassified reclassified = new DisputeReclassified(c.id, c.scale, other, "重新判断");
            c.scale = other;
            return reclassified;
        }
        if (isOpen && dice < 28 && c.level != Level.COUNTY) {
            Level from = c.level;
            String released = c.mediator;
            c.level = Level.values()[c.level.ordinal() + 1];
            c.mediator = null;
            c.status = Status.REPORTED;
            return new DisputeEscalated(c.id, from, c.level, "上报", released);
        }
        if (c.status == Status.REPORTED) {
            c.mediator = MEDIATORS.get(random.nextInt(MEDIATORS.size()));
            c.status = Status.ASSIGNED;
            return new MediatorAssigned(c.id, c.mediator, c.level);
        }
        if (c.status == Status.IN_MEDIATION && dice < 70) {
            c.status = Status.RESOLVED;
            c.resolvedAt = now.minus(Duration.ofHours(random.nextInt(12)));
            if (c.resolvedAt.isBefore(c.reportedAt)) {
                c.resolvedAt = c.reportedAt;
            }
            return new DisputeResolved(c.id, c.level, c.mediator, "协议", c.resolvedAt);
        }
        if (isOpen) {
            c.status = Status.IN_MEDIATION;
            Instant occurredAt = now.minus(Duration.ofHours(random.nextInt(48)));
            return new MediationStepRecorded(c.id, StepKind.values()[random.nextInt(StepKind.values().length)],
                                             "记录", occurredAt.isBefore(c.reportedAt) ? c.reportedAt : occurredAt,
                                             c.mediator, c.level, null, Venue.NOT_RECORDED, null);
        }
        return null;
    }
}
