package org.jinlin.command.dispute;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jinlin.command.handling.CommandSideConfiguration;
import org.jinlin.command.registry.AppointmentRegistry;
import org.jinlin.command.registry.CommunityRegistry;
import org.jinlin.command.registry.CompoundRegistry;
import org.jinlin.command.registry.MediatorRegistry;
import org.jinlin.kernel.Forbidden;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.MetadataKeys;
import org.jinlin.kernel.RuleViolation;
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
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 矛盾纠纷: a dispute case handled by people's mediation, from its report to its outcome. It serves the policy's
 * "完善邻里利益表达、心理疏导、矛盾纠纷调处机制……就地就近化解矛盾纠纷，实现'小事不出小区、大事不出社区'": a case is
 * handled first where it arose (its compound, or its community when no compound is named), climbs only by an
 * explicit escalation, and is resolved at a recorded level, so the statistics can tell how many small matters
 * stayed in the compound and how many big ones in the community.
 *
 * <p>States: REPORTED → ASSIGNED → IN_MEDIATION → RESOLVED | REFERRED_OUT | WITHDRAWN, and RESOLVED → ASSIGNED by
 * reopening. A case is <em>open</em> while REPORTED, ASSIGNED or IN_MEDIATION.
 * <ul>
 *   <li>assign: only while REPORTED (a case never has two mediators at once; escalation frees it for a new one);</li>
 *   <li>record a step: ASSIGNED or IN_MEDIATION, which it then is;</li>
 *   <li>resolve: only IN_MEDIATION, i.e. with an assigned mediator who has recorded at least one step since the
 *       case was last assigned or reopened, at the level where it is handled;</li>
 *   <li>reclassify, escalate (upward only; it clears the assignment and the case awaits a mediator at the new
 *       level, in the same community), refer out, withdraw: while open (a party may withdraw, and a case unfit for
 *       mediation may be referred, before a mediator is assigned);</li>
 *   <li>reopen and record a follow-up visit (回访): only RESOLVED; reopening returns the case to the mediator who
 *       resolved it, a follow-up leaves it resolved.</li>
 * </ul>
 * Any other command is refused with {@link RuleViolation} naming the state and the rule, and appends nothing.
 *
 * <p>Who may act is read from the command's metadata, which the service fills from the user record, never from
 * the request body:
 * <ul>
 *   <li>report: a MEDIATOR or a COORDINATOR;</li>
 *   <li>assign, escalate, refer out, reopen: a COORDINATOR;</li>
 *   <li>record a step, resolve: only the assigned mediator;</li>
 *   <li>reclassify, withdraw: the assigned mediator or a COORDINATOR;</li>
 *   <li>record a follow-up: the mediator who resolved the case or a COORDINATOR.</li>
 * </ul>
 * A coordinator bound to a county acts only on cases of that county's communities. Anyone else is refused with
 * {@link Forbidden}. The state is checked first (409), then who acts (403), then the request's facts (a business
 * date: 400; a level, compound or mediator: 409).
 */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOTS)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE)
public class Dispute {

    static final String MEDIATOR = "MEDIATOR";
    static final String COORDINATOR = "COORDINATOR";

    /** Clients' clocks drift: a business date this far ahead of the service's clock is still taken as "now". */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @AggregateIdentifier
    private String disputeId;
    private String communityCode;
    private Status status;
    private Level level;
    private Scale scale;
    private Instant reportedAt;
    private String assignedMediatorId;
    private Instant resolvedAt;

    protected Dispute() {
    }

