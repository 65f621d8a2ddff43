package org.jinlin.command.dispute;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.kernel.dispute.DisputeCommands.AssignMediator;
import org.jinlin.kernel.dispute.DisputeCommands.EscalateDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ReclassifyDispute;
import org.jinlin.kernel.dispute.DisputeCommands.RecordFollowUp;
import org.jinlin.kernel.dispute.DisputeCommands.RecordMediationStep;
import org.jinlin.kernel.dispute.DisputeCommands.ReferDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ReopenDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ResolveDispute;
import org.jinlin.kernel.dispute.DisputeCommands.WithdrawDispute;
import org.jinlin.kernel.dispute.DisputeEscalated;
import org.jinlin.kernel.dispute.DisputeReclassified;
import org.jinlin.kernel.dispute.DisputeReferredOut;
import org.jinlin.kernel.dispute.DisputeReopened;
import org.jinlin.kernel.dispute.DisputeResolved;
import org.jinlin.kernel.dispute.DisputeWithdrawn;
import org.jinlin.kernel.dispute.FollowUpRecorded;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.MediationStepRecorded;
import org.jinlin.kernel.dispute.MediatorAssigned;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Status;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.jinlin.command.dispute.Cast.COORDINATOR;
import static org.jinlin.command.dispute.Cast.DISPUTE;
import static org.jinlin.command.dispute.Cast.day;
import static org.jinlin.command.dispute.Cast.mediator;
import static org.jinlin.command.dispute.Cast.reportedInCompound;

/**
 * Every command against every state of DOMAIN.md's life cycle, sent by someone who may send it: what the table
 * allows appends exactly the expected event, everything else is a 409 that names the state and appends nothing.
 * Each state is reached by more than one history (after an escalation, after a reopening), since a state must
 * behave the same however the case got there.
 */
class DisputeStateMachineTest {

    /** Which command each state accepts. Read a row as "this command is accepted in these states". */
    private static final String TABLE = """
            command      REPORTED  ASSIGNED  IN_MEDIATION  RESOLVED  REFERRED_OUT  WITHDRAWN
            RECLASSIFY   yes       yes       yes           no        no            no
            ASSIGN       yes       no        no            no        no            no
            RECORD_STEP  no        yes       yes           no        no            no
            ESCALATE     yes       yes       yes           no        no            no
            RESOLVE      no        no        yes           no        no            no
            REFER        yes       yes       yes           no        no            no
            WITHDRAW     yes       yes       yes           no        no            no
            REOPEN       no        no        no            yes       no            no
            FOLLOW_UP    no        no        no            yes       no            no
            """;

