package org.jinlin.kernel.household;

import org.jinlin.kernel.policy.PolicyInForce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hardship rules of 助困服务 (闽社办〔2021〕1号 一(五)) as one pure function: the facts of a household, the city's
 * policy in force and a date give the household's categories, each member's categories, and the reason for each,
 * naming the rule that fired. Ages are counted on the date; incomes are compared exactly (income &lt; S × members,
 * never a rounded per-capita figure).
 * <ol>
 * <li>DIBAO household: per-capita income &lt; S.</li>
 * <li>LOW_INCOME household: S ≤ per-capita income &lt; M × S.</li>
 * <li>INDIVIDUAL_DIBAO (单人保), only in a LOW_INCOME household: aged ≥ 80; or aged ≥ 60 and 失能 or 失智; or
 * disability grade 1 or 2; or an intellectual or mental disability of grade 3; or a severe illness
 * (将低收入家庭中80周岁以上和失能（失智）老年人、重度残疾人（含智力、精神三级）、重病患者等特殊困难人员按单人纳入低保).</li>
 * <li>TEKUN (特困): no income source and no legal supporter, and aged ≥ 60, or under 16, or disability grade 1–2, or
 * unable to work.</li>
 * <li>CHILD_IN_DIFFICULTY (困境儿童): under 18, and orphaned, de facto unsupported or disabled.</li>
 * <li>EMPTY_NEST_ELDER (空巢老人): aged ≥ 60 in a household of at most two, all aged ≥ 60.</li>
 * <li>DISABLED: any disability grade.</li>
 * <li>Employment assistance: FORTY_FIFTY ("4050": unemployed woman 40+ or man 50+, below retirement age);
 * UNEMPLOYED_GRADUATE (graduated this year or last: 离校2年内); DISABLED_JOBSEEKER (unemployed, disabled);
 * ZERO_EMPLOYMENT household: someone aged 16 to below retirement age is employed or unemployed, and none is
 * employed.</li>
 * <li>DISABILITY_ALLOWANCE: disabled in a DIBAO household, or in a LOW_INCOME one where the city extended it.</li>
 * <li>MIGRANT household (flagged at registration); its minors are MIGRANT_CHILD.</li>
 * </ol>
 */
public final class HardshipRules {

    private HardshipRules() {
    }

    /** Retirement ages for the "4050" and zero-employment rules (法定退休年龄), configurable. */
    public record RetirementAges(int women, int men) {

        public static final RetirementAges DEFAULT = new RetirementAges(50, 60);

        int of(Sex sex) {
            return sex == Sex.FEMALE ? women : men;
        }
    }

    /** The facts the rules read. */
    public record HouseholdFacts(List<Member> members, BigDecimal monthlyIncome, boolean migrant) {
    }

    /**
     * The outcome: categories of the household and of each member (by member number), the reasons, and the policy
     * version used. Two assessments with the same categories are the same outcome.
     */
    public record Assessment(Set<HouseholdCategory> householdCategories,
                             Map<Integer, Set<MemberCategory>> memberCategories, List<String> reasons,
                             String policyVersion) {

        public boolean sameOutcomeAs(Assessment other) {
            return other != null && householdCategories.equals(other.householdCategories)
                   && memberCategories.equals(other.memberCategories);
        }
    }

