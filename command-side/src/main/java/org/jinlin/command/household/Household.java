package org.jinlin.command.household;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jinlin.command.registry.CityPolicyRegistry;
import org.jinlin.command.registry.CommunityRegistry;
import org.jinlin.command.registry.CompoundRegistry;
import org.jinlin.command.registry.PersonRegistry;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.household.AssistanceRecorded;
import org.jinlin.kernel.household.CarePartnerAssigned;
import org.jinlin.kernel.household.HardshipAssessed;
import org.jinlin.kernel.household.HardshipRules;
import org.jinlin.kernel.household.HardshipRules.Assessment;
import org.jinlin.kernel.household.HardshipRules.HouseholdFacts;
import org.jinlin.kernel.household.HouseholdCategory;
import org.jinlin.kernel.household.HouseholdCommands.AddMember;
import org.jinlin.kernel.household.HouseholdCommands.AssignCarePartner;
import org.jinlin.kernel.household.HouseholdCommands.DeregisterHousehold;
import org.jinlin.kernel.household.HouseholdCommands.EraseHouseholdPersonalData;
import org.jinlin.kernel.household.HouseholdCommands.LiftLegalHold;
import org.jinlin.kernel.household.HouseholdCommands.PlaceLegalHold;
import org.jinlin.kernel.household.HouseholdCommands.MoveHousehold;
import org.jinlin.kernel.household.HouseholdCommands.ReassessHardship;
import org.jinlin.kernel.household.HouseholdCommands.RecordAssistance;
import org.jinlin.kernel.household.HouseholdCommands.RegisterHousehold;
import org.jinlin.kernel.household.HouseholdCommands.RemoveMember;
import org.jinlin.kernel.household.HouseholdCommands.ReportIncome;
import org.jinlin.kernel.household.HouseholdCommands.UpdateMember;
import org.jinlin.kernel.household.HouseholdDeregistered;
import org.jinlin.kernel.household.HouseholdIncomeReported;
import org.jinlin.kernel.household.HouseholdMoved;
import org.jinlin.kernel.household.HouseholdPersonalDataErased;
import org.jinlin.kernel.household.LegalHoldLifted;
import org.jinlin.kernel.household.LegalHoldPlaced;
import org.jinlin.kernel.household.HouseholdRegistered;
import org.jinlin.kernel.household.IdCardNumber;
import org.jinlin.kernel.household.Member;
import org.jinlin.kernel.household.MemberAdded;
import org.jinlin.kernel.household.MemberCategory;
import org.jinlin.kernel.household.MemberFacts;
import org.jinlin.kernel.household.MemberRemoved;
import org.jinlin.kernel.household.MemberUpdated;
import org.jinlin.kernel.policy.PolicyInForce;
import org.jinlin.kernel.privacy.Masking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 户: a registered household, its members and income, and what the hardship rules make of them (助困服务:
 * 低保对象、特困人员、空巢老人、困境儿童、残疾人、进城务工人员及随迁子女等困难群体). After every change of fact the rules run again
 * with the city's policy in force, and a changed outcome is recorded as {@link HardshipAssessed} with its reasons.
 */
@Aggregate
public class Household {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @AggregateIdentifier
    private String householdId;
    private String communityCode;
    private String compoundId;
    private BigDecimal monthlyIncome;
    private boolean migrant;
    private boolean deregistered;
    private final Map<Integer, Member> members = new TreeMap<>();
    private final Map<String, Integer> memberByIdNumber = new HashMap<>();
    private int lastMemberNo;
    private boolean erased;
    private String legalHold;
    private Set<HouseholdCategory> householdCategories;
    private Map<Integer, Set<MemberCategory>> memberCategories;

    protected Household() {
    }

    @CommandHandler
    public Household(RegisterHousehold command, CommunityRegistry communities, CompoundRegistry compounds,
                     CityPolicyRegistry policies, PersonRegistry persons, HardshipSettings settings, Clock clock) {
        requirePlace(command.communityCode(), command.compoundId(), communities, compounds);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        PolicyInForce policy = policyOf(command.communityCode(), today, policies);
        for (MemberFacts facts : command.members()) {
            requireNotElsewhere(facts.id().value(), command.householdId(), persons);
        }
        boolean migrantHousehold = Boolean.TRUE.equals(command.migrant());
        apply(new HouseholdRegistered(command.householdId(), command.communityCode(), command.compoundId(),
                                      command.monthlyIncome(), migrantHousehold));
        List<Member> registered = new ArrayList<>();
        for (MemberFacts facts : command.members()) {
            Member member = facts.asMember(registered.size() + 1);
            registered.add(member);
            apply(new MemberAdded(command.householdId(), member));
        }
        // Events applied in a constructor reach the state only after it returns: assess from the command's facts.
        Assessment assessment = HardshipRules.assess(
                new HouseholdFacts(registered, command.monthlyIncome(), migrantHousehold), policy, today,
                settings.retirementAges());
        apply(assessed(command.householdId(), assessment, today));
    }

