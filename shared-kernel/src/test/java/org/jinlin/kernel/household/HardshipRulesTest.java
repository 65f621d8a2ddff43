package org.jinlin.kernel.household;

import org.jinlin.kernel.household.HardshipRules.Assessment;
import org.jinlin.kernel.household.HardshipRules.HouseholdFacts;
import org.jinlin.kernel.household.HardshipRules.RetirementAges;
import org.jinlin.kernel.policy.PolicyInForce;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.kernel.household.HouseholdCategory.DIBAO;
import static org.jinlin.kernel.household.HouseholdCategory.LOW_INCOME;
import static org.jinlin.kernel.household.HouseholdCategory.MIGRANT;
import static org.jinlin.kernel.household.HouseholdCategory.ZERO_EMPLOYMENT;
import static org.jinlin.kernel.household.MemberCategory.CHILD_IN_DIFFICULTY;
import static org.jinlin.kernel.household.MemberCategory.DISABILITY_ALLOWANCE;
import static org.jinlin.kernel.household.MemberCategory.DISABLED;
import static org.jinlin.kernel.household.MemberCategory.DISABLED_JOBSEEKER;
import static org.jinlin.kernel.household.MemberCategory.EMPTY_NEST_ELDER;
import static org.jinlin.kernel.household.MemberCategory.FORTY_FIFTY;
import static org.jinlin.kernel.household.MemberCategory.INDIVIDUAL_DIBAO;
import static org.jinlin.kernel.household.MemberCategory.MIGRANT_CHILD;
import static org.jinlin.kernel.household.MemberCategory.TEKUN;
import static org.jinlin.kernel.household.MemberCategory.UNEMPLOYED_GRADUATE;
import static org.jinlin.kernel.household.People.member;

/**
 * Every rule at its boundaries. The city's dibao standard is 1 000 yuan per person and month and the low-income
 * line 1.5 times that, unless a test says otherwise; the assessment date is 2024-06-15.
 */
class HardshipRulesTest {

    static final LocalDate ON = LocalDate.of(2024, 6, 15);
    static final PolicyInForce POLICY = new PolicyInForce("350800", new BigDecimal("1000.00"),
                                                          LocalDate.of(2024, 1, 1), new BigDecimal("1.5"), false);
    static final PolicyInForce EXTENDED = new PolicyInForce("350800", new BigDecimal("1000.00"),
                                                            LocalDate.of(2024, 1, 1), new BigDecimal("1.5"), true);

    /** Income that makes a household of {@code size} low-income (1 200 per person). */
    static String lowIncome(int size) {
        return String.valueOf(1200 * size);
    }

    static Assessment assess(String monthlyIncome, People... people) {
        return assess(POLICY, monthlyIncome, false, people);
    }

    static Assessment assess(PolicyInForce policy, String monthlyIncome, boolean migrant, People... people) {
        List<Member> members = java.util.Arrays.stream(people).map(People::build).toList();
        return HardshipRules.assess(new HouseholdFacts(members, new BigDecimal(monthlyIncome), migrant), policy, ON,
                                    RetirementAges.DEFAULT);
    }

    static Set<MemberCategory> of(Assessment assessment, int memberNo) {
        return assessment.memberCategories().getOrDefault(memberNo, Set.of());
    }

    @Nested
    class IncomeLines {

        @Test
        void incomeJustBelowTheStandardTimesMembersIsDibao() {
            assertThat(assess("2999.99", member(1), member(2), member(3)).householdCategories()).containsExactly(DIBAO);
        }

        @Test
        void perCapitaIncomeExactlyAtTheStandardIsLowIncomeNotDibao() {
            assertThat(assess("3000.00", member(1), member(2), member(3)).householdCategories())
                    .containsExactly(LOW_INCOME);
        }

        @Test
        void perCapitaIncomeExactlyAtOneAndAHalfTimesTheStandardIsNeither() {
            assertThat(assess("4500.00", member(1), member(2), member(3)).householdCategories()).isEmpty();
            assertThat(assess("4499.99", member(1), member(2), member(3)).householdCategories())
                    .containsExactly(LOW_INCOME);
        }

        @Test
        void theComparisonIsExactNotOnARoundedPerCapitaFigure() {
            // 1 000 / 3 = 333.333…: 999.99 yuan for three people is below a 333.33 standard times three (999.99)?
            PolicyInForce odd = new PolicyInForce("350800", new BigDecimal("333.33"), LocalDate.of(2024, 1, 1),
                                                  new BigDecimal("1.5"), false);
            assertThat(assess(odd, "999.98", false, member(1), member(2), member(3)).householdCategories())
                    .containsExactly(DIBAO);
            assertThat(assess(odd, "999.99", false, member(1), member(2), member(3)).householdCategories())
                    .containsExactly(LOW_INCOME);
        }

