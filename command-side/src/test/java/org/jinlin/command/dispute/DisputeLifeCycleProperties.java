package org.jinlin.command.dispute;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jinlin.command.registry.AppointmentRegistry;
import org.jinlin.command.registry.CommunityRegistry;
import org.jinlin.command.registry.CompoundRegistry;
import org.jinlin.command.registry.MediatorRegistry;
import org.jinlin.kernel.Forbidden;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.DisputeCommands.AssignMediator;
import org.jinlin.kernel.dispute.DisputeCommands.EscalateDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ReclassifyDispute;
import org.jinlin.kernel.dispute.DisputeCommands.RecordFollowUp;
import org.jinlin.kernel.dispute.DisputeCommands.RecordMediationStep;
import org.jinlin.kernel.dispute.DisputeCommands.ReferDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ReopenDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ReportDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ResolveDispute;
import org.jinlin.kernel.dispute.DisputeCommands.WithdrawDispute;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.Status;
import org.jinlin.kernel.dispute.StepKind;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.command.dispute.Cast.COORDINATOR;
import static org.jinlin.command.dispute.Cast.EAST;
import static org.jinlin.command.dispute.Cast.PARTIES;
import static org.jinlin.command.dispute.Cast.REPORTED_AT;
import static org.jinlin.command.dispute.Cast.day;
import static org.jinlin.command.dispute.Cast.mediator;

/**
 * Random sequences of dispute commands, sent by random users, run against the real aggregate (through an Axon
 * command bus and an event-sourcing repository, so every command reloads the case from its events) and against a
 * tiny reference model of DOMAIN.md's life cycle. Both must agree, command by command, on accepted / refused (409)
 * / forbidden (403), on the number of events appended (one or none), and on the resulting status and level.
 */
class DisputeLifeCycleProperties {

    enum Kind { RECLASSIFY, ASSIGN, RECORD_STEP, ESCALATE, RESOLVE, REFER, WITHDRAW, REOPEN, FOLLOW_UP }

    enum Outcome { ACCEPTED, REFUSED, FORBIDDEN }

    /** Who acts: a coordinator, or a mediator user (M-1, M-2 appointed to EAST; M-3 registered only; M-9 unknown). */
    private static final List<String> ACTORS = List.of("COORDINATOR", "M-1", "M-2", "M-3", "M-9");
    private static final Set<String> APPOINTED_TO_EAST = Set.of("M-1", "M-2");
    private static final Set<String> REGISTERED = Set.of("M-1", "M-2", "M-3", "M-4");

    private static final Cast.Lookups LOOKUPS = new Cast.Lookups();
    /** A plain Axon set-up without Spring; its modules are not located, so it never looks for an Axon Server. */
    private static final Configuration AXON = DefaultConfigurer.defaultConfiguration(false)
            .configureSerializer(c -> JacksonSerializer.defaultSerializer())
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(Dispute.class)
            .registerComponent(Clock.class, c -> Cast.CLOCK)
            .registerComponent(CommunityRegistry.class, c -> LOOKUPS)
            .registerComponent(CompoundRegistry.class, c -> LOOKUPS)
            .registerComponent(MediatorRegistry.class, c -> LOOKUPS)
            .registerComponent(AppointmentRegistry.class, c -> LOOKUPS)
            .start();
    private static final AtomicInteger NEXT_ID = new AtomicInteger();

    /** One command of a sequence: what, by whom, and its argument where it takes one. */
    record Move(Kind kind, String actor, String mediatorId, Level toLevel, Scale scale) {

        @Override
        public String toString() {
            String argument = switch (kind) {
                case ASSIGN -> " " + mediatorId;
                case ESCALATE -> " to " + toLevel;
                case RECLASSIFY -> " as " + scale;
                default -> "";
            };
            return kind + argument + " by " + actor;
        }
    }

    @Property(tries = 400)
    void theAggregateAgreesWithTheReferenceModelOnEveryCommand(@ForAll boolean inACompound,
                                                              @ForAll("moves") List<Move> moves) {
        String id = "P-" + NEXT_ID.incrementAndGet();
        send(new ReportDispute(id, EAST, inACompound ? Cast.COMPOUND : null, Category.NEIGHBOUR, Scale.SMALL,
                               Source.PARTY_APPLICATION, PARTIES, "纠纷", REPORTED_AT), mediator("M-1"));
        Model model = new Model(inACompound ? Level.COMPOUND : Level.COMMUNITY);
        List<String> history = new ArrayList<>();
        long events = 1;

        for (Move move : moves) {
            Outcome expected = model.apply(move);
            Outcome actual = send(command(id, move), move.actor().equals("COORDINATOR") ? COORDINATOR
                                                                                         : mediator(move.actor()));
            history.add(move + " → " + actual);
            assertThat(actual).as("after %s", history).isEqualTo(expected);
            events += expected == Outcome.ACCEPTED ? 1 : 0;
            assertThat(storedEvents(id)).as("events after %s", history).isEqualTo(events);
            assertThat(state(id)).as("state after %s", history).isEqualTo(model.status + " at " + model.level);
        }
        Statistics.label("final status").collect(model.status);
        Statistics.label("reached").collect(model.resolvedAfterEscalation ? "resolved after an escalation" : "-");
        Statistics.label("reopened").collect(model.reopened);
    }

