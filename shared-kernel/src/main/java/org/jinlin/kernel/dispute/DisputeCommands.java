package org.jinlin.kernel.dispute;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jinlin.kernel.Check;
import org.jinlin.kernel.CreatesAggregate;
import org.jinlin.kernel.division.Divisions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What mediators and coordinators may do to a dispute case (矛盾纠纷). The checks here hold whatever the case's
 * state; the rules that depend on it (the state machine, who may act, business dates against the report and the
 * service's clock) are the {@code Dispute} aggregate's. {@code expectedVersion} carries an optional {@code If-Match}.
 */
public final class DisputeCommands {

    static final int MAX_PARTIES = 20;
    static final int MAX_NAME = 100;
    static final int MAX_REASON = 500;
    static final int MAX_TEXT = 2000;
    static final int MAX_PLACE = 200;
    /** A single step (a visit, a session) lasts at most a day; longer work is recorded as several steps. */
    static final int MAX_STEP_MINUTES = 24 * 60;

    private DisputeCommands() {
    }

    /**
     * Records a new case (受理). It starts in the compound, or in the community when no compound is named; a blank
     * compound id means none, as a form with an empty field sends it.
     */
    public record ReportDispute(@TargetAggregateIdentifier String disputeId, String communityCode, String compoundId,
                                Category category, Scale scale, Source source, List<Party> parties, String summary,
                                Instant reportedAt) implements CreatesAggregate {
        public ReportDispute {
            compoundId = compoundId == null || compoundId.isBlank() ? null : compoundId;
            parties = parties == null ? null : copyOf(parties);
            Check check = Check.fields()
                               .clientId("disputeId", disputeId)
                               .valid(() -> Divisions.requireCommunityCode("communityCode", communityCode));
            if (compoundId != null) {
                check.clientId("compoundId", compoundId);
            }
            check.notNull("category", category)
                 .notNull("scale", scale)
                 .notNull("source", source);
            if (parties == null || parties.isEmpty()) {
                check.fail("parties", "at least one party is required (usually the applicant and the respondent)");
            } else {
                check.that(parties.size() <= MAX_PARTIES, "parties", "must be at most " + MAX_PARTIES + " parties");
                for (int i = 0; i < parties.size(); i++) {
                    check.notBlank("parties[" + i + "].name", parties.get(i).name(), MAX_NAME)
                         .notNull("parties[" + i + "].role", parties.get(i).role());
                }
            }
            check.notBlank("summary", summary, MAX_TEXT)
                 .notNull("reportedAt", reportedAt)
                 .orThrow();
        }

        @Override
        public String aggregateId() {
            return disputeId;
        }

        @Override
        public String alreadyExists() {
            return "dispute " + disputeId + " is already reported; dispute ids are never reused";
        }

        /** An immutable copy in which a missing party is reported by its index rather than failing the copy. */
        private static List<Party> copyOf(List<Party> parties) {
            List<Party> copy = new ArrayList<>(parties.size());
            for (Party party : parties) {
                copy.add(party == null ? new Party(null, null) : party);
            }
            return List.copyOf(copy);
        }
    }

    /** Changes the case between a small matter (小事) and a big one (大事), with the reason. */
    public record ReclassifyDispute(@TargetAggregateIdentifier String disputeId, Scale scale, String reason,
                                    @TargetAggregateVersion Long expectedVersion) {
        public ReclassifyDispute {
            Check.fields()
                 .clientId("disputeId", disputeId)
                 .notNull("scale", scale)
                 .notBlank("reason", reason, MAX_REASON)
                 .orThrow();
        }
    }

    /** Gives the case to a mediator (指派调解员). */
    public record AssignMediator(@TargetAggregateIdentifier String disputeId, String mediatorId,
                                 @TargetAggregateVersion Long expectedVersion) {
        public AssignMediator {
            Check.fields()
                 .clientId("disputeId", disputeId)
                 .clientId("mediatorId", mediatorId)
                 .orThrow();
        }
    }

    /**
     * One step of the mediation (调解过程记录): a visit, a joint session, a call; optionally how long it took, in
     * minutes, its venue and the place. Without a venue, the step takes the one its kind implies (a home visit at
     * the party's home, a call by phone) or {@link Venue#NOT_RECORDED}. A blank place means none, as a form with an
     * empty field sends it.
     */
    public record RecordMediationStep(@TargetAggregateIdentifier String disputeId, StepKind kind, String note,
                                      Instant occurredAt, Integer durationMinutes, Venue venue, String place,
                                      @TargetAggregateVersion Long expectedVersion) {
        public RecordMediationStep {
            Check.fields()
                 .clientId("disputeId", disputeId)
                 .notNull("kind", kind)
                 .notBlank("note", note, MAX_TEXT)
                 .notNull("occurredAt", occurredAt)
                 .that(durationMinutes == null || (durationMinutes >= 1 && durationMinutes <= MAX_STEP_MINUTES),
                       "durationMinutes", "must be between 1 and " + MAX_STEP_MINUTES + " minutes (one day)")
                 .optionalText("place", place, MAX_PLACE)
                 .orThrow();
            place = place == null || place.isBlank() ? null : place.strip();
            venue = venue == null ? Venue.impliedBy(kind) : venue;
        }

        /** A step without its duration, venue and place. */
        public RecordMediationStep(String disputeId, StepKind kind, String note, Instant occurredAt,
                                   Long expectedVersion) {
            this(disputeId, kind, note, occurredAt, null, null, null, expectedVersion);
        }
    }

    /** Hands the case up to a higher level (上报): township or county. */
    public record EscalateDispute(@TargetAggregateIdentifier String disputeId, Level toLevel, String reason,
                                  @TargetAggregateVersion Long expectedVersion) {
        public EscalateDispute {
            Check.fields()
                 .clientId("disputeId", disputeId)
                 .notNull("toLevel", toLevel)
                 .notBlank("reason", reason, MAX_REASON)
                 .orThrow();
        }
    }

    /** The parties reached an agreement (调解成功) at the level where the case is handled. */
    public record ResolveDispute(@TargetAggregateIdentifier String disputeId, String agreementSummary,
                                 Instant resolvedAt, @TargetAggregateVersion Long expectedVersion) {
        public ResolveDispute {
            Check.fields()
                 .clientId("disputeId", disputeId)
                 .notBlank("agreementSummary", agreementSummary, MAX_TEXT)
                 .notNull("resolvedAt", resolvedAt)
                 .orThrow();
        }
    }

    /** Mediation cannot settle it: the case goes to a court, arbitration, the police or the petition office. */
    public record ReferDispute(@TargetAggregateIdentifier String disputeId, ReferralTarget to, String reason,
                               @TargetAggregateVersion Long expectedVersion) {
        public ReferDispute {
            Check.fields()
                 .clientId("disputeId", disputeId)
                 .notNull("to", to)
                 .notBlank("reason", reason, MAX_REASON)
                 .orThrow();
        }
    }

    /** The applicant withdrew, or the parties settled on their own (撤回). */
    public record WithdrawDispute(@TargetAggregateIdentifier String disputeId, String reason,
                                  @TargetAggregateVersion Long expectedVersion) {
        public WithdrawDispute {
            Check.fields()
                 .clientId("disputeId", disputeId)
                 .notBlank("reason", reason, MAX_REASON)
                 .orThrow();
        }
    }

    /** A resolved case is taken up again, usually because the agreement was not honoured. */
    public record ReopenDispute(@TargetAggregateIdentifier String disputeId, String reason,
                                @TargetAggregateVersion Long expectedVersion) {
        public ReopenDispute {
            Check.fields()
                 .clientId("disputeId", disputeId)
                 .notBlank("reason", reason, MAX_REASON)
                 .orThrow();
        }
    }

    /** 回访: a visit after the resolution to see whether the agreement is kept. It does not reopen the case. */
    public record RecordFollowUp(@TargetAggregateIdentifier String disputeId, String note, Boolean agreementHonoured,
                                 Instant occurredAt, @TargetAggregateVersion Long expectedVersion) {
        public RecordFollowUp {
            Check.fields()
                 .clientId("disputeId", disputeId)
                 .notBlank("note", note, MAX_TEXT)
                 .notNull("agreementHonoured", agreementHonoured)
                 .notNull("occurredAt", occurredAt)
                 .orThrow();
        }
    }
}