    @CommandHandler
    public Dispute(ReportDispute command, CommunityRegistry communities, CompoundRegistry compounds, Clock clock,
                   @MetaDataValue(MetadataKeys.ROLE) String role,
                   @MetaDataValue(MetadataKeys.COUNTY_CODE) String countyCode) {
        Actor actor = new Actor(role, null, countyCode);
        if (!actor.is(MEDIATOR) && !actor.is(COORDINATOR)) {
            throw new Forbidden("only a mediator or a coordinator may report a dispute");
        }
        if (actor.is(COORDINATOR) && !actor.servesCountyOf(command.communityCode())) {
            throw new Forbidden("a coordinator of county " + countyCode + " may not report a dispute in community "
                                + command.communityCode() + ", which lies outside that county");
        }
        notInTheFuture("reportedAt", command.reportedAt(), clock);
        String community = command.communityCode();
        if (!communities.isRegistered(community)) {
            throw new RuleViolation("community " + community
                                    + " is not registered; a dispute is reported in a registered community");
        }
        if (command.compoundId() != null && !compounds.hasCompound(community, command.compoundId())) {
            throw new RuleViolation("community " + community + " has no compound " + command.compoundId()
                                    + "; a dispute is reported in one of its community's compounds, or in the "
                                    + "community itself without a compound");
        }
        apply(new DisputeReported(command.disputeId(), community, command.compoundId(),
                                  Level.startingLevel(command.compoundId()), command.category(), command.scale(),
                                  command.source(), command.parties().stream()
                                                           .map(p -> new Party(p.name().strip(), p.role()))
                                                           .toList(),
                                  command.summary().strip(), command.reportedAt()));
    }

    @CommandHandler
    void handle(ReclassifyDispute command, @MetaDataValue(MetadataKeys.ROLE) String role,
                @MetaDataValue(MetadataKeys.MEDIATOR_ID) String mediatorId,
                @MetaDataValue(MetadataKeys.COUNTY_CODE) String countyCode) {
        if (!status.isOpen()) {
            refuse("only an open dispute can be reclassified");
        }
        Actor actor = new Actor(role, mediatorId, countyCode);
        if (!actor.isMediator(assignedMediatorId)) {
            requireCoordinator(actor, "reclassify", "only the mediator assigned to dispute " + disputeId + " "
                                                    + assignee() + " or a coordinator may reclassify it");
        }
        if (command.scale() == scale) {
            refuse("it is already classified as " + scale + "; reclassify it only to the other scale");
        }
        apply(new DisputeReclassified(disputeId, scale, command.scale(), command.reason().strip()));
    }

    @CommandHandler
    void handle(AssignMediator command, AppointmentRegistry appointments, MediatorRegistry mediators,
                @MetaDataValue(MetadataKeys.ROLE) String role,
                @MetaDataValue(MetadataKeys.COUNTY_CODE) String countyCode) {
        if (status != Status.REPORTED) {
            refuse(assignedMediatorId == null
                   ? "a mediator is assigned only to a dispute awaiting one (REPORTED)"
                   : "it is held by mediator " + assignedMediatorId
                     + "; a mediator is assigned only to a dispute awaiting one (REPORTED)");
        }
        requireCoordinator(new Actor(role, null, countyCode), "assign a mediator to");
        String mediator = command.mediatorId();
        if (level.isWithinCommunity()) {
            if (!appointments.isAppointed(mediator, communityCode)) {
                throw new RuleViolation("mediator " + mediator + " holds no active appointment to community "
                                        + communityCode + "; at " + level + " level dispute " + disputeId
                                        + " is assigned only to a mediator appointed to its community");
            }
        } else if (!mediators.isMediatorRegistered(mediator)) {
            throw new RuleViolation("mediator " + mediator + " is not registered; only a registered mediator can "
                                    + "be assigned to dispute " + disputeId);
        }
        apply(new MediatorAssigned(disputeId, mediator, level));
    }

    @CommandHandler
    void handle(RecordMediationStep command, Clock clock, @MetaDataValue(MetadataKeys.ROLE) String role,
                @MetaDataValue(MetadataKeys.MEDIATOR_ID) String mediatorId) {
        if (status == Status.REPORTED) {
            refuse("a step is recorded by the assigned mediator, and no mediator is assigned yet");
        }
        if (!status.isOpen()) {
            refuse("a step can only be recorded while the dispute is open");
        }
        requireAssignedMediator(new Actor(role, mediatorId, null), "records its steps");
        notInTheFuture("occurredAt", command.occurredAt(), clock);
        notBeforeTheReport("occurredAt", command.occurredAt());
        apply(new MediationStepRecorded(disputeId, command.kind(), command.note().strip(), command.occurredAt(),
                                        assignedMediatorId, level, command.durationMinutes(), command.venue(), command.place()));
    }