        @Test
        void theReasonNamesTheRuleAndThePolicyVersionIsRecorded() {
            Assessment dibao = assess("1500", member(1), member(2));
            assertThat(dibao.reasons()).anyMatch(r -> r.contains("per-capita income 750.00 is below the dibao standard 1000.00"));
            assertThat(dibao.policyVersion()).isEqualTo("350800@2024-01-01:1000.00x1.5/ext=false");
        }
    }

    @Nested
    class IndividualDibao {

        @Test
        void aMemberExactlyEightyTodayInALowIncomeHouseholdIsIndividualDibao() {
            Assessment assessment = assess(lowIncome(2), member(1).aged(80, ON), member(2));
            assertThat(of(assessment, 1)).contains(INDIVIDUAL_DIBAO);
            assertThat(assessment.reasons()).contains(
                    "member 1 aged 80, aged 80 or more, in a low-income household: individual dibao (单人保)");
        }

        @Test
        void aMemberTurningEightyTomorrowIsNot() {
            assertThat(of(assess(lowIncome(2), member(1).aged(80, ON.plusDays(1)), member(2)), 1))
                    .doesNotContain(INDIVIDUAL_DIBAO);
        }

        @Test
        void onlyInALowIncomeHousehold() {
            assertThat(of(assess("1000", member(1).aged(85, ON), member(2)), 1)).doesNotContain(INDIVIDUAL_DIBAO);
            assertThat(of(assess("9000", member(1).aged(85, ON), member(2)), 1)).doesNotContain(INDIVIDUAL_DIBAO);
        }

        @Test
        void sixtyAndUnableToCareForThemselvesOrWithDementiaCounts() {
            assertThat(of(assess(lowIncome(2), member(1).aged(60, ON).selfCare(SelfCare.DISABLED), member(2)), 1))
                    .contains(INDIVIDUAL_DIBAO);
            assertThat(of(assess(lowIncome(2), member(1).aged(60, ON).selfCare(SelfCare.DEMENTIA), member(2)), 1))
                    .contains(INDIVIDUAL_DIBAO);
            assertThat(of(assess(lowIncome(2), member(1).aged(59, ON).selfCare(SelfCare.DISABLED), member(2)), 1))
                    .doesNotContain(INDIVIDUAL_DIBAO);
        }

        @Test
        void gradeOneOrTwoOfAnyKindCounts() {
            assertThat(of(assess(lowIncome(2), member(1).disability(2, DisabilityKind.PHYSICAL), member(2)), 1))
                    .contains(INDIVIDUAL_DIBAO);
            assertThat(of(assess(lowIncome(2), member(1).disability(1, DisabilityKind.VISUAL), member(2)), 1))
                    .contains(INDIVIDUAL_DIBAO);
        }

        @Test
        void gradeThreeCountsOnlyForIntellectualOrMentalDisability() {
            assertThat(of(assess(lowIncome(2), member(1).disability(3, DisabilityKind.INTELLECTUAL), member(2)), 1))
                    .contains(INDIVIDUAL_DIBAO);
            assertThat(of(assess(lowIncome(2), member(1).disability(3, DisabilityKind.MENTAL), member(2)), 1))
                    .contains(INDIVIDUAL_DIBAO);
            assertThat(of(assess(lowIncome(2), member(1).disability(3, DisabilityKind.PHYSICAL), member(2)), 1))
                    .doesNotContain(INDIVIDUAL_DIBAO);
            assertThat(of(assess(lowIncome(2), member(1).disability(4, DisabilityKind.INTELLECTUAL), member(2)), 1))
                    .doesNotContain(INDIVIDUAL_DIBAO);
        }

        @Test
        void aSevereIllnessCounts() {
            assertThat(of(assess(lowIncome(2), member(1).severelyIll(), member(2)), 1)).contains(INDIVIDUAL_DIBAO);
        }
    }

    @Nested
    class Tekun {

        @Test
        void withoutIncomeOrSupporterAndAgedSixtyIsTekun() {
            assertThat(of(assess("0", member(1).aged(60, ON).withoutIncomeOrSupporter()), 1)).contains(TEKUN);
            assertThat(of(assess("0", member(1).aged(59, ON).withoutIncomeOrSupporter()), 1)).doesNotContain(TEKUN);
        }

        @Test
        void underSixteenIsTekunButSixteenIsNot() {
            assertThat(of(assess("0", member(1).aged(16, ON.plusDays(1)).withoutIncomeOrSupporter()), 1)).contains(TEKUN);
            assertThat(of(assess("0", member(1).aged(16, ON).withoutIncomeOrSupporter()), 1)).doesNotContain(TEKUN);
        }

