package org.jinlin.app.demo;

import org.jinlin.kernel.household.AssistanceKind;
import org.jinlin.kernel.household.CarePartnerKind;
import org.jinlin.kernel.household.DisabilityKind;
import org.jinlin.kernel.household.EmploymentStatus;
import org.jinlin.kernel.household.HouseholdCommands.AssignCarePartner;
import org.jinlin.kernel.household.HouseholdCommands.DeregisterHousehold;
import org.jinlin.kernel.household.HouseholdCommands.RecordAssistance;
import org.jinlin.kernel.household.HouseholdCommands.RegisterHousehold;
import org.jinlin.kernel.household.HouseholdCommands.ReportIncome;
import org.jinlin.kernel.household.IdCardNumber;
import org.jinlin.kernel.household.MemberFacts;
import org.jinlin.kernel.household.Relation;
import org.jinlin.kernel.household.SelfCare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Households whose members are drawn so that every hardship rule of DOMAIN.md fires somewhere: each household
 * follows one {@link Kind}, the first ones each kind in turn (so even a tiny data set has them all), the rest by
 * weight. Ages are counted back from {@code today}, the day the service assesses them; id-card numbers carry the
 * county of the household's community (or another province for migrants), the birth date, an odd or even sequence
 * for the sex, and the right check digit, and are never repeated.
 */
final class HouseholdPlanner {

    /** What a household is drawn to show, with its weight per thousand. */
    enum Kind {
        ORDINARY(470), MIGRANT(80), DIBAO(55), EMPTY_NEST(60), LOW_INCOME_ELDER(35), LOW_INCOME_SPECIAL(50),
        LOW_INCOME_FAMILY(50), FORTY_FIFTY(45), GRADUATE(30), DISABLED_JOBSEEKER(30), ZERO_EMPLOYMENT(25),
        TEKUN(25), ORPHAN(10), CHILD_UNSUPPORTED(15), DISABLED_CHILD(20);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private static final String[] OTHER_PROVINCES = {"360102", "360731", "362426", "430102", "431021", "510104",
            "511321", "420106", "450102", "340102", "522121", "500101"};
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final DemoWorld world;
    private final SplittableRandom random;
    private final LocalDate today;
    private final long[] cumulativePopulation;
    private final Set<Long> usedIds = new HashSet<>();
    private final Map<String, Integer> perCommunity = new HashMap<>();
    private int index;
    private int specialVariant;

    HouseholdPlanner(DemoWorld world, long seed, LocalDate today) {
        this.world = world;
        this.random = new SplittableRandom(seed ^ 0x486f7573L);
        this.today = today;
        this.cumulativePopulation = Draws.cumulativeWeights(world.communities, DemoWorld.Community::population);
    }