    @CommandHandler
    void handle(AddMember command, PersonRegistry persons, CityPolicyRegistry policies, HardshipSettings settings,
                Clock clock) {
        requireActive();
        String idNumber = command.member().id().value();
        if (memberByIdNumber.containsKey(idNumber)) {
            throw new RuleViolation("person " + Masking.idNumber(idNumber) + " is already a member of household "
                                    + householdId);
        }
        requireNotElsewhere(idNumber, householdId, persons);
        apply(new MemberAdded(householdId, command.member().asMember(lastMemberNo + 1)));
        reassess(policies, settings, clock);
    }

    @CommandHandler
    void handle(UpdateMember command, CityPolicyRegistry policies, HardshipSettings settings, Clock clock) {
        requireActive();
        int memberNo = memberNo(command.idNumber());
        apply(new MemberUpdated(householdId, command.member().asMember(memberNo)));
        reassess(policies, settings, clock);
    }

    @CommandHandler
    void handle(RemoveMember command, CityPolicyRegistry policies, HardshipSettings settings, Clock clock) {
        requireActive();
        int memberNo = memberNo(command.idNumber());
        if (members.size() == 1) {
            throw new RuleViolation("household " + householdId + " would have no member left; "
                                    + "a household has at least one member (deregister it instead)");
        }
        apply(new MemberRemoved(householdId, memberNo));
        reassess(policies, settings, clock);
    }

    @CommandHandler
    void handle(ReportIncome command, CityPolicyRegistry policies, HardshipSettings settings, Clock clock) {
        requireActive();
        apply(new HouseholdIncomeReported(householdId, command.monthlyIncome(), command.asOf()));
        reassess(policies, settings, clock);
    }

    @CommandHandler
    void handle(MoveHousehold command, CommunityRegistry communities, CompoundRegistry compounds,
                CityPolicyRegistry policies, HardshipSettings settings, Clock clock) {
        requireActive();
        if (command.communityCode().equals(communityCode) && java.util.Objects.equals(command.compoundId(), compoundId)) {
            throw new RuleViolation("household " + householdId + " already lives in community " + communityCode
                                    + (compoundId == null ? "" : ", compound " + compoundId));
        }
        requirePlace(command.communityCode(), command.compoundId(), communities, compounds);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        PolicyInForce policy = policyOf(command.communityCode(), today, policies);
        apply(new HouseholdMoved(householdId, command.communityCode(), command.compoundId()));
        assess(policy, today, settings);
    }

    @CommandHandler
    void handle(AssignCarePartner command) {
        requireActive();
        apply(new CarePartnerAssigned(householdId, command.partnerName().strip(), command.partnerKind()));
    }

    @CommandHandler
    void handle(RecordAssistance command) {
        requireActive();
        apply(new AssistanceRecorded(householdId, command.kind(), command.note(), command.on()));
    }

    @CommandHandler
    void handle(DeregisterHousehold command) {
        requireActive();
        apply(new HouseholdDeregistered(householdId, command.reason().strip()));
    }

    /** 个人信息删除: refused under a legal hold; afterwards the household keeps its categories but cannot change. */
    @CommandHandler
    void handle(EraseHouseholdPersonalData command) {
        if (legalHold != null) {
            throw new RuleViolation("household " + householdId + " is under a legal hold (" + legalHold
                                    + "); lift the hold before erasing its personal data");
        }
        if (erased) {
            throw new RuleViolation("the personal data of household " + householdId + " is already erased");
        }
        apply(new HouseholdPersonalDataErased(householdId, command.reason().strip()));
    }

    @CommandHandler
    void handle(PlaceLegalHold command) {
        if (legalHold != null) {
            throw new RuleViolation("household " + householdId + " is already under a legal hold (" + legalHold + ")");
        }
        if (erased) {
            throw new RuleViolation("the personal data of household " + householdId + " is already erased; "
                                    + "there is nothing left to hold");
        }
        apply(new LegalHoldPlaced(householdId, command.reason().strip()));
    }

    @CommandHandler
    void handle(LiftLegalHold command) {
        if (legalHold == null) {
            throw new RuleViolation("household " + householdId + " is not under a legal hold");
        }
        apply(new LegalHoldLifted(householdId, command.reason().strip()));
    }

    /** A new day or a new policy: records a new outcome only when the categories change. */
    @CommandHandler
    void handle(ReassessHardship command, CityPolicyRegistry policies, HardshipSettings settings) {
        if (deregistered) {
            return;
        }
        policies.policyInForce(Divisions.cityOf(communityCode), command.on())
                .ifPresent(policy -> assess(policy, command.on(), settings));
    }

    private void reassess(CityPolicyRegistry policies, HardshipSettings settings, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        assess(policyOf(communityCode, today, policies), today, settings);
    }