        @Test
        void severeDisabilityOrInabilityToWorkCounts() {
            assertThat(of(assess("0", member(1).disability(2, DisabilityKind.HEARING).withoutIncomeOrSupporter()), 1))
                    .contains(TEKUN);
            assertThat(of(assess("0", member(1).disability(3, DisabilityKind.HEARING).withoutIncomeOrSupporter()), 1))
                    .doesNotContain(TEKUN);
            assertThat(of(assess("0", member(1).employment(EmploymentStatus.UNABLE_TO_WORK).withoutIncomeOrSupporter()),
                          1)).contains(TEKUN);
        }

        @Test
        void havingALegalSupporterRulesItOut() {
            People aged = member(1).aged(70, ON);
            assertThat(of(assess("0", aged), 1)).doesNotContain(TEKUN);
        }
    }

    @Nested
    class Children {

        @Test
        void anOrphanedSeventeenYearOldIsAChildInDifficultyAnEighteenYearOldIsNot() {
            assertThat(of(assess("9000", member(1).aged(17, ON).orphan(), member(2)), 1)).contains(CHILD_IN_DIFFICULTY);
            assertThat(of(assess("9000", member(1).aged(18, ON).orphan(), member(2)), 1))
                    .doesNotContain(CHILD_IN_DIFFICULTY);
        }

        @Test
        void unsupportedOrDisabledMinorsToo() {
            assertThat(of(assess("9000", member(1).aged(10, ON).unsupported(), member(2)), 1)).contains(CHILD_IN_DIFFICULTY);
            assertThat(of(assess("9000", member(1).aged(10, ON).disability(4, DisabilityKind.SPEECH), member(2)), 1))
                    .contains(CHILD_IN_DIFFICULTY, DISABLED);
        }

        @Test
        void minorsOfAMigrantHouseholdAreMigrantChildren() {
            Assessment assessment = assess(POLICY, "9000", true, member(1), member(2).aged(17, ON), member(3).aged(18, ON));
            assertThat(assessment.householdCategories()).contains(MIGRANT);
            assertThat(of(assessment, 2)).contains(MIGRANT_CHILD);
            assertThat(of(assessment, 3)).doesNotContain(MIGRANT_CHILD);
        }
    }

    @Nested
    class EmptyNest {

        @Test
        void twoPeopleAgedSixtyAndFiftyNineAreNotAnEmptyNest() {
            Assessment assessment = assess("9000", member(1).aged(60, ON), member(2).aged(59, ON));
            assertThat(of(assessment, 1)).doesNotContain(EMPTY_NEST_ELDER);
            assertThat(of(assessment, 2)).doesNotContain(EMPTY_NEST_ELDER);
        }

        @Test
        void twoPeopleAgedSixtyAndOverAre() {
            Assessment assessment = assess("9000", member(1).aged(60, ON), member(2).aged(75, ON));
            assertThat(of(assessment, 1)).contains(EMPTY_NEST_ELDER);
            assertThat(of(assessment, 2)).contains(EMPTY_NEST_ELDER);
        }

        @Test
        void someoneLivingAloneIsButThreeElderlyPeopleAreNot() {
            assertThat(of(assess("9000", member(1).aged(66, ON)), 1)).contains(EMPTY_NEST_ELDER);
            assertThat(of(assess("9000", member(1).aged(66, ON), member(2).aged(67, ON), member(3).aged(90, ON)), 1))
                    .doesNotContain(EMPTY_NEST_ELDER);
        }
    }

    @Nested
    class EmploymentAssistance {

        @Test
        void anUnemployedManOfFiftyIsA4050PersonAndOfFortyNineIsNot() {
            assertThat(of(assess("9000", member(1).man().aged(50, ON).employment(EmploymentStatus.UNEMPLOYED), member(2)), 1))
                    .contains(FORTY_FIFTY);
            assertThat(of(assess("9000", member(1).man().aged(49, ON.plusDays(1)).employment(EmploymentStatus.UNEMPLOYED),
                                 member(2)), 1)).doesNotContain(FORTY_FIFTY);
        }

        @Test
        void anUnemployedWomanOfFortyIsA4050PersonAndOfThirtyNineIsNot() {
            assertThat(of(assess("9000", member(1).woman().aged(40, ON).employment(EmploymentStatus.UNEMPLOYED), member(2)), 1))
                    .contains(FORTY_FIFTY);
            assertThat(of(assess("9000", member(1).woman().aged(39, ON).employment(EmploymentStatus.UNEMPLOYED), member(2)), 1))
                    .doesNotContain(FORTY_FIFTY);
        }