    @Property(tries = 400)
    void theGeneratedSequencesReachEveryStateAndEveryPath(@ForAll boolean inACompound,
                                                         @ForAll("moves") List<Move> moves) {
        Model model = new Model(inACompound ? Level.COMPOUND : Level.COMMUNITY);
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        for (Move move : moves) {
            outcomes.add(model.apply(move));
        }
        // Guards the generator rather than the aggregate: a sequence that never gets far says little. The thresholds
        // are a fraction of what is usually reached, so that a run with another seed does not fail by chance.
        for (Status status : Status.values()) {
            Statistics.label("reached " + status).collect(model.reached.contains(status))
                      .coverage(coverage -> coverage.check(true).percentage(p -> p >= 3.0));
        }
        Statistics.label("resolved after an escalation").collect(model.resolvedAfterEscalation)
                  .coverage(coverage -> coverage.check(true).percentage(p -> p >= 1.0));
        Statistics.label("reopened").collect(model.reopened)
                  .coverage(coverage -> coverage.check(true).percentage(p -> p >= 2.0));
        Statistics.label("some command forbidden").collect(outcomes.contains(Outcome.FORBIDDEN))
                  .coverage(coverage -> coverage.check(true).percentage(p -> p >= 20.0));
        Statistics.label("some command refused").collect(outcomes.contains(Outcome.REFUSED))
                  .coverage(coverage -> coverage.check(true).percentage(p -> p >= 20.0));
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        // Steps and assignments are drawn more often than the commands that end a case, and each command is
        // mostly sent by someone entitled to it, so that sequences get far into a case; the rest of the time
        // anyone sends it, so refusals and ownership checks are exercised all along.
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(3, Kind.RECLASSIFY), Tuple.of(10, Kind.ASSIGN), Tuple.of(12, Kind.RECORD_STEP),
                Tuple.of(4, Kind.ESCALATE), Tuple.of(8, Kind.RESOLVE), Tuple.of(1, Kind.REFER),
                Tuple.of(1, Kind.WITHDRAW), Tuple.of(5, Kind.REOPEN), Tuple.of(3, Kind.FOLLOW_UP));
        Arbitrary<String> anyone = Arbitraries.of(ACTORS);
        Arbitrary<String> coordinators = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("COORDINATOR")),
                                                                 Tuple.of(1, anyone));
        // M-1 usually holds the case; M-3 may hold it above community level.
        Arbitrary<String> mediators = Arbitraries.frequency(Tuple.of(8, "M-1"), Tuple.of(1, "M-2"),
                                                            Tuple.of(2, "M-3"), Tuple.of(1, "M-9"),
                                                            Tuple.of(1, "COORDINATOR"));
        Arbitrary<String> assignees = Arbitraries.frequency(Tuple.of(8, "M-1"), Tuple.of(1, "M-2"),
                                                            Tuple.of(2, "M-3"), Tuple.of(1, "M-9"));
        Arbitrary<Move> move = kinds.flatMap(kind -> {
            Arbitrary<String> senders = switch (kind) {
                case ASSIGN, ESCALATE, REFER, REOPEN -> coordinators;
                case RECORD_STEP, RESOLVE -> mediators;
                default -> anyone;
            };
            return Combinators.combine(senders, assignees, Arbitraries.of(Level.class), Arbitraries.of(Scale.class))
                              .as((sender, assignee, level, scale) -> new Move(kind, sender, assignee, level, scale));
        });
        return move.list().ofMinSize(5).ofMaxSize(40);
    }

    private static Object command(String id, Move move) {
        return switch (move.kind()) {
            case RECLASSIFY -> new ReclassifyDispute(id, move.scale(), "重新定性", null);
            case ASSIGN -> new AssignMediator(id, move.mediatorId(), null);
            case RECORD_STEP -> new RecordMediationStep(id, StepKind.HOME_VISIT, "走访", day(3), null);
            case ESCALATE -> new EscalateDispute(id, move.toLevel(), "上报", null);
            case RESOLVE -> new ResolveDispute(id, "达成协议", day(4), null);
            case REFER -> new ReferDispute(id, ReferralTarget.COURT, "诉讼", null);
            case WITHDRAW -> new WithdrawDispute(id, "撤回", null);
            case REOPEN -> new ReopenDispute(id, "协议未履行", null);
            case FOLLOW_UP -> new RecordFollowUp(id, "回访", true, day(8), null);
        };
    }

    private static Outcome send(Object command, Map<String, Object> sender) {
        try {
            AXON.commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(sender));
            return Outcome.ACCEPTED;
        } catch (RuleViolation refused) {
            return Outcome.REFUSED;
        } catch (Forbidden forbidden) {
            return Outcome.FORBIDDEN;
        }
    }

    private static long storedEvents(String id) {
        return AXON.eventStore().readEvents(id).asStream().count();
    }

    private static String state(String id) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<Dispute> dispute = AXON.repository(Dispute.class).load(id);
            return dispute.invoke(Dispute::status) + " at " + dispute.invoke(Dispute::level);
        } finally {
            unitOfWork.rollback();
        }
    }

    /**
     * DOMAIN.md's life cycle and who may act, written as plainly as possible. Like the aggregate it checks the state
     * first (refused), then who acts (forbidden), then the request's facts (refused).
     */
    static final class Model {

        Status status = Status.REPORTED;
        Level level;
        Scale scale = Scale.SMALL;
        String holder;
        boolean escalated;
        boolean resolvedAfterEscalation;
        boolean reopened;
        final Set<Status> reached = EnumSet.of(Status.REPORTED);

        Model(Level startingLevel) {
            level = startingLevel;
        }

        Outcome apply(Move move) {
            Outcome outcome = decide(move);
            reached.add(status);
            return outcome;
        }

        private Outcome decide(Move move) {
            boolean open = status == Status.REPORTED || status == Status.ASSIGNED || status == Status.IN_MEDIATION;
            boolean coordinator = move.actor().equals("COORDINATOR");
            boolean holderActs = move.actor().equals(holder);
            switch (move.kind()) {
                case RECLASSIFY:
                    if (!open) {
                        return Outcome.REFUSED;
                    }
                    if (!holderActs && !coordinator) {
                        return Outcome.FORBIDDEN;
                    }
                    if (move.scale() == scale) {
                        return Outcome.REFUSED;
                    }
                    scale = move.scale();
                    return Outcome.ACCEPTED;
                case ASSIGN:
                    if (status != Status.REPORTED) {
                        return Outcome.REFUSED;
                    }
                    if (!coordinator) {
                        return Outcome.FORBIDDEN;
                    }
                    boolean eligible = level.compareTo(Level.COMMUNITY) <= 0
                            ? APPOINTED_TO_EAST.contains(move.mediatorId())
                            : REGISTERED.contains(move.mediatorId());
                    if (!eligible) {
                        return Outcome.REFUSED;
                    }
                    holder = move.mediatorId();
                    status = Status.ASSIGNED;
                    return Outcome.ACCEPTED;
                case RECORD_STEP:
                    if (status != Status.ASSIGNED && status != Status.IN_MEDIATION) {
                        return Outcome.REFUSED;
                    }
                    if (!holderActs) {
                        return Outcome.FORBIDDEN;
                    }
                    status = Status.IN_MEDIATION;
                    return Outcome.ACCEPTED;
                case ESCALATE:
                    if (!open) {
                        return Outcome.REFUSED;
                    }
                    if (!coordinator) {
                        return Outcome.FORBIDDEN;
                    }
                    if (move.toLevel().compareTo(level) <= 0) {
                        return Outcome.REFUSED;
                    }
                    level = move.toLevel();
                    holder = null;
                    status = Status.REPORTED;
                    escalated = true;
                    return Outcome.ACCEPTED;
                case RESOLVE:
                    if (status != Status.IN_MEDIATION) {
                        return Outcome.REFUSED;
                    }
                    if (!holderActs) {
                        return Outcome.FORBIDDEN;
                    }
                    status = Status.RESOLVED;
                    resolvedAfterEscalation |= escalated;
                    return Outcome.ACCEPTED;
                case REFER:
                    if (!open) {
                        return Outcome.REFUSED;
                    }
                    if (!coordinator) {
                        return Outcome.FORBIDDEN;
                    }
                    status = Status.REFERRED_OUT;
                    return Outcome.ACCEPTED;
                case WITHDRAW:
                    if (!open) {
                        return Outcome.REFUSED;
                    }
                    if (!holderActs && !coordinator) {
                        return Outcome.FORBIDDEN;
                    }
                    status = Status.WITHDRAWN;
                    return Outcome.ACCEPTED;
                case REOPEN:
                    if (status != Status.RESOLVED) {
                        return Outcome.REFUSED;
                    }
                    if (!coordinator) {
                        return Outcome.FORBIDDEN;
                    }
                    status = Status.ASSIGNED;
                    reopened = true;
                    return Outcome.ACCEPTED;
                case FOLLOW_UP:
                    if (status != Status.RESOLVED) {
                        return Outcome.REFUSED;
                    }
                    if (!holderActs && !coordinator) {
                        return Outcome.FORBIDDEN;
                    }
                    return Outcome.ACCEPTED;
                default:
                    throw new IllegalArgumentException("no rule for " + move.kind());
            }
        }
    }
}
