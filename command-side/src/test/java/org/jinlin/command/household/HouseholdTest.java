package org.jinlin.command.household;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.jinlin.command.registry.CityPolicyRegistry;
import org.jinlin.command.registry.CommunityRegistry;
import org.jinlin.command.registry.CompoundRegistry;
import org.jinlin.command.registry.PersonRegistry;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.kernel.household.AssistanceKind;
import org.jinlin.kernel.household.AssistanceRecorded;
import org.jinlin.kernel.household.CarePartnerAssigned;
import org.jinlin.kernel.household.CarePartnerKind;
import org.jinlin.kernel.household.EmploymentStatus;
import org.jinlin.kernel.household.HardshipAssessed;
import org.jinlin.kernel.household.HouseholdCategory;
import org.jinlin.kernel.household.HouseholdCommands.AddMember;
import org.jinlin.kernel.household.HouseholdCommands.AssignCarePartner;
import org.jinlin.kernel.household.HouseholdCommands.DeregisterHousehold;
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
import org.jinlin.kernel.household.HouseholdRegistered;
import org.jinlin.kernel.household.IdCardNumber;
import org.jinlin.kernel.household.MemberAdded;
import org.jinlin.kernel.household.MemberCategory;
import org.jinlin.kernel.household.MemberFacts;
import org.jinlin.kernel.household.MemberRemoved;
import org.jinlin.kernel.household.MemberUpdated;
import org.jinlin.kernel.household.Relation;
import org.jinlin.kernel.household.SelfCare;
import org.jinlin.kernel.household.Sex;
import org.jinlin.kernel.policy.PolicyInForce;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 户: every command, rule and refusal of a household, on 2024-06-15 with a dibao standard of 1 000 yuan. */
class HouseholdTest {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    static final String EAST = "350802001001";
    static final String WEST = "350802001002";
    static final String FUZHOU = "350102001001";
    static final PolicyInForce LONGYAN = new PolicyInForce("350800", new BigDecimal("1000.00"), LocalDate.of(2024, 1, 1),
                                                           new BigDecimal("1.5"), false);

    private AggregateTestFixture<Household> fixture;
    private final Map<String, String> personsElsewhere = new HashMap<>();
    private final Map<String, PolicyInForce> policies = new HashMap<>(Map.of("350800", LONGYAN));