        @Test
        void notFromRetirementAgeOn() {
            assertThat(of(assess("9000", member(1).woman().aged(50, ON).employment(EmploymentStatus.UNEMPLOYED), member(2)), 1))
                    .doesNotContain(FORTY_FIFTY);
            assertThat(of(assess("9000", member(1).man().aged(60, ON).employment(EmploymentStatus.UNEMPLOYED), member(2)), 1))
                    .doesNotContain(FORTY_FIFTY);
            Assessment withLaterRetirement = HardshipRules.assess(
                    new HouseholdFacts(List.of(member(1).woman().aged(50, ON).employment(EmploymentStatus.UNEMPLOYED).build()),
                                       new BigDecimal("9000"), false), POLICY, ON, new RetirementAges(55, 60));
            assertThat(of(withLaterRetirement, 1)).as("retirement ages are configurable").contains(FORTY_FIFTY);
        }

        @Test
        void anUnemployedGraduateOfLastYearCountsOneOfTwoYearsAgoDoesNot() {
            assertThat(of(assess("9000", member(1).aged(23, ON).employment(EmploymentStatus.UNEMPLOYED).graduated(2023),
                                 member(2)), 1)).contains(UNEMPLOYED_GRADUATE);
            assertThat(of(assess("9000", member(1).aged(22, ON).employment(EmploymentStatus.UNEMPLOYED).graduated(2024),
                                 member(2)), 1)).contains(UNEMPLOYED_GRADUATE);
            assertThat(of(assess("9000", member(1).aged(24, ON).employment(EmploymentStatus.UNEMPLOYED).graduated(2022),
                                 member(2)), 1)).doesNotContain(UNEMPLOYED_GRADUATE);
        }

        @Test
        void anUnemployedDisabledPersonIsADisabledJobseeker() {
            assertThat(of(assess("9000", member(1).employment(EmploymentStatus.UNEMPLOYED)
                                                  .disability(4, DisabilityKind.PHYSICAL), member(2)), 1))
                    .contains(DISABLED, DISABLED_JOBSEEKER);
        }

        @Test
        void aHouseholdWhoseWorkingAgeMembersAreAllUnemployedIsZeroEmployment() {
            assertThat(assess("9000", member(1).employment(EmploymentStatus.UNEMPLOYED),
                              member(2).aged(17, ON).employment(EmploymentStatus.STUDENT),
                              member(3).aged(70, ON).employment(EmploymentStatus.RETIRED)).householdCategories())
                    .contains(ZERO_EMPLOYMENT);
            assertThat(assess("9000", member(1).employment(EmploymentStatus.UNEMPLOYED),
                              member(2).employment(EmploymentStatus.EMPLOYED)).householdCategories())
                    .doesNotContain(ZERO_EMPLOYMENT);
        }

        @Test
        void studentsRetireesAndThoseUnableToWorkAloneAreNotZeroEmployment() {
            assertThat(assess("9000", member(1).aged(20, ON).employment(EmploymentStatus.STUDENT),
                              member(2).aged(70, ON).employment(EmploymentStatus.RETIRED),
                              member(3).employment(EmploymentStatus.UNABLE_TO_WORK)).householdCategories())
                    .doesNotContain(ZERO_EMPLOYMENT);
        }

        @Test
        void anUnemployedFifteenYearOldDoesNotMakeTheHouseholdZeroEmployment() {
            assertThat(assess("9000", member(1).aged(15, ON).employment(EmploymentStatus.UNEMPLOYED)).householdCategories())
                    .doesNotContain(ZERO_EMPLOYMENT);
        }
    }

    @Nested
    class DisabilityAllowance {

        @Test
        void aDisabledMemberOfADibaoHouseholdGetsIt() {
            assertThat(of(assess("1000", member(1).disability(4, DisabilityKind.HEARING), member(2)), 1))
                    .contains(DISABLED, DISABILITY_ALLOWANCE);
        }

        @Test
        void inALowIncomeHouseholdOnlyWhereTheCityExtendedIt() {
            assertThat(of(assess(POLICY, lowIncome(2), false, member(1).disability(4, DisabilityKind.HEARING), member(2)), 1))
                    .contains(DISABLED).doesNotContain(DISABILITY_ALLOWANCE);
            assertThat(of(assess(EXTENDED, lowIncome(2), false, member(1).disability(4, DisabilityKind.HEARING), member(2)), 1))
                    .contains(DISABILITY_ALLOWANCE);
        }

        @Test
        void notAboveTheLowIncomeLine() {
            assertThat(of(assess(EXTENDED, "9000", false, member(1).disability(1, DisabilityKind.HEARING), member(2)), 1))
                    .doesNotContain(DISABILITY_ALLOWANCE);
        }
    }
}
