package org.jinlin.kernel.household;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jinlin.kernel.household.HardshipRules.Assessment;
import org.jinlin.kernel.household.HardshipRules.HouseholdFacts;
import org.jinlin.kernel.household.HardshipRules.RetirementAges;
import org.jinlin.kernel.policy.PolicyInForce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What must hold for every household, whatever its facts. */
class HardshipRulesProperties {

    private static final LocalDate ON = LocalDate.of(2024, 6, 15);

    /**
     * Raising the income never adds a category. Two categories are steps on one ladder rather than separate
     * benefits: a dibao household is the deeper form of a low-income one (低收入人口 includes 低保), and a
     * household's dibao already covers each member as individual dibao (单人保) would. So the comparison is made on
     * entitlements: belonging to the low-income population, dibao coverage of the household and of each member,
     * and every other category as it is.
     */
    @Property
    void raisingTheIncomeNeverAddsACategory(@ForAll("households") List<Member> members,
                                            @ForAll("policies") PolicyInForce policy,
                                            @ForAll @IntRange(min = 0, max = 20_000) int income,
                                            @ForAll @IntRange(min = 1, max = 20_000) int raise,
                                            @ForAll boolean migrant) {
        Assessment before = assess(members, income, migrant, policy);
        Assessment after = assess(members, income + raise, migrant, policy);

        assertThat(entitlements(before, members)).containsAll(entitlements(after, members));
    }

    private static Set<String> entitlements(Assessment assessment, List<Member> members) {
        Set<String> entitlements = new java.util.TreeSet<>();
        Set<HouseholdCategory> household = assessment.householdCategories();
        boolean dibao = household.contains(HouseholdCategory.DIBAO);
        if (dibao || household.contains(HouseholdCategory.LOW_INCOME)) {
            entitlements.add("low-income population");
        }
        household.stream().filter(c -> c != HouseholdCategory.DIBAO && c != HouseholdCategory.LOW_INCOME)
                 .forEach(c -> entitlements.add("household " + c));
        for (Member member : members) {
            Set<MemberCategory> categories = assessment.memberCategories().getOrDefault(member.memberNo(), Set.of());
            if (dibao || categories.contains(MemberCategory.INDIVIDUAL_DIBAO)) {
                entitlements.add("member " + member.memberNo() + " dibao coverage");
            }
            categories.stream().filter(c -> c != MemberCategory.INDIVIDUAL_DIBAO)
                      .forEach(c -> entitlements.add("member " + member.memberNo() + " " + c));
        }
        return entitlements;
    }

    @Property
    void theOutcomeDoesNotDependOnMemberOrder(@ForAll("households") List<Member> members,
                                              @ForAll("policies") PolicyInForce policy,
                                              @ForAll @IntRange(min = 0, max = 20_000) int income,
                                              @ForAll boolean migrant, @ForAll long seed) {
        List<Member> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, new Random(seed));

        Assessment original = assess(members, income, migrant, policy);
        Assessment reordered = assess(shuffled, income, migrant, policy);

        assertThat(reordered.sameOutcomeAs(original)).isTrue();
        assertThat(reordered.householdCategories()).isEqualTo(original.householdCategories());
        assertThat(reordered.memberCategories()).isEqualTo(original.memberCategories());
    }

    @Property
    void dibaoAndLowIncomeExcludeEachOther(@ForAll("households") List<Member> members,
                                           @ForAll("policies") PolicyInForce policy,
                                           @ForAll @IntRange(min = 0, max = 20_000) int income) {
        Set<HouseholdCategory> categories = assess(members, income, false, policy).householdCategories();
        assertThat(categories.contains(HouseholdCategory.DIBAO) && categories.contains(HouseholdCategory.LOW_INCOME))
                .isFalse();
    }

    private static Assessment assess(List<Member> members, int income, boolean migrant, PolicyInForce policy) {
        return HardshipRules.assess(new HouseholdFacts(members, BigDecimal.valueOf(income), migrant), policy, ON,
                                    RetirementAges.DEFAULT);
    }

    @Provide
    Arbitrary<PolicyInForce> policies() {
        return Combinators.combine(Arbitraries.integers().between(500, 1500),
                                   Arbitraries.of("1.3", "1.5", "2"), Arbitraries.of(true, false))
                          .as((standard, multiplier, extended) -> new PolicyInForce(
                                  "350800", BigDecimal.valueOf(standard), LocalDate.of(2024, 1, 1),
                                  new BigDecimal(multiplier), extended));
    }

    @Provide
    Arbitrary<List<Member>> households() {
        Arbitrary<Member> member = Combinators.combine(
                Arbitraries.integers().between(0, 100 * 365).map(days -> ON.minusDays(days)),
                Arbitraries.of(Sex.class), Arbitraries.of(EmploymentStatus.class),
                Arbitraries.integers().between(0, 4), Arbitraries.of(DisabilityKind.class), Arbitraries.of(SelfCare.class),
                Arbitraries.of(true, false), Arbitraries.integers().between(2018, 2025).injectNull(0.5))
                .as((birth, sex, employment, grade, kind, care, flag, graduation) -> new Member(
                        0, "x", "x", birth, sex, Relation.OTHER, employment, grade == 0 ? null : grade,
                        grade == 0 ? null : kind, care, flag, graduation, flag, !flag, flag, flag));
        return member.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            List<Member> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Member m = list.get(i);
                numbered.add(new Member(i + 1, m.idNumber(), m.name(), m.birthDate(), m.sex(), m.relation(),
                                        m.employment(), m.disabilityGrade(), m.disabilityKind(), m.selfCare(),
                                        m.severeIllness(), m.graduationYear(), m.orphan(), m.unsupported(),
                                        m.noIncomeSource(), m.noLegalSupporter()));
            }
            return numbered;
        });
    }
}