    @CommandHandler
    void handle(EscalateDispute command, @MetaDataValue(MetadataKeys.ROLE) String role,
                @MetaDataValue(MetadataKeys.COUNTY_CODE) String countyCode) {
        if (!status.isOpen()) {
            refuse("only an open dispute can be escalated");
        }
        requireCoordinator(new Actor(role, null, countyCode), "escalate");
        if (level == Level.COUNTY) {
            refuse("it is handled at COUNTY level, the highest; refer it out instead of escalating it");
        }
        if (!command.toLevel().isAbove(level)) {
            refuse("it is handled at " + level + " level and can only be escalated upward, not to "
                   + command.toLevel());
        }
        apply(new DisputeEscalated(disputeId, level, command.toLevel(), command.reason().strip(),
                                   assignedMediatorId));
    }

    @CommandHandler
    void handle(ResolveDispute command, Clock clock, @MetaDataValue(MetadataKeys.ROLE) String role,
                @MetaDataValue(MetadataKeys.MEDIATOR_ID) String mediatorId) {
        if (status == Status.REPORTED || status == Status.ASSIGNED) {
            refuse("it can be resolved only in mediation, once the assigned mediator has recorded at least one step");
        }
        if (status != Status.IN_MEDIATION) {
            refuse("only a dispute in mediation can be resolved");
        }
        requireAssignedMediator(new Actor(role, mediatorId, null), "resolves it");
        notInTheFuture("resolvedAt", command.resolvedAt(), clock);
        notBeforeTheReport("resolvedAt", command.resolvedAt());
        apply(new DisputeResolved(disputeId, level, assignedMediatorId, command.agreementSummary().strip(),
                                  command.resolvedAt()));
    }

    @CommandHandler
    void handle(ReferDispute command, @MetaDataValue(MetadataKeys.ROLE) String role,
                @MetaDataValue(MetadataKeys.COUNTY_CODE) String countyCode) {
        if (!status.isOpen()) {
            refuse(status == Status.RESOLVED
                   ? "only an open dispute can be referred out; reopen it first"
                   : "only an open dispute can be referred out");
        }
        requireCoordinator(new Actor(role, null, countyCode), "refer out");
        apply(new DisputeReferredOut(disputeId, level, command.to(), command.reason().strip()));
    }

    @CommandHandler
    void handle(WithdrawDispute command, @MetaDataValue(MetadataKeys.ROLE) String role,
                @MetaDataValue(MetadataKeys.MEDIATOR_ID) String mediatorId,
                @MetaDataValue(MetadataKeys.COUNTY_CODE) String countyCode) {
        if (!status.isOpen()) {
            refuse("only an open dispute can be withdrawn");
        }
        Actor actor = new Actor(role, mediatorId, countyCode);
        if (!actor.isMediator(assignedMediatorId)) {
            requireCoordinator(actor, "withdraw", "only the mediator assigned to dispute " + disputeId + " "
                                                  + assignee() + " or a coordinator may withdraw it");
        }
        apply(new DisputeWithdrawn(disputeId, level, command.reason().strip()));
    }

    @CommandHandler
    void handle(ReopenDispute command, @MetaDataValue(MetadataKeys.ROLE) String role,
                @MetaDataValue(MetadataKeys.COUNTY_CODE) String countyCode) {
        if (status != Status.RESOLVED) {
            refuse("only a resolved dispute can be reopened");
        }
        requireCoordinator(new Actor(role, null, countyCode), "reopen");
        apply(new DisputeReopened(disputeId, level, assignedMediatorId, command.reason().strip()));
    }

    @CommandHandler
    void handle(RecordFollowUp command, Clock clock, @MetaDataValue(MetadataKeys.ROLE) String role,
                @MetaDataValue(MetadataKeys.MEDIATOR_ID) String mediatorId,
                @MetaDataValue(MetadataKeys.COUNTY_CODE) String countyCode) {
        if (status != Status.RESOLVED) {
            refuse("a follow-up visit (回访) is recorded only on a resolved dispute");
        }
        Actor actor = new Actor(role, mediatorId, countyCode);
        boolean resolvingMediator = actor.isMediator(assignedMediatorId);
        if (!resolvingMediator) {
            requireCoordinator(actor, "record a follow-up visit on",
                               "only the mediator who resolved dispute " + disputeId + " (" + assignedMediatorId
                               + ") or a coordinator may record a follow-up visit");
        }
        notInTheFuture("occurredAt", command.occurredAt(), clock);
        if (command.occurredAt().isBefore(resolvedAt)) {
            throw new InvalidInput("occurredAt", "must not be before the resolution of dispute " + disputeId
                                                 + " at " + resolvedAt);
        }
        apply(new FollowUpRecorded(disputeId, command.note().strip(), command.agreementHonoured(),
                                   command.occurredAt(), resolvingMediator ? assignedMediatorId : null));
    }