    private void assess(PolicyInForce policy, LocalDate on, HardshipSettings settings) {
        Assessment assessment = HardshipRules.assess(
                new HouseholdFacts(new ArrayList<>(members.values()), monthlyIncome, migrant), policy, on,
                settings.retirementAges());
        boolean unchanged = householdCategories != null
                            && assessment.householdCategories().equals(householdCategories)
                            && assessment.memberCategories().equals(memberCategories);
        if (unchanged) {
            return;
        }
        apply(assessed(householdId, assessment, on));
    }

    private static HardshipAssessed assessed(String householdId, Assessment assessment, LocalDate on) {
        Map<Integer, List<MemberCategory>> byMember = new TreeMap<>();
        assessment.memberCategories().forEach((memberNo, categories) -> byMember.put(memberNo, List.copyOf(categories)));
        return new HardshipAssessed(householdId, List.copyOf(assessment.householdCategories()), byMember,
                                    assessment.policyVersion(), on, assessment.reasons());
    }

    private static PolicyInForce policyOf(String communityCode, LocalDate on, CityPolicyRegistry policies) {
        String city = Divisions.cityOf(communityCode);
        return policies.policyInForce(city, on).orElseThrow(() -> new RuleViolation(
                "city " + city + " (" + Divisions.nameOf(city) + ") has no dibao standard in force on " + on
                + "; set it first with PUT /api/city-policies/" + city));
    }

    private static void requirePlace(String community, String compound, CommunityRegistry communities,
                                     CompoundRegistry compounds) {
        if (!communities.isRegistered(community)) {
            throw new RuleViolation("community " + community + " is not registered");
        }
        if (compound != null && !compounds.hasCompound(community, compound)) {
            throw new RuleViolation("community " + community + " has no compound " + compound);
        }
    }

    private static void requireNotElsewhere(String idNumber, String householdId, PersonRegistry persons) {
        persons.householdOf(idNumber).filter(other -> !other.equals(householdId)).ifPresent(other -> {
            throw new RuleViolation("person " + Masking.idNumber(idNumber) + " is already a member of active household "
                                    + other + "; a person belongs to one household at a time");
        });
    }

    private void requireActive() {
        if (erased) {
            throw new RuleViolation("the personal data of household " + householdId + " was erased; it can no longer change");
        }
        if (deregistered) {
            throw new RuleViolation("household " + householdId + " is deregistered; it can no longer change");
        }
    }

    private int memberNo(String idNumber) {
        Integer memberNo = memberByIdNumber.get(IdCardNumber.parse("idNumber", idNumber).value());
        if (memberNo == null) {
            throw new RuleViolation("household " + householdId + " has no member with id-card number "
                                    + Masking.idNumber(idNumber));
        }
        return memberNo;
    }

    @EventSourcingHandler
    void on(HouseholdRegistered event) {
        householdId = event.householdId();
        communityCode = event.communityCode();
        compoundId = event.compoundId();
        monthlyIncome = event.monthlyIncome();
        migrant = event.migrant();
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        members.put(event.member().memberNo(), event.member());
        memberByIdNumber.put(event.member().idNumber(), event.member().memberNo());
        lastMemberNo = Math.max(lastMemberNo, event.member().memberNo());
    }

    @EventSourcingHandler
    void on(MemberUpdated event) {
        Member before = members.put(event.member().memberNo(), event.member());
        if (before != null) {
            memberByIdNumber.remove(before.idNumber());
        }
        memberByIdNumber.put(event.member().idNumber(), event.member().memberNo());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        Member removed = members.remove(event.memberNo());
        if (removed != null) {
            memberByIdNumber.remove(removed.idNumber());
        }
    }

    @EventSourcingHandler
    void on(HouseholdIncomeReported event) {
        monthlyIncome = event.monthlyIncome();
    }

    @EventSourcingHandler
    void on(HouseholdMoved event) {
        communityCode = event.communityCode();
        compoundId = event.compoundId();
    }

    @EventSourcingHandler
    void on(HouseholdDeregistered event) {
        deregistered = true;
    }

    @EventSourcingHandler
    void on(HouseholdPersonalDataErased event) {
        erased = true;
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        legalHold = event.reason();
    }

    @EventSourcingHandler
    void on(LegalHoldLifted event) {
        legalHold = null;
    }

    @EventSourcingHandler
    void on(HardshipAssessed event) {
        householdCategories = event.householdCategories().isEmpty() ? EnumSet.noneOf(HouseholdCategory.class)
                : EnumSet.copyOf(event.householdCategories());
        Map<Integer, Set<MemberCategory>> byMember = new TreeMap<>();
        event.memberCategories().forEach((memberNo, categories) -> byMember.put(memberNo, EnumSet.copyOf(categories)));
        memberCategories = byMember;
    }
}
