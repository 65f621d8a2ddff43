package org.jinlin.kernel.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jinlin.kernel.Check;
import org.jinlin.kernel.CreatesAggregate;
import org.jinlin.kernel.division.Divisions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a registrar may do to a household (户) and its members. */
public final class HouseholdCommands {

    public static final int MAX_MEMBERS = 20;

    private HouseholdCommands() {
    }

    public record RegisterHousehold(@TargetAggregateIdentifier String householdId, String communityCode,
                                    String compoundId, BigDecimal monthlyIncome, Boolean migrant,
                                    List<MemberFacts> members) implements CreatesAggregate {
        public RegisterHousehold {
            Check check = Check.fields()
                               .clientId("householdId", householdId)
                               .valid(() -> Divisions.requireCommunityCode("communityCode", communityCode))
                               .that(compoundId == null || compoundId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"),
                                     "compoundId", "must be the id of one of the community's compounds")
                               .notNegative("monthlyIncome", monthlyIncome)
                               .that(members != null && !members.isEmpty(), "members",
                                     "a household has at least one member")
                               .that(members == null || members.size() <= MAX_MEMBERS, "members",
                                     "at most " + MAX_MEMBERS + " members");
            if (members != null) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < members.size(); i++) {
                    MemberFacts member = members.get(i);
                    String prefix = "members[" + i + "].";
                    if (member == null) {
                        check.fail("members[" + i + "]", "is required");
                        continue;
                    }
                    member.check(check, prefix);
                    if (member.idNumber() != null && !seen.add(member.idNumber().trim().toUpperCase())) {
                        check.fail(prefix + "idNumber", "the same person is listed twice in this household");
                    }
                }
            }
            check.orThrow();
        }

        @Override
        public String aggregateId() {
            return householdId;
        }

        @Override
        public String alreadyExists() {
            return "household " + householdId + " is already registered; household ids are never reused";
        }
    }

    public record AddMember(@TargetAggregateIdentifier String householdId, MemberFacts member,
                            @TargetAggregateVersion Long expectedVersion) {
        public AddMember {
            Check check = Check.fields().clientId("householdId", householdId).notNull("member", member);
            if (member != null) {
                member.check(check, "member.");
            }
            check.orThrow();
        }
    }

    /** The member is the one with {@code idNumber}; the facts replace theirs (the id-card number stays). */
    public record UpdateMember(@TargetAggregateIdentifier String householdId, String idNumber, MemberFacts member,
                               @TargetAggregateVersion Long expectedVersion) {
        public UpdateMember {
            Check check = Check.fields().clientId("householdId", householdId)
                               .valid(() -> IdCardNumber.parse("idNumber", idNumber))
                               .notNull("member", member);
            if (member != null) {
                member.check(check, "member.");
                check.that(member.idNumber() == null || idNumber == null
                           || member.idNumber().trim().equalsIgnoreCase(idNumber.trim()), "member.idNumber",
                           "must be the member's id-card number; a different person is removed and added");
            }
            check.orThrow();
        }
    }

    public record RemoveMember(@TargetAggregateIdentifier String householdId, String idNumber,
                               @TargetAggregateVersion Long expectedVersion) {
        public RemoveMember {
            Check.fields().clientId("householdId", householdId)
                 .valid(() -> IdCardNumber.parse("idNumber", idNumber))
                 .orThrow();
        }
    }

    public record ReportIncome(@TargetAggregateIdentifier String householdId, BigDecimal monthlyIncome, LocalDate asOf,
                               @TargetAggregateVersion Long expectedVersion) {
        public ReportIncome {
            Check.fields().clientId("householdId", householdId)
                 .notNegative("monthlyIncome", monthlyIncome)
                 .notNull("asOf", asOf)
                 .orThrow();
        }
    }

    public record MoveHousehold(@TargetAggregateIdentifier String householdId, String communityCode, String compoundId,
                                @TargetAggregateVersion Long expectedVersion) {
        public MoveHousehold {
            Check.fields().clientId("householdId", householdId)
                 .valid(() -> Divisions.requireCommunityCode("communityCode", communityCode))
                 .that(compoundId == null || compoundId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), "compoundId",
                       "must be the id of one of the community's compounds")
                 .orThrow();
        }
    }

    public record AssignCarePartner(@TargetAggregateIdentifier String householdId, String partnerName,
                                    CarePartnerKind partnerKind, @TargetAggregateVersion Long expectedVersion) {
        public AssignCarePartner {
            Check.fields().clientId("householdId", householdId)
                 .notBlank("partnerName", partnerName, 50)
                 .notNull("partnerKind", partnerKind)
                 .orThrow();
        }
    }

    public record RecordAssistance(@TargetAggregateIdentifier String householdId, AssistanceKind kind, String note,
                                   LocalDate on, @TargetAggregateVersion Long expectedVersion) {
        public RecordAssistance {
            Check.fields().clientId("householdId", householdId)
                 .notNull("kind", kind)
                 .optionalText("note", note, 2000)
                 .notNull("on", on)
                 .orThrow();
        }
    }

    public record DeregisterHousehold(@TargetAggregateIdentifier String householdId, String reason,
                                      @TargetAggregateVersion Long expectedVersion) {
        public DeregisterHousehold {
            Check.fields().clientId("householdId", householdId).notBlank("reason", reason, 500).orThrow();
        }
    }

    /** Erases the personal data of every member (names, id-card numbers, notes): the key is deleted. */
    public record EraseHouseholdPersonalData(@TargetAggregateIdentifier String householdId, String reason) {
        public EraseHouseholdPersonalData {
            Check.fields().clientId("householdId", householdId).notBlank("reason", reason, 500).orThrow();
        }
    }

    public record PlaceLegalHold(@TargetAggregateIdentifier String householdId, String reason) {
        public PlaceLegalHold {
            Check.fields().clientId("householdId", householdId).notBlank("reason", reason, 500).orThrow();
        }
    }

    public record LiftLegalHold(@TargetAggregateIdentifier String householdId, String reason) {
        public LiftLegalHold {
            Check.fields().clientId("householdId", householdId).notBlank("reason", reason, 500).orThrow();
        }
    }

    /** Runs the hardship rules again for a date (a new day, or a new city policy); appends only a changed outcome. */
    public record ReassessHardship(@TargetAggregateIdentifier String householdId, LocalDate on) {
        public ReassessHardship {
            Check.fields().clientId("householdId", householdId).notNull("on", on).orThrow();
        }
    }
}
