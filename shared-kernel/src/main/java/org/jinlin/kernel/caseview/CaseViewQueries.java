package org.jinlin.kernel.caseview;

import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.Status;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;

import java.time.Instant;
import java.util.List;

/** 调解卷宗: a dispute case as it stands, with its steps, and the mediators' work queues. */
public final class CaseViewQueries {

    /**
     * What a reader who may not see a case's personal data reads in place of its free texts (summary, notes,
     * agreement, reasons): they name people, and cannot be masked the way a name is.
     */
    public static final String WITHHELD = "[不予显示 withheld]";

    private CaseViewQueries() {
    }

    /**
     * Who reads, as far as cases are concerned. {@code readsEveryCase}: coordinators, auditors and administrators;
     * otherwise only the cases {@code mediatorId} holds or has held. {@code seesPersonalData}: whether the
     * names and free texts of every case are shown; a mediator always sees those of their own cases.
     */
    public record CaseReader(boolean readsEveryCase, boolean seesPersonalData, String mediatorId) {

        /** A reader who sees everything, for the service itself and for tests. */
        public static CaseReader everything() {
            return new CaseReader(true, true, null);
        }

        public static CaseReader mediator(String mediatorId) {
            return new CaseReader(false, false, mediatorId);
        }

        public static CaseReader analyst() {
            return new CaseReader(true, false, null);
        }
    }

    /** One case as it stood at {@code asOf} (now when null), its overdue flag computed against that instant. */
    public record FindDisputeCase(String disputeId, Instant asOf, CaseReader reader) {
    }

    /**
     * A case file. {@code dueBy} is when the case becomes overdue if nothing happens: a mediator is to be assigned by
     * then, or the case resolved; null once it is closed. Lists are in the order things happened (steps in the order
     * of their {@code occurredAt}).
     */
    public record DisputeCase(String disputeId, Status status, Level level, Scale scale, Category category,
                              Source source, String communityCode, String compoundId, String mediatorId,
                              List<CaseParty> parties, String summary, Instant reportedAt, Instant assignedAt,
                              Instant dueBy, boolean overdue, List<Assignment> assignments, List<Step> steps,
                              List<Escalation> escalations, List<Reclassification> reclassifications,
                              Resolution resolution, List<FollowUp> followUps, List<Reopening> reopenings,
                              Referral referral, Withdrawal withdrawal, long version) {
    }

    public record CaseParty(String name, PartyRole role) {
    }

    public record Assignment(String mediatorId, Level level, Instant at) {
    }

    /** A step of the mediation; {@code durationMinutes} and {@code place} are null where they were not recorded. */
    public record Step(StepKind kind, String note, Instant occurredAt, String mediatorId, Level level,
                       Integer durationMinutes, Venue venue, String place) {
    }

    public record Escalation(Level fromLevel, Level toLevel, String reason, String releasedMediatorId, Instant at) {
    }

    public record Reclassification(Scale scale, String reason, Instant at) {
    }

    public record Resolution(Level level, String mediatorId, String agreementSummary, Instant resolvedAt) {
    }

    public record FollowUp(String note, boolean agreementHonoured, Instant occurredAt, String mediatorId) {
    }

    public record Reopening(String reason, String mediatorId, Level level, Instant at) {
    }

    public record Referral(ReferralTarget to, Level level, String reason, Instant at) {
    }

    public record Withdrawal(Level level, String reason, Instant at) {
    }

    /**
     * A work queue: the open cases (or those of {@code status}), oldest report first, of one mediator when
     * {@code mediatorId} is given; only the overdue ones when {@code overdue} is true, only the others when false.
     */
    public record ListDisputes(String mediatorId, Status status, Boolean overdue, int page, int size, Instant asOf,
                               CaseReader reader) {
    }

    public record DisputeSummary(String disputeId, Status status, Level level, Scale scale, Category category,
                                 Source source, String communityCode, String compoundId, String mediatorId,
                                 Instant reportedAt, Instant assignedAt, Instant dueBy, boolean overdue) {
    }

    public record DisputePage(List<DisputeSummary> items, int page, int size, long total) {
    }
}