    /** The next household's commands: its registration, then perhaps a care partner, assistance, income, exit. */
    List<Step> next() {
        Kind kind = index < Kind.values().length ? Kind.values()[index] : weighted();
        index++;
        DemoWorld.Community community = community();
        int seq = perCommunity.merge(community.code(), 1, Integer::sum);
        String householdId = "H" + community.code() + "-" + String.format("%04d", seq);
        String compoundId = community.compounds().isEmpty() || random.nextInt(100) >= 90 ? null
                : community.compounds().get(random.nextInt(community.compounds().size())).id();
        DemoWorld.City city = world.city(community.cityCode());
        Family family = new Family(community.countyCode());
        BigDecimal income = draw(kind, family, city);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Actor.REGISTRAR, new RegisterHousehold(householdId, community.code(), compoundId, income,
                                                                  kind == Kind.MIGRANT, family.members())));
        if (kind != Kind.ORDINARY && kind != Kind.MIGRANT || random.nextInt(100) < 3) {
            if (random.nextInt(100) < 45) {
                CarePartnerKind partner = CarePartnerKind.values()[random.nextInt(CarePartnerKind.values().length)];
                steps.add(new Step(Actor.REGISTRAR, new AssignCarePartner(
                        householdId, Words.personName(random, random.nextBoolean()), partner, null)));
            }
            if (random.nextInt(100) < 35) {
                AssistanceKind assistance = assistanceFor(kind);
                LocalDate on = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(
                        (int) Math.max(1, today.toEpochDay() - LocalDate.of(2024, 1, 1).toEpochDay())));
                steps.add(new Step(Actor.REGISTRAR, new RecordAssistance(householdId, assistance,
                                                                         noteFor(assistance), on, null)));
            }
        }
        if (random.nextInt(100) < 2) {
            BigDecimal changed = income.multiply(BigDecimal.valueOf(100 + 5 + random.nextInt(20)))
                                       .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
            steps.add(new Step(Actor.REGISTRAR, new ReportIncome(householdId, changed,
                                                                 today.minusDays(1 + random.nextInt(60)), null)));
        }
        if (random.nextInt(1000) < 5) {
            steps.add(new Step(Actor.REGISTRAR, new DeregisterHousehold(
                    householdId, random.nextBoolean() ? "全户迁出本市" : "家庭成员并入他户", null)));
        }
        return steps;
    }

    private Kind weighted() {
        return Draws.perThousand(random, Kind.values(), value -> value.weight, Kind.ORDINARY);
    }

    private DemoWorld.Community community() {
        return Draws.byCumulativeWeight(random, world.communities, cumulativePopulation);
    }

    /** Adds the members of a household of this kind and returns its monthly income. */
    private BigDecimal draw(Kind kind, Family f, DemoWorld.City city) {
        int thisYear = today.getYear();
        String bornHere = f.region;
        switch (kind) {
            case ORDINARY -> {
                int head = between(28, 58);
                boolean male = random.nextBoolean();
                f.add(head, male, Relation.HEAD, EmploymentStatus.EMPLOYED);
                if (random.nextInt(100) < 75) {
                    f.add(Math.max(22, head + between(-4, 4)), !male, Relation.SPOUSE, EmploymentStatus.EMPLOYED);
                }
                children(f, head, random.nextInt(3));
                if (random.nextInt(100) < 20) {
                    f.add(Math.min(95, head + between(24, 32)), random.nextBoolean(), Relation.PARENT,
                          EmploymentStatus.RETIRED);
                }
                return ordinary(f, city);
            }
            case MIGRANT -> {
                f.region = Words.pick(random, OTHER_PROVINCES);
                int head = between(25, 45);
                boolean male = random.nextInt(100) < 60;
                f.add(head, male, Relation.HEAD, EmploymentStatus.EMPLOYED);
                f.add(Math.max(22, head + between(-3, 3)), !male, Relation.SPOUSE, EmploymentStatus.EMPLOYED);
                int kids = 1 + random.nextInt(2);
                for (int i = 0; i < kids; i++) {
                    f.region = random.nextBoolean() ? bornHere : f.region;
                    f.add(between(1, Math.min(16, head - 20)), random.nextBoolean(), Relation.CHILD,
                          EmploymentStatus.STUDENT);
                }
                return perCapita(f, city, 1.7, 3.0);
            }
            case DIBAO -> {
                int head = between(35, 58);
                boolean male = random.nextBoolean();
                Draft member = f.add(head, male, Relation.HEAD, random.nextBoolean() ? EmploymentStatus.UNABLE_TO_WORK
                                                                                  : EmploymentStatus.UNEMPLOYED);
                // The first dibao household has a disabled head, so even a tiny data set shows the allowance.
                if (index <= Kind.values().length || random.nextInt(100) < 50) {
                    member.disabilityGrade = between(2, 4);
                    member.disabilityKind = pickKind(DisabilityKind.PHYSICAL, DisabilityKind.VISUAL,
                                                     DisabilityKind.MULTIPLE);
                }
                if (random.nextInt(100) < 60) {
                    f.add(head + between(-4, 4), !male, Relation.SPOUSE, EmploymentStatus.EMPLOYED);
                }
                children(f, head, random.nextInt(2));
                return perCapita(f, city, 0.2, 0.9);
            }
            case EMPTY_NEST -> {
                int head = between(62, 88);
                boolean male = random.nextBoolean();
                f.add(head, male, Relation.HEAD, EmploymentStatus.RETIRED);
                if (random.nextInt(100) < 70) {
                    f.add(Math.max(60, head + between(-5, 3)), !male, Relation.SPOUSE, EmploymentStatus.RETIRED);
                }
                return perCapita(f, city, city.multiplier().doubleValue() + 0.1, 3.0);
            }
            case LOW_INCOME_ELDER -> {
                int child = between(45, 62);
                f.add(child, random.nextBoolean(), Relation.HEAD, child >= 60 ? EmploymentStatus.RETIRED
                                                                              : EmploymentStatus.EMPLOYED);
                f.add(Math.max(80, child + between(24, 32)), random.nextBoolean(), Relation.PARENT,
                      EmploymentStatus.RETIRED);
                return lowIncome(f, city);
            }
            case LOW_INCOME_SPECIAL -> {
                int variant = specialVariant++ % 5;
                switch (variant) {
                    case 0, 1 -> {
                        int child = between(35, 52);
                        f.add(child, random.nextBoolean(), Relation.HEAD, EmploymentStatus.EMPLOYED);
                        Draft elder = f.add(between(62, 79), random.nextBoolean(), Relation.PARENT, EmploymentStatus.RETIRED);
                        elder.selfCare = variant == 0 ? SelfCare.DISABLED : SelfCare.DEMENTIA;
                    }
                    case 2 -> {
                        int parent = between(45, 58);
                        f.add(parent, random.nextBoolean(), Relation.HEAD, EmploymentStatus.EMPLOYED);
                        Draft severe = f.add(between(20, parent - 20), random.nextBoolean(), Relation.CHILD,
                                         EmploymentStatus.UNABLE_TO_WORK);
                        severe.disabilityGrade = between(1, 2);
                        severe.disabilityKind = pickKind(DisabilityKind.PHYSICAL, DisabilityKind.VISUAL,
                                                         DisabilityKind.MULTIPLE, DisabilityKind.HEARING);
                    }
                    case 3 -> {
                        int parent = between(45, 58);
                        f.add(parent, random.nextBoolean(), Relation.HEAD, EmploymentStatus.EMPLOYED);
                        Draft member = f.add(between(18, parent - 20), random.nextBoolean(), Relation.CHILD,
                                         EmploymentStatus.UNABLE_TO_WORK);
                        member.disabilityGrade = 3;
                        member.disabilityKind = pickKind(DisabilityKind.INTELLECTUAL, DisabilityKind.MENTAL);
                    }
                    default -> {
                        int head = between(30, 55);
                        boolean male = random.nextBoolean();
                        Draft ill = f.add(head, male, Relation.HEAD, EmploymentStatus.UNABLE_TO_WORK);
                        ill.severeIllness = true;
                        f.add(head + between(-4, 4), !male, Relation.SPOUSE, EmploymentStatus.EMPLOYED);
                        children(f, head, random.nextInt(2));
                    }
                }
                return lowIncome(f, city);
            }
            case LOW_INCOME_FAMILY -> {
                int head = between(30, 55);
                boolean male = random.nextBoolean();
                f.add(head, male, Relation.HEAD, EmploymentStatus.EMPLOYED);
                f.add(head + between(-4, 4), !male, Relation.SPOUSE, EmploymentStatus.EMPLOYED);
                children(f, head, 1 + random.nextInt(2));
                return lowIncome(f, city);
            }
            case FORTY_FIFTY -> {
                if (random.nextBoolean()) {
                    f.add(between(40, 49), false, Relation.HEAD, EmploymentStatus.UNEMPLOYED);
                    f.add(between(42, 55), true, Relation.SPOUSE, EmploymentStatus.EMPLOYED);
                } else {
                    f.add(between(50, 59), true, Relation.HEAD, EmploymentStatus.UNEMPLOYED);
                    f.add(between(45, 49), false, Relation.SPOUSE, EmploymentStatus.EMPLOYED);
                }
                children(f, 45, random.nextInt(2));
                return random.nextBoolean() ? lowIncome(f, city) : ordinary(f, city);
            }
            case GRADUATE -> {
                int parent = between(46, 56);
                f.add(parent, true, Relation.HEAD, EmploymentStatus.EMPLOYED);
                f.add(parent + between(-3, 2), false, Relation.SPOUSE, EmploymentStatus.EMPLOYED);
                Draft graduate = f.add(between(22, 24), random.nextBoolean(), Relation.CHILD, EmploymentStatus.UNEMPLOYED);
                graduate.graduationYear = thisYear - random.nextInt(2);
                return ordinary(f, city);
            }
            case DISABLED_JOBSEEKER -> {
                int parent = between(48, 58);
                f.add(parent, random.nextBoolean(), Relation.HEAD, EmploymentStatus.EMPLOYED);
                Draft seeker = f.add(between(22, parent - 22), random.nextBoolean(), Relation.CHILD,
                                 EmploymentStatus.UNEMPLOYED);
                seeker.disabilityGrade = between(3, 4);
                seeker.disabilityKind = pickKind(DisabilityKind.PHYSICAL, DisabilityKind.HEARING,
                                                 DisabilityKind.SPEECH, DisabilityKind.VISUAL);
                return ordinary(f, city);
            }
            case ZERO_EMPLOYMENT -> {
                int head = between(30, 48);
                boolean male = random.nextBoolean();
                f.add(head, male, Relation.HEAD, EmploymentStatus.UNEMPLOYED);
                f.add(head + between(-4, 4), !male, Relation.SPOUSE, EmploymentStatus.UNEMPLOYED);
                children(f, head, 1 + random.nextInt(2));
                return random.nextBoolean() ? perCapita(f, city, 0.3, 0.9) : lowIncome(f, city);
            }
            case TEKUN -> {
                Draft alone;
                if (random.nextInt(100) < 70) {
                    alone = f.add(between(62, 92), random.nextBoolean(), Relation.HEAD, EmploymentStatus.RETIRED);
                } else {
                    alone = f.add(between(30, 55), random.nextBoolean(), Relation.HEAD, EmploymentStatus.UNABLE_TO_WORK);
                    alone.disabilityGrade = between(1, 2);
                    alone.disabilityKind = pickKind(DisabilityKind.PHYSICAL, DisabilityKind.INTELLECTUAL,
                                                    DisabilityKind.MULTIPLE);
                }
                alone.noIncomeSource = true;
                alone.noLegalSupporter = true;
                return BigDecimal.ZERO;
            }
            case ORPHAN -> {
                Draft grandmother = f.add(between(68, 85), false, Relation.HEAD, EmploymentStatus.RETIRED);
                grandmother.noIncomeSource = true;
                grandmother.noLegalSupporter = true;
                Draft child = f.add(between(6, 15), random.nextBoolean(), Relation.GRANDCHILD, EmploymentStatus.STUDENT);
                child.orphan = true;
                child.noIncomeSource = true;
                child.noLegalSupporter = true;
                return BigDecimal.valueOf(100 * between(1, 4));
            }
            case CHILD_UNSUPPORTED -> {
                int grandparent = between(58, 75);
                f.add(grandparent, random.nextBoolean(), Relation.HEAD, grandparent >= 60 ? EmploymentStatus.RETIRED
                                                                                            : EmploymentStatus.EMPLOYED);
                Draft child = f.add(between(3, 17), random.nextBoolean(), Relation.GRANDCHILD, EmploymentStatus.STUDENT);
                child.unsupported = true;
                return lowIncome(f, city);
            }
            case DISABLED_CHILD -> {
                int head = between(30, 45);
                boolean male = random.nextBoolean();
                f.add(head, male, Relation.HEAD, EmploymentStatus.EMPLOYED);
                f.add(head + between(-3, 3), !male, Relation.SPOUSE, EmploymentStatus.EMPLOYED);
                Draft child = f.add(between(2, 16), random.nextBoolean(), Relation.CHILD, EmploymentStatus.STUDENT);
                child.disabilityGrade = between(1, 4);
                child.disabilityKind = pickKind(DisabilityKind.INTELLECTUAL, DisabilityKind.HEARING,
                                                DisabilityKind.SPEECH, DisabilityKind.PHYSICAL);
                return random.nextBoolean() ? lowIncome(f, city) : ordinary(f, city);
            }
            default -> throw new IllegalStateException("unplanned kind " + kind);
        }
    }

    private void children(Family f, int parentAge, int count) {
        for (int i = 0; i < count; i++) {
            int age = between(0, Math.max(0, Math.min(25, parentAge - 22)));
            EmploymentStatus status = age >= 23 ? EmploymentStatus.EMPLOYED : EmploymentStatus.STUDENT;
            f.add(age, random.nextBoolean(), Relation.CHILD, status);
        }
    }

    private BigDecimal ordinary(Family f, DemoWorld.City city) {
        double m = city.multiplier().doubleValue();
        return perCapita(f, city, m + 0.3, m + 4.0);
    }

    private BigDecimal lowIncome(Family f, DemoWorld.City city) {
        return perCapita(f, city, 1.05, city.multiplier().doubleValue() - 0.05);
    }

    /** A whole-yuan income whose per-capita share lies between the two multiples of today's standard. */
    private BigDecimal perCapita(Family f, DemoWorld.City city, double low, double high) {
        double factor = low + random.nextDouble() * (high - low);
        return city.standardToday().multiply(BigDecimal.valueOf(factor))
                   .multiply(BigDecimal.valueOf(f.size())).setScale(0, RoundingMode.HALF_UP);
    }

    private AssistanceKind assistanceFor(Kind kind) {
        return switch (kind) {
            case FORTY_FIFTY, GRADUATE, DISABLED_JOBSEEKER, ZERO_EMPLOYMENT -> AssistanceKind.EMPLOYMENT_REFERRAL;
            case EMPTY_NEST, LOW_INCOME_ELDER, TEKUN -> random.nextBoolean() ? AssistanceKind.CARE_SERVICE
                                                                             : AssistanceKind.VISIT;
            case LOW_INCOME_SPECIAL -> AssistanceKind.MEDICAL;
            case DIBAO, ORPHAN -> AssistanceKind.MATERIAL;
            default -> AssistanceKind.VISIT;
        };
    }

    private static String noteFor(AssistanceKind kind) {
        return switch (kind) {
            case EMPLOYMENT_REFERRAL -> "推荐参加社区招聘会，登记求职意向";
            case CARE_SERVICE -> "安排助老员上门提供助餐、助洁服务";
            case MEDICAL -> "协助办理医疗救助申请";
            case MATERIAL -> "节日走访，送去米、油等慰问物资";
            case VISIT -> "网格员入户走访，了解生活近况";
            case OTHER -> "其他帮扶";
        };
    }

    private int between(int low, int high) {
        return high <= low ? low : low + random.nextInt(high - low + 1);
    }

    private DisabilityKind pickKind(DisabilityKind... kinds) {
        return kinds[random.nextInt(kinds.length)];
    }

    /** One member being drawn: the facts beyond age, sex and work are set by the kind of household. */
    private static final class Draft {
        final String idNumber;
        final String name;
        final Relation relation;
        final EmploymentStatus employment;
        Integer disabilityGrade;
        DisabilityKind disabilityKind;
        SelfCare selfCare;
        boolean severeIllness;
        Integer graduationYear;
        boolean orphan;
        boolean unsupported;
        boolean noIncomeSource;
        boolean noLegalSupporter;

        Draft(String idNumber, String name, Relation relation, EmploymentStatus employment) {
            this.idNumber = idNumber;
            this.name = name;
            this.relation = relation;
            this.employment = employment;
        }

        MemberFacts facts() {
            return new MemberFacts(idNumber, name, relation, employment, disabilityGrade, disabilityKind,
                                   selfCare == null ? SelfCare.CAPABLE : selfCare, severeIllness, graduationYear,
                                   orphan, unsupported, noIncomeSource, noLegalSupporter);
        }
    }

    /** The members of one household, all but spouses sharing the family's surname. */
    private final class Family {
        String region;
        final String surname = Words.pick(random, Words.SURNAMES);
        private final List<Draft> drafts = new ArrayList<>();

        Family(String region) {
            this.region = region;
        }

        Draft add(int age, boolean male, Relation relation, EmploymentStatus employment) {
            String name = (relation == Relation.SPOUSE ? Words.pick(random, Words.SURNAMES) : surname)
                          + Words.personName(random, male).substring(1);
            Draft draft = new Draft(idNumber(region, age, male), name, relation, employment);
            drafts.add(draft);
            return draft;
        }

        int size() {
            return drafts.size();
        }

        List<MemberFacts> members() {
            return drafts.stream().map(Draft::facts).toList();
        }
    }

    private String idNumber(String region, int age, boolean male) {
        LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(364));
        String prefix = region + birth.format(BASIC);
        for (int attempt = 0; ; attempt++) {
            int sequence = attempt < 50 ? random.nextInt(500) * 2 + (male ? 1 : 0) : (attempt * 2 + (male ? 1 : 0)) % 1000;
            String first17 = prefix + String.format("%03d", sequence);
            if (usedIds.add(Long.parseLong(first17))) {
                return first17 + IdCardNumber.checkCharacter(first17);
            }
            if (attempt > 600) {
                birth = birth.minusDays(1);
                prefix = region + birth.format(BASIC);
                attempt = 0;
            }
        }
    }
}