    static String id(LocalDate birth, Sex sex, int sequence) {
        String first17 = "350802" + birth.toString().replace("-", "") + String.format("%02d", sequence % 100)
                         + (sex == Sex.MALE ? "1" : "2");
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static final String GRANDMA = id(TODAY.minusYears(82), Sex.FEMALE, 1);
    static final String FATHER = id(LocalDate.of(1980, 3, 3), Sex.MALE, 2);
    static final String CHILD = id(LocalDate.of(2012, 9, 9), Sex.FEMALE, 3);

    static MemberFacts facts(String idNumber, String name, Relation relation, EmploymentStatus employment) {
        return new MemberFacts(idNumber, name, relation, employment, null, null, null, null, null, null, null, null, null);
    }

    static final MemberFacts GRANDMA_FACTS = facts(GRANDMA, "林秀英", Relation.PARENT, EmploymentStatus.RETIRED);
    static final MemberFacts FATHER_FACTS = facts(FATHER, "陈建国", Relation.HEAD, EmploymentStatus.EMPLOYED);
    static final MemberFacts CHILD_FACTS = facts(CHILD, "陈小雨", Relation.CHILD, EmploymentStatus.STUDENT);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Household.class);
        fixture.registerInjectableResource((CommunityRegistry) Set.of(EAST, WEST, FUZHOU)::contains);
        fixture.registerInjectableResource((CompoundRegistry) (community, compound) -> EAST.equals(community)
                                                                                        && "C1".equals(compound));
        fixture.registerInjectableResource(new CityPolicyRegistry() {
            @Override
            public Optional<PolicyInForce> policyInForce(String cityCode, LocalDate on) {
                return Optional.ofNullable(policies.get(cityCode));
            }

            @Override
            public boolean exists(String cityCode) {
                return policies.containsKey(cityCode);
            }
        });
        fixture.registerInjectableResource((PersonRegistry) idNumber -> Optional.ofNullable(personsElsewhere.get(idNumber)));
        fixture.registerInjectableResource(new HardshipSettings(50, 60, "0 5 0 * * *"));
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-06-15T04:00:00Z"), ZoneOffset.UTC));
    }

    /** Captures the events a command applied, to look at them with AssertJ. */
    private static final class Captured extends BaseMatcher<List<EventMessage<?>>> {
        final List<Object> payloads = new ArrayList<>();

        @Override
        public boolean matches(Object actual) {
            for (Object message : (List<?>) actual) {
                payloads.add(((EventMessage<?>) message).getPayload());
            }
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events");
        }

        <T> T last(Class<T> type) {
            for (int i = payloads.size() - 1; i >= 0; i--) {
                if (type.isInstance(payloads.get(i))) {
                    return type.cast(payloads.get(i));
                }
            }
            throw new AssertionError("no " + type.getSimpleName() + " among " + payloads);
        }
    }

    private RegisterHousehold register(String income, MemberFacts... members) {
        return new RegisterHousehold("H-1", EAST, "C1", new BigDecimal(income), false, List.of(members));
    }

    private static Object[] and(Object[] first, Object... more) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray();
    }

    private Object[] registered(String income, MemberFacts... members) {
        List<Object> events = new ArrayList<>();
        events.add(new HouseholdRegistered("H-1", EAST, "C1", new BigDecimal(income), false));
        for (int i = 0; i < members.length; i++) {
            events.add(new MemberAdded("H-1", members[i].asMember(i + 1)));
        }
        return events.toArray();
    }

    @Test
    void aRegisteredHouseholdGetsItsMembersNumberedAndAnAssessment() {
        Captured events = new Captured();
        fixture.givenNoPriorActivity()
               .when(register("2700", GRANDMA_FACTS, FATHER_FACTS))
               .expectSuccessfulHandlerExecution()
               .expectEventsMatching(events);

        assertThat(events.payloads).hasSize(4);
        assertThat(events.payloads.get(0)).isEqualTo(new HouseholdRegistered("H-1", EAST, "C1", new BigDecimal("2700"), false));
        MemberAdded grandma = (MemberAdded) events.payloads.get(1);
        assertThat(grandma.member().memberNo()).isEqualTo(1);
        assertThat(grandma.member().birthDate()).isEqualTo(TODAY.minusYears(82));
        assertThat(grandma.member().sex()).isEqualTo(Sex.FEMALE);
        assertThat(grandma.member().selfCare()).isEqualTo(SelfCare.CAPABLE);
        HardshipAssessed assessed = events.last(HardshipAssessed.class);
        assertThat(assessed.householdCategories()).containsExactly(HouseholdCategory.LOW_INCOME);
        assertThat(assessed.memberCategories().get(1)).contains(MemberCategory.INDIVIDUAL_DIBAO);
        assertThat(assessed.reasons()).contains(
                "member 1 aged 82, aged 80 or more, in a low-income household: individual dibao (单人保)");
        assertThat(assessed.policyVersion()).isEqualTo("350800@2024-01-01:1000.00x1.5/ext=false");
        assertThat(assessed.assessedOn()).isEqualTo(TODAY);
    }

    @Test
    void aHouseholdInACityWithoutAPolicyIsRefusedNamingTheMissingPolicy() {
        fixture.givenNoPriorActivity()
               .when(new RegisterHousehold("H-1", FUZHOU, null, new BigDecimal("100"), false, List.of(FATHER_FACTS)))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("city 350100 (福州市) has no dibao standard in force on 2024-06-15; "
                                       + "set it first with PUT /api/city-policies/350100")
               .expectNoEvents();
    }

    @Test
    void anUnknownCommunityOrCompoundIsRefused() {
        fixture.givenNoPriorActivity()
               .when(new RegisterHousehold("H-1", "350802001099", null, BigDecimal.ONE, false, List.of(FATHER_FACTS)))
               .expectException(RuleViolation.class).expectExceptionMessage("community 350802001099 is not registered")
               .expectNoEvents();
        fixture.givenNoPriorActivity()
               .when(new RegisterHousehold("H-1", EAST, "C9", BigDecimal.ONE, false, List.of(FATHER_FACTS)))
               .expectException(RuleViolation.class).expectExceptionMessage("community 350802001001 has no compound C9")
               .expectNoEvents();
    }

    @Test
    void aPersonInAnotherActiveHouseholdIsRefused() {
        personsElsewhere.put(FATHER, "H-7");
        fixture.givenNoPriorActivity()
               .when(register("5000", FATHER_FACTS))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("person 3508**********" + FATHER.substring(14)
                                       + " is already a member of active household H-7; a person belongs to one household at a time")
               .expectNoEvents();
    }

    @Test
    void aWrongCheckDigitOrTheSamePersonTwiceIsInvalidInput() {
        String mistyped = FATHER.substring(0, 17) + (FATHER.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> register("100", facts(mistyped, "x", Relation.HEAD, EmploymentStatus.EMPLOYED)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("members[0].idNumber: the check digit is");
        assertThatThrownBy(() -> register("100", FATHER_FACTS, FATHER_FACTS))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("members[1].idNumber: the same person is listed twice in this household");
        assertThatThrownBy(() -> new RegisterHousehold("H-1", EAST, null, new BigDecimal("-1"), false, List.of()))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("monthlyIncome").hasMessageContaining("members");
    }

    @Test
    void addingAMemberNumbersThemAfterTheOthersAndReassesses() {
        Captured events = new Captured();
        fixture.given(registered("2700", GRANDMA_FACTS, FATHER_FACTS))
               .when(new AddMember("H-1", CHILD_FACTS, null))
               .expectEventsMatching(events);
        assertThat(((MemberAdded) events.payloads.get(0)).member().memberNo()).isEqualTo(3);
        assertThat(events.last(HardshipAssessed.class).householdCategories()).containsExactly(HouseholdCategory.DIBAO);
    }

    @Test
    void addingSomeoneAlreadyInTheHouseholdIsRefused() {
        fixture.given(registered("2700", GRANDMA_FACTS, FATHER_FACTS))
               .when(new AddMember("H-1", FATHER_FACTS, null))
               .expectException(RuleViolation.class).expectExceptionMessage(
                       org.hamcrest.Matchers.containsString("is already a member of household H-1"))
               .expectNoEvents();
    }

    @Test
    void updatingAMemberKeepsTheirNumber() {
        MemberFacts disabled = new MemberFacts(FATHER, "陈建国", Relation.HEAD, EmploymentStatus.UNEMPLOYED, 2,
                                               org.jinlin.kernel.household.DisabilityKind.PHYSICAL, null, null, null,
                                               null, null, null, null);
        Captured events = new Captured();
        fixture.given(registered("9000", GRANDMA_FACTS, FATHER_FACTS))
               .when(new UpdateMember("H-1", FATHER, disabled, null))
               .expectEventsMatching(events);
        MemberUpdated updated = (MemberUpdated) events.payloads.get(0);
        assertThat(updated.member().memberNo()).isEqualTo(2);
        assertThat(updated.member().disabilityGrade()).isEqualTo(2);
        assertThat(events.last(HardshipAssessed.class).memberCategories().get(2))
                .contains(MemberCategory.DISABLED, MemberCategory.DISABLED_JOBSEEKER);
    }

    @Test
    void updatingOrRemovingSomeoneWhoIsNotAMemberIsRefused() {
        fixture.given(registered("9000", GRANDMA_FACTS, FATHER_FACTS))
               .when(new RemoveMember("H-1", CHILD, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("household H-1 has no member with id-card number 3508**********" + CHILD.substring(14))
               .expectNoEvents();
    }

    @Test
    void removingAMemberReassessesAndTheLastMemberCannotBeRemoved() {
        Captured events = new Captured();
        fixture.given(registered("2700", GRANDMA_FACTS, FATHER_FACTS))
               .when(new RemoveMember("H-1", GRANDMA, null))
               .expectEventsMatching(events);
        assertThat(events.payloads.get(0)).isEqualTo(new MemberRemoved("H-1", 1));

        fixture.given(registered("2700", FATHER_FACTS))
               .when(new RemoveMember("H-1", FATHER, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("household H-1 would have no member left; a household has at least one member "
                                       + "(deregister it instead)")
               .expectNoEvents();
    }

    @Test
    void anIncomeBelowTheStandardMakesTheHouseholdDibao() {
        Captured events = new Captured();
        fixture.given(registered("2700", GRANDMA_FACTS, FATHER_FACTS))
               .when(new ReportIncome("H-1", new BigDecimal("1999.99"), TODAY, null))
               .expectEventsMatching(events);
        assertThat(events.payloads.get(0)).isEqualTo(new HouseholdIncomeReported("H-1", new BigDecimal("1999.99"), TODAY));
        assertThat(events.last(HardshipAssessed.class).householdCategories()).containsExactly(HouseholdCategory.DIBAO);
    }

    @Test
    void anUnchangedOutcomeAppendsNoAssessment() {
        fixture.given(and(registered("9000", FATHER_FACTS),
                          new HardshipAssessed("H-1", List.of(), Map.of(), LONGYAN.version(), TODAY, List.of())))
               .when(new ReportIncome("H-1", new BigDecimal("9500"), TODAY, null))
               .expectEvents(new HouseholdIncomeReported("H-1", new BigDecimal("9500"), TODAY));
    }

    @Test
    void aMoveToAnotherCityUsesThatCitysPolicyAndIsRefusedWithoutOne() {
        fixture.given(registered("9000", FATHER_FACTS))
               .when(new MoveHousehold("H-1", FUZHOU, null, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("city 350100 (福州市) has no dibao standard"))
               .expectNoEvents();
        policies.put("350100", new PolicyInForce("350100", new BigDecimal("10000"), LocalDate.of(2024, 1, 1),
                                                 new BigDecimal("1.5"), false));
        Captured events = new Captured();
        fixture.given(and(registered("9000", FATHER_FACTS),
                          new HardshipAssessed("H-1", List.of(), Map.of(), LONGYAN.version(), TODAY, List.of())))
               .when(new MoveHousehold("H-1", FUZHOU, null, null))
               .expectEventsMatching(events);
        assertThat(events.payloads.get(0)).isEqualTo(new HouseholdMoved("H-1", FUZHOU, null));
        assertThat(events.last(HardshipAssessed.class).householdCategories()).containsExactly(HouseholdCategory.DIBAO);
    }

    @Test
    void movingToWhereTheHouseholdAlreadyLivesIsRefused() {
        fixture.given(registered("9000", FATHER_FACTS))
               .when(new MoveHousehold("H-1", EAST, "C1", null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("household H-1 already lives in community 350802001001, compound C1")
               .expectNoEvents();
    }

    @Test
    void carePartnersAndAssistanceAreRecorded() {
        fixture.given(registered("9000", FATHER_FACTS))
               .when(new AssignCarePartner("H-1", "王志愿", CarePartnerKind.VOLUNTEER, null))
               .expectEvents(new CarePartnerAssigned("H-1", "王志愿", CarePartnerKind.VOLUNTEER));
        fixture.given(registered("9000", FATHER_FACTS))
               .when(new RecordAssistance("H-1", AssistanceKind.VISIT, "上门走访", TODAY, null))
               .expectEvents(new AssistanceRecorded("H-1", AssistanceKind.VISIT, "上门走访", TODAY));
    }

    @Test
    void aDeregisteredHouseholdNoLongerChanges() {
        fixture.given(registered("9000", FATHER_FACTS))
               .when(new DeregisterHousehold("H-1", "户口迁出", null))
               .expectEvents(new HouseholdDeregistered("H-1", "户口迁出"));
        fixture.given(and(registered("9000", FATHER_FACTS), new HouseholdDeregistered("H-1", "户口迁出")))
               .when(new ReportIncome("H-1", BigDecimal.ONE, TODAY, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("household H-1 is deregistered; it can no longer change")
               .expectNoEvents();
        fixture.given(and(registered("9000", FATHER_FACTS), new HouseholdDeregistered("H-1", "户口迁出")))
               .when(new ReassessHardship("H-1", TODAY))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aReassessmentOnALaterDateNoticesABirthday() {
        String turning80 = id(TODAY.plusDays(1).minusYears(80), Sex.MALE, 4);
        Captured registration = new Captured();
        fixture.givenNoPriorActivity()
               .when(register("2700", facts(turning80, "黄老伯", Relation.HEAD, EmploymentStatus.RETIRED), FATHER_FACTS))
               .expectEventsMatching(registration);
        HardshipAssessed before = registration.last(HardshipAssessed.class);
        assertThat(before.memberCategories().getOrDefault(1, List.of())).doesNotContain(MemberCategory.INDIVIDUAL_DIBAO);

        Captured tomorrow = new Captured();
        List<Object> history = new ArrayList<>(registration.payloads);
        fixture.given(history.toArray())
               .when(new ReassessHardship("H-1", TODAY.plusDays(1)))
               .expectEventsMatching(tomorrow);
        assertThat(tomorrow.last(HardshipAssessed.class).memberCategories().get(1))
                .contains(MemberCategory.INDIVIDUAL_DIBAO);
    }
}