    @EventSourcingHandler
    void on(DisputeReported event) {
        disputeId = event.disputeId();
        communityCode = event.communityCode();
        level = event.level();
        scale = event.scale();
        reportedAt = event.reportedAt();
        status = Status.REPORTED;
    }

    @EventSourcingHandler
    void on(DisputeReclassified event) {
        scale = event.scale();
    }

    @EventSourcingHandler
    void on(MediatorAssigned event) {
        assignedMediatorId = event.mediatorId();
        status = Status.ASSIGNED;
    }

    @EventSourcingHandler
    void on(MediationStepRecorded event) {
        status = Status.IN_MEDIATION;
    }

    @EventSourcingHandler
    void on(DisputeEscalated event) {
        level = event.toLevel();
        assignedMediatorId = null;
        status = Status.REPORTED;
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        resolvedAt = event.resolvedAt();
        status = Status.RESOLVED;
    }

    @EventSourcingHandler
    void on(DisputeReferredOut event) {
        status = Status.REFERRED_OUT;
    }

    @EventSourcingHandler
    void on(DisputeWithdrawn event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DisputeReopened event) {
        resolvedAt = null;
        assignedMediatorId = event.mediatorId();
        status = Status.ASSIGNED;
    }

    /** The state, for the state-machine tests; nothing in the service reads an aggregate's state from outside. */
    Status status() {
        return status;
    }

    /** The level, for the state-machine tests. */
    Level level() {
        return level;
    }

    private void refuse(String rule) {
        throw new RuleViolation("dispute " + disputeId + " is " + status + "; " + rule);
    }

    private void requireCoordinator(Actor actor, String action) {
        requireCoordinator(actor, action, "only a coordinator may " + action + " dispute " + disputeId);
    }

    /** Refuses with {@code whoMay} anyone but a coordinator, and a coordinator bound to another county. */
    private void requireCoordinator(Actor actor, String action, String whoMay) {
        if (!actor.is(COORDINATOR)) {
            throw new Forbidden(whoMay);
        }
        if (!actor.servesCountyOf(communityCode)) {
            throw new Forbidden("a coordinator of county " + actor.countyCode() + " may not " + action
                                + " dispute " + disputeId + " of community " + communityCode
                                + ", which lies outside that county");
        }
    }

    private void requireAssignedMediator(Actor actor, String action) {
        if (actor.isMediator(assignedMediatorId)) {
            return;
        }
        String rule = "only the mediator assigned to dispute " + disputeId + " (" + assignedMediatorId + ") " + action;
        throw new Forbidden(actor.is(MEDIATOR) && actor.mediatorId() != null
                            ? "mediator " + actor.mediatorId() + " is not the mediator assigned to dispute " + disputeId
                              + "; " + rule
                            : rule);
    }

    private String assignee() {
        return assignedMediatorId == null ? "(none is assigned yet)" : "(" + assignedMediatorId + ")";
    }

    private void notBeforeTheReport(String field, Instant date) {
        if (date.isBefore(reportedAt)) {
            throw new InvalidInput(field, "must not be before dispute " + disputeId + " was reported, at "
                                          + reportedAt);
        }
    }

    private static void notInTheFuture(String field, Instant date, Clock clock) {
        Instant now = clock.instant();
        if (date.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidInput(field, "must not be in the future (it is " + date + ", the service's time is "
                                          + now + ")");
        }
    }

    /**
     * Who sends a command, as its metadata says. Acting as a mediator takes the MEDIATOR role and the mediator id
     * of the user record; a coordinator without a county code is not bound to one.
     */
    private record Actor(String role, String mediatorId, String countyCode) {

        boolean is(String expected) {
            return expected.equals(role);
        }

        boolean isMediator(String expectedMediatorId) {
            return is(MEDIATOR) && expectedMediatorId != null && expectedMediatorId.equals(mediatorId);
        }

        boolean servesCountyOf(String community) {
            return countyCode == null || community.startsWith(countyCode);
        }
    }
}