    /** A way the case reached a state: its events, and the level and mediator it then has. */
    enum History {
        REPORTED(Status.REPORTED, Level.COMPOUND, null),
        ASSIGNED(Status.ASSIGNED, Level.COMPOUND, "M-1",
                 new MediatorAssigned(DISPUTE, "M-1", Level.COMPOUND)),
        IN_MEDIATION(Status.IN_MEDIATION, Level.COMPOUND, "M-1",
                     new MediatorAssigned(DISPUTE, "M-1", Level.COMPOUND), step(Level.COMPOUND)),
        RESOLVED(Status.RESOLVED, Level.COMPOUND, "M-1",
                 new MediatorAssigned(DISPUTE, "M-1", Level.COMPOUND), step(Level.COMPOUND),
                 resolved(Level.COMPOUND)),
        REFERRED_OUT(Status.REFERRED_OUT, Level.COMPOUND, "M-1",
                     new MediatorAssigned(DISPUTE, "M-1", Level.COMPOUND), step(Level.COMPOUND),
                     new DisputeReferredOut(DISPUTE, Level.COMPOUND, ReferralTarget.COURT, "需诉讼")),
        REFERRED_OUT_BEFORE_ASSIGNMENT(Status.REFERRED_OUT, Level.COMPOUND, null,
                                       new DisputeReferredOut(DISPUTE, Level.COMPOUND, ReferralTarget.PUBLIC_SECURITY,
                                                              "涉嫌违法")),
        WITHDRAWN(Status.WITHDRAWN, Level.COMPOUND, "M-1",
                  new MediatorAssigned(DISPUTE, "M-1", Level.COMPOUND), step(Level.COMPOUND),
                  new DisputeWithdrawn(DISPUTE, Level.COMPOUND, "当事人自行和解")),
        REPORTED_AFTER_ESCALATION(Status.REPORTED, Level.TOWNSHIP, null,
                                  new MediatorAssigned(DISPUTE, "M-1", Level.COMPOUND), step(Level.COMPOUND),
                                  new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.TOWNSHIP, "调解不成", "M-1")),
        IN_MEDIATION_AFTER_ESCALATION(Status.IN_MEDIATION, Level.TOWNSHIP, "M-1",
                                      new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.TOWNSHIP, "涉及多方", null),
                                      new MediatorAssigned(DISPUTE, "M-1", Level.TOWNSHIP), step(Level.TOWNSHIP)),
        RESOLVED_AFTER_ESCALATION(Status.RESOLVED, Level.TOWNSHIP, "M-1",
                                  new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.TOWNSHIP, "涉及多方", null),
                                  new MediatorAssigned(DISPUTE, "M-1", Level.TOWNSHIP), step(Level.TOWNSHIP),
                                  resolved(Level.TOWNSHIP)),
        ASSIGNED_AFTER_REOPENING(Status.ASSIGNED, Level.COMPOUND, "M-1",
                                 new MediatorAssigned(DISPUTE, "M-1", Level.COMPOUND), step(Level.COMPOUND),
                                 resolved(Level.COMPOUND),
                                 new FollowUpRecorded(DISPUTE, "协议未履行", false, day(5), "M-1"),
                                 new DisputeReopened(DISPUTE, Level.COMPOUND, "M-1", "协议未履行")),
        RESOLVED_AGAIN_AFTER_REOPENING(Status.RESOLVED, Level.COMPOUND, "M-1",
                                       new MediatorAssigned(DISPUTE, "M-1", Level.COMPOUND), step(Level.COMPOUND),
                                       resolved(Level.COMPOUND),
                                       new DisputeReopened(DISPUTE, Level.COMPOUND, "M-1", "协议未履行"),
                                       step(Level.COMPOUND), resolved(Level.COMPOUND));

        final Status status;
        final Level level;
        final String mediator;
        final List<Object> events;

        History(Status status, Level level, String mediator, Object... after) {
            this.status = status;
            this.level = level;
            this.mediator = mediator;
            List<Object> all = new ArrayList<>();
            all.add(reportedInCompound());
            all.addAll(Arrays.asList(after));
            this.events = List.copyOf(all);
        }
    }

    /**
     * Each command as a user entitled to it sends it (the assigned mediator M-1 for steps, resolutions and
     * follow-ups, a coordinator otherwise), and the event it appends in a history that allows it.
     */
    enum Action {
        RECLASSIFY(new ReclassifyDispute(DISPUTE, Scale.BIG, "涉及人数多", null), COORDINATOR,
                   h -> new DisputeReclassified(DISPUTE, Scale.SMALL, Scale.BIG, "涉及人数多")),
        ASSIGN(new AssignMediator(DISPUTE, "M-1", null), COORDINATOR,
               h -> new MediatorAssigned(DISPUTE, "M-1", h.level)),
        RECORD_STEP(new RecordMediationStep(DISPUTE, StepKind.HOME_VISIT, "入户走访", day(3), null), mediator("M-1"),
                    h -> new MediationStepRecorded(DISPUTE, StepKind.HOME_VISIT, "入户走访", day(3), "M-1", h.level,
                                                   null, Venue.PARTY_HOME, null)),
        ESCALATE(new EscalateDispute(DISPUTE, Level.COUNTY, "跨区域", null), COORDINATOR,
                 h -> new DisputeEscalated(DISPUTE, h.level, Level.COUNTY, "跨区域", h.mediator)),
        RESOLVE(new ResolveDispute(DISPUTE, "双方达成协议", day(4), null), mediator("M-1"),
                h -> new DisputeResolved(DISPUTE, h.level, "M-1", "双方达成协议", day(4))),
        REFER(new ReferDispute(DISPUTE, ReferralTarget.COURT, "一方拒绝调解", null), COORDINATOR,
              h -> new DisputeReferredOut(DISPUTE, h.level, ReferralTarget.COURT, "一方拒绝调解")),
        WITHDRAW(new WithdrawDispute(DISPUTE, "申请人撤回", null), COORDINATOR,
                 h -> new DisputeWithdrawn(DISPUTE, h.level, "申请人撤回")),
        REOPEN(new ReopenDispute(DISPUTE, "协议未履行", null), COORDINATOR,
               h -> new DisputeReopened(DISPUTE, h.level, "M-1", "协议未履行")),
        FOLLOW_UP(new RecordFollowUp(DISPUTE, "回访：已履行", true, day(8), null), mediator("M-1"),
                  h -> new FollowUpRecorded(DISPUTE, "回访：已履行", true, day(8), "M-1"));

        final Object command;
        final Map<String, Object> sender;
        final Function<History, Object> expected;

        Action(Object command, Map<String, Object> sender, Function<History, Object> expected) {
            this.command = command;
            this.sender = sender;
            this.expected = expected;
        }
    }

    private static final Map<Action, Set<Status>> ALLOWED = parse(TABLE);

    static Stream<Arguments> everyCommandInEveryState() {
        return Arrays.stream(Action.values())
                     .flatMap(action -> Arrays.stream(History.values()).map(history -> Arguments.of(action, history)));
    }

    @ParameterizedTest(name = "{0} when {1}")
    @MethodSource("everyCommandInEveryState")
    void theLifeCycleAllowsWhatTheTableSaysAndRefusesEverythingElse(Action action, History history) {
        AggregateTestFixture<Dispute> fixture = new AggregateTestFixture<>(Dispute.class);
        fixture.registerInjectableResource(new Cast.Lookups());
        fixture.registerInjectableResource(Cast.CLOCK);

        var result = fixture.given(history.events).when(action.command, action.sender);

        if (ALLOWED.get(action).contains(history.status)) {
            result.expectSuccessfulHandlerExecution().expectEvents(action.expected.apply(history));
        } else {
            result.expectException(RuleViolation.class)
                  .expectExceptionMessage(startsWith("dispute D-1 is " + history.status + "; "))
                  .expectNoEvents();
        }
    }

    @Test
    void theTableCoversEveryCommandAndEveryState() {
        assertThat(ALLOWED).containsOnlyKeys(Action.values());
        assertThat(EnumSet.copyOf(Arrays.stream(History.values()).map(h -> h.status).toList()))
                .containsExactlyInAnyOrder(Status.values());
    }

    private static MediationStepRecorded step(Level level) {
        return new MediationStepRecorded(DISPUTE, StepKind.INTAKE, "受理", day(1), "M-1", level,
                                         null, Venue.NOT_RECORDED, null);
    }

    private static DisputeResolved resolved(Level level) {
        return new DisputeResolved(DISPUTE, level, "M-1", "达成协议", day(2));
    }

    private static Map<Action, Set<Status>> parse(String table) {
        List<String> rows = table.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String[] header = rows.get(0).split("\\s+");
        Map<Action, Set<Status>> allowed = new EnumMap<>(Action.class);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split("\\s+");
            Set<Status> states = EnumSet.noneOf(Status.class);
            for (int column = 1; column < header.length; column++) {
                if (cells[column].equals("yes")) {
                    states.add(Status.valueOf(header[column]));
                }
            }
            allowed.put(Action.valueOf(cells[0]), states);
        }
        return allowed;
    }
}