    public static Assessment assess(HouseholdFacts facts, PolicyInForce policy, LocalDate on, RetirementAges retirement) {
        List<String> reasons = new ArrayList<>();
        Set<HouseholdCategory> household = EnumSet.noneOf(HouseholdCategory.class);
        Map<Integer, Set<MemberCategory>> members = new TreeMap<>();
        int size = facts.members().size();
        BigDecimal persons = BigDecimal.valueOf(size);
        BigDecimal dibaoLine = policy.dibaoStandard().multiply(persons);
        BigDecimal lowIncomeLine = policy.dibaoStandard().multiply(policy.lowIncomeMultiplier()).multiply(persons);
        String perCapita = facts.monthlyIncome().divide(persons, 2, RoundingMode.HALF_UP).toPlainString();
        String standard = policy.dibaoStandard().toPlainString();

        if (facts.monthlyIncome().compareTo(dibaoLine) < 0) {
            household.add(HouseholdCategory.DIBAO);
            reasons.add("per-capita income " + perCapita + " is below the dibao standard " + standard
                        + ": dibao household (低保家庭)");
        } else if (facts.monthlyIncome().compareTo(lowIncomeLine) < 0) {
            household.add(HouseholdCategory.LOW_INCOME);
            reasons.add("per-capita income " + perCapita + " is at least the dibao standard " + standard
                        + " and below " + policy.lowIncomeMultiplier().stripTrailingZeros().toPlainString()
                        + " times it: low-income household (低收入家庭)");
        }
        boolean dibao = household.contains(HouseholdCategory.DIBAO);
        boolean lowIncome = household.contains(HouseholdCategory.LOW_INCOME);
        boolean allElderly = size <= 2 && facts.members().stream().allMatch(m -> m.ageOn(on) >= 60);
        int thisYear = on.getYear();

        boolean anyWorkingAge = false;
        boolean anyEmployed = false;
        for (Member member : facts.members()) {
            int age = member.ageOn(on);
            String who = "member " + member.memberNo() + " aged " + age;
            Set<MemberCategory> categories = EnumSet.noneOf(MemberCategory.class);

            if (lowIncome) {
                String special = specialHardship(member, age);
                if (special != null) {
                    categories.add(MemberCategory.INDIVIDUAL_DIBAO);
                    reasons.add(who + ", " + special + ", in a low-income household: individual dibao (单人保)");
                }
            }
            if (member.noIncomeSource() && member.noLegalSupporter()) {
                String why = age >= 60 ? "aged 60 or more" : age < 16 ? "under 16"
                        : member.disabled() && member.disabilityGrade() <= 2 ? "disability grade " + member.disabilityGrade()
                        : member.employment() == EmploymentStatus.UNABLE_TO_WORK ? "unable to work" : null;
                if (why != null) {
                    categories.add(MemberCategory.TEKUN);
                    reasons.add(who + " has no income source and no legal supporter and is " + why
                                + ": extremely poor person (特困人员)");
                }
            }
            if (age < 18 && (member.orphan() || member.unsupported() || member.disabled())) {
                categories.add(MemberCategory.CHILD_IN_DIFFICULTY);
                reasons.add(who + " is a minor who is " + (member.orphan() ? "orphaned"
                        : member.unsupported() ? "de facto unsupported" : "disabled") + ": child in difficulty (困境儿童)");
            }
            if (age >= 60 && allElderly) {
                categories.add(MemberCategory.EMPTY_NEST_ELDER);
                reasons.add(who + " lives alone or only with people aged 60 or more: empty-nest elder (空巢老人)");
            }
            if (member.disabled()) {
                categories.add(MemberCategory.DISABLED);
                reasons.add(who + " has a grade " + member.disabilityGrade() + " " + member.disabilityKind()
                            + " disability (残疾人)");
                if (dibao || (lowIncome && policy.disabilityAllowanceExtended())) {
                    categories.add(MemberCategory.DISABILITY_ALLOWANCE);
                    reasons.add(who + " is disabled in a " + (dibao ? "dibao household"
                            : "low-income household of a city that extended the allowance")
                                + ": disability living allowance (困难残疾人生活补贴)");
                }
            }
            int retirementAge = retirement.of(member.sex());
            boolean unemployed = member.employment() == EmploymentStatus.UNEMPLOYED;
            if (unemployed && age < retirementAge
                && age >= (member.sex() == Sex.FEMALE ? 40 : 50)) {
                categories.add(MemberCategory.FORTY_FIFTY);
                reasons.add(who + " is an unemployed " + (member.sex() == Sex.FEMALE ? "woman aged 40" : "man aged 50")
                            + " or more below retirement age " + retirementAge + ": \"4050\" person (\"4050\"人员)");
            }
            if (unemployed && member.graduationYear() != null
                && (member.graduationYear() == thisYear || member.graduationYear() == thisYear - 1)) {
                categories.add(MemberCategory.UNEMPLOYED_GRADUATE);
                reasons.add(who + " graduated in " + member.graduationYear()
                            + " and is unemployed: graduate within two years of leaving school (离校未就业高校毕业生)");
            }
            if (unemployed && member.disabled()) {
                categories.add(MemberCategory.DISABLED_JOBSEEKER);
                reasons.add(who + " is disabled and unemployed: disabled jobseeker (就业困难残疾人)");
            }
            if (facts.migrant() && age < 18) {
                categories.add(MemberCategory.MIGRANT_CHILD);
                reasons.add(who + " is a minor in a migrant worker household: migrant child (随迁子女)");
            }
            if (age >= 16 && age < retirementAge && (unemployed || member.employment() == EmploymentStatus.EMPLOYED)) {
                anyWorkingAge = true;
                anyEmployed |= member.employment() == EmploymentStatus.EMPLOYED;
            }
            if (!categories.isEmpty()) {
                members.put(member.memberNo(), Collections.unmodifiableSet(categories));
            }
        }
        if (anyWorkingAge && !anyEmployed) {
            household.add(HouseholdCategory.ZERO_EMPLOYMENT);
            reasons.add("no member of working age able to work is employed: zero-employment household (零就业家庭)");
        }
        if (facts.migrant()) {
            household.add(HouseholdCategory.MIGRANT);
            reasons.add("registered as a migrant worker household (进城务工人员家庭)");
        }
        return new Assessment(Collections.unmodifiableSet(household), Collections.unmodifiableMap(members),
                              List.copyOf(reasons), policy.version());
    }

    /** Why a member of a low-income household is a special-hardship case, or null. */
    private static String specialHardship(Member member, int age) {
        if (age >= 80) {
            return "aged 80 or more";
        }
        if (age >= 60 && member.selfCare() == SelfCare.DISABLED) {
            return "aged 60 or more and unable to care for themselves (失能)";
        }
        if (age >= 60 && member.selfCare() == SelfCare.DEMENTIA) {
            return "aged 60 or more with dementia (失智)";
        }
        if (member.disabled() && member.disabilityGrade() <= 2) {
            return "severely disabled (grade " + member.disabilityGrade() + ")";
        }
        if (member.disabled() && member.disabilityGrade() == 3
            && (member.disabilityKind() == DisabilityKind.INTELLECTUAL || member.disabilityKind() == DisabilityKind.MENTAL)) {
            return "with a grade 3 " + member.disabilityKind().name().toLowerCase() + " disability";
        }
        if (member.severeIllness()) {
            return "severely ill (重病)";
        }
        return null;
    }
}
