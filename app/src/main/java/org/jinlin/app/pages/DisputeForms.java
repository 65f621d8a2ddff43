package org.jinlin.app.pages;

import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.Party;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;

import java.util.ArrayList;
import java.util.List;

/** The workbench's forms, field for field the API's request bodies; what the reader typed is kept on a refusal. */
final class DisputeForms {

    private DisputeForms() {
    }

    /** Every form carries its own idempotency key and, when it changes a case, the version the reader saw. */
    abstract static class CaseForm {
        public String key = Forms.newKey();
        public Long version;
    }

    static final class ReportForm {
        public String key = Forms.newKey();
        public String disputeId;
        public String communityCode;
        public String compoundId;
        public Category category;
        public Scale scale;
        public Source source;
        public List<PartyRow> parties = new ArrayList<>(List.of(new PartyRow(PartyRole.APPLICANT),
                                                                new PartyRow(PartyRole.RESPONDENT),
                                                                new PartyRow(null)));
        public String summary;
        public String reportedAt;

        /** The parties typed in; a row left empty is no party. */
        List<Party> filledParties() {
            return parties.stream().filter(row -> row.name != null && !row.name.isBlank())
                          .map(row -> new Party(row.name.trim(), row.role))
                          .toList();
        }
    }

    static final class PartyRow {
        public String name;
        public PartyRole role;

        PartyRow() {
        }

        PartyRow(PartyRole role) {
            this.role = role;
        }
    }

    static final class StepForm extends CaseForm {
        public StepKind kind;
        public String note;
        public String occurredAt;
        /** Optional: how long the step took, its venue (empty: the one its kind implies) and the place. */
        public Integer durationMinutes;
        public Venue venue;
        public String place;
    }

    static final class ResolveForm extends CaseForm {
        public String agreementSummary;
        public String resolvedAt;
    }

    static final class EscalateForm extends CaseForm {
        public Level toLevel;
        public String reason;
    }

    static final class ReferForm extends CaseForm {
        public ReferralTarget to;
        public String reason;
    }

    static final class AssignForm extends CaseForm {
        public String mediatorId;
    }
}
