package org.jinlin.query.roster;

import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.household.EmploymentStatus;
import org.jinlin.kernel.household.HardshipAssessed;
import org.jinlin.kernel.household.HouseholdCategory;
import org.jinlin.kernel.household.HouseholdDeregistered;
import org.jinlin.kernel.household.HouseholdMoved;
import org.jinlin.kernel.household.HouseholdRegistered;
import org.jinlin.kernel.household.Member;
import org.jinlin.kernel.household.MemberAdded;
import org.jinlin.kernel.household.MemberCategory;
import org.jinlin.kernel.household.MemberRemoved;
import org.jinlin.kernel.household.Relation;
import org.jinlin.kernel.household.SelfCare;
import org.jinlin.kernel.household.Sex;
import org.jinlin.kernel.roster.RosterQueries.FindHousehold;
import org.jinlin.kernel.roster.RosterQueries.FindLowIncomeRoster;
import org.jinlin.kernel.roster.RosterQueries.RosterPage;
import org.jinlin.kernel.roster.RosterQueries.FindRosterSummary;
import org.jinlin.kernel.roster.RosterQueries.RosterEntry;
import org.jinlin.kernel.roster.RosterQueries.RosterSummary;
import org.jinlin.query.ProjectionHarness;
import org.jinlin.query.readmodel.Generations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Feeds household events to the roster projection and checks the roster, the summary and asOf answers. */
@JdbcTest
class LowIncomeRosterProjectionTest {

    static final String EAST = "350802001001";
    static final String WEST = "350803002001";
    static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    private LowIncomeRosterProjection projection;
    private ProjectionHarness harness;

    @BeforeEach
    void setUp() {
        projection = new LowIncomeRosterProjection(jdbc, new Generations(jdbc));
        harness = new ProjectionHarness(projection, START);
        harness.given(new CommunityRegistered(EAST, "东城社区", CommunityKind.URBAN, "东城街道", 1000),
                      new CommunityRegistered(WEST, "永定社区", CommunityKind.URBAN, "凤城街道", 1000));
    }

    static Member member(int no, int age, String name) {
        return new Member(no, "3508021990010100" + no + "X", name, LocalDate.of(2024, 3, 1).minusYears(age).minusDays(3),
                          Sex.FEMALE, Relation.OTHER, EmploymentStatus.RETIRED, null, null, SelfCare.CAPABLE, false, null,
                          false, false, false, false);
    }

    static HardshipAssessed assessed(String householdId, List<HouseholdCategory> household,
                                     Map<Integer, List<MemberCategory>> members) {
        return new HardshipAssessed(householdId, household, members, "350800@2024-01-01:1000x1.5/ext=false",
                                    LocalDate.of(2024, 3, 1), List.of("because"));
    }

    private List<RosterEntry> roster(String community) {
        return projection.handle(new FindLowIncomeRoster(null, null, community, null, 0, 500, null)).items();
    }

    private RosterSummary summary(String level, String unit, Instant asOf) {
        return projection.handle(new FindRosterSummary(level, asOf)).stream().filter(s -> s.unit().equals(unit))
                         .findFirst().orElse(null);
    }

    @Test
    void aLowIncomeHouseholdPutsAllItsMembersOnTheRoster() {
        harness.given(new HouseholdRegistered("H-1", EAST, null, new BigDecimal("2400"), false),
                      new MemberAdded("H-1", member(1, 82, "林秀英")), new MemberAdded("H-1", member(2, 55, "陈建国")),
                      assessed("H-1", List.of(HouseholdCategory.LOW_INCOME),
                               Map.of(1, List.of(MemberCategory.INDIVIDUAL_DIBAO))));

        assertThat(roster(EAST)).extracting(RosterEntry::name).containsExactly("林秀英", "陈建国");
        assertThat(roster(EAST).get(0).memberCategories()).containsExactly("INDIVIDUAL_DIBAO");
        LocalDate born = member(1, 82, "x").birthDate();
        assertThat(roster(EAST).get(0).age()).as("counted today")
                .isEqualTo(java.time.Period.between(born, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).getYears());
        RosterSummary community = summary("community", EAST, null);
        assertThat(community.unitName()).isEqualTo("东城社区");
        assertThat(community.households()).isEqualTo(1);
        assertThat(community.persons()).isEqualTo(2);
        assertThat(community.byCategory()).containsEntry("LOW_INCOME", 2L).containsEntry("INDIVIDUAL_DIBAO", 1L);
        assertThat(summary("city", "350800", null).persons()).isEqualTo(2);
        assertThat(summary("county", "350802", null).households()).isEqualTo(1);
    }

    @Test
    void aMemberCategoryAloneListsOnlyThatMember() {
        harness.given(new HouseholdRegistered("H-2", EAST, null, new BigDecimal("9000"), false),
                      new MemberAdded("H-2", member(1, 40, "甲")), new MemberAdded("H-2", member(2, 8, "乙")),
                      assessed("H-2", List.of(), Map.of(2, List.of(MemberCategory.CHILD_IN_DIFFICULTY))));
        assertThat(roster(EAST)).extracting(RosterEntry::name).containsExactly("乙");
        assertThat(summary("community", EAST, null).persons()).isEqualTo(1);
    }

    @Test
    void anIncomeAboveTheLinesTakesTheHouseholdOffTheRoster() {
        harness.given(new HouseholdRegistered("H-3", EAST, null, new BigDecimal("800"), false),
                      new MemberAdded("H-3", member(1, 40, "甲")),
                      assessed("H-3", List.of(HouseholdCategory.DIBAO), Map.of()));
        assertThat(roster(EAST)).hasSize(1);
        harness.given(assessed("H-3", List.of(), Map.of()));
        assertThat(roster(EAST)).isEmpty();
        assertThat(summary("community", EAST, null)).isNull();
    }

    @Test
    void aMovedHouseholdMovesAndItsCountsMoveWithIt() {
        harness.given(new HouseholdRegistered("H-4", EAST, null, new BigDecimal("800"), false),
                      new MemberAdded("H-4", member(1, 40, "甲")),
                      assessed("H-4", List.of(HouseholdCategory.DIBAO), Map.of()));
        Instant beforeMove = harness.now().minusMillis(1);
        harness.given(new HouseholdMoved("H-4", WEST, null));

        assertThat(roster(EAST)).isEmpty();
        assertThat(roster(WEST)).extracting(RosterEntry::countyCode).containsExactly("350803");
        assertThat(summary("county", "350802", null)).isNull();
        assertThat(summary("county", "350803", null).byCategory()).containsEntry("DIBAO", 1L);
        assertThat(summary("county", "350802", beforeMove).byCategory()).as("as it stood before the move")
                                                                          .containsEntry("DIBAO", 1L);
    }

    @Test
    void aDeregisteredHouseholdDropsOutButItsViewRemains() {
        harness.given(new HouseholdRegistered("H-5", EAST, null, new BigDecimal("800"), false),
                      new MemberAdded("H-5", member(1, 40, "甲")),
                      assessed("H-5", List.of(HouseholdCategory.DIBAO), Map.of()),
                      new HouseholdDeregistered("H-5", "迁出"));
        assertThat(roster(EAST)).isEmpty();
        assertThat(summary("community", EAST, null)).isNull();
        assertThat(projection.handle(new FindHousehold("H-5", null))).hasValueSatisfying(h -> assertThat(h.active()).isFalse());
    }

    @Test
    void aRemovedMemberLeavesTheRosterAndTheCounts() {
        harness.given(new HouseholdRegistered("H-6", EAST, null, new BigDecimal("800"), false),
                      new MemberAdded("H-6", member(1, 40, "甲")), new MemberAdded("H-6", member(2, 41, "乙")),
                      assessed("H-6", List.of(HouseholdCategory.DIBAO), Map.of()),
                      new MemberRemoved("H-6", 2));
        assertThat(roster(EAST)).extracting(RosterEntry::name).containsExactly("甲");
        assertThat(summary("community", EAST, null).persons()).isEqualTo(1);
    }

    /**
     * As of an instant, a unit's counts that have not changed since and those that have are read apart (still
     * current, ended after the instant) and must come together again: one line per unit, in code order.
     */
    @Test
    void asOfAnInstantAUnitsUnchangedAndChangedCountsMakeOneLine() {
        harness.given(new HouseholdRegistered("H-A", EAST, null, new BigDecimal("800"), false),
                      new MemberAdded("H-A", member(1, 40, "甲")), new MemberAdded("H-A", member(2, 9, "乙")),
                      assessed("H-A", List.of(HouseholdCategory.DIBAO), Map.of()),
                      new HouseholdRegistered("H-B", EAST, null, new BigDecimal("1500"), false),
                      new MemberAdded("H-B", member(1, 60, "丙")),
                      assessed("H-B", List.of(HouseholdCategory.LOW_INCOME), Map.of()),
                      new HouseholdRegistered("H-W", WEST, null, new BigDecimal("800"), false),
                      new MemberAdded("H-W", member(1, 50, "丁")),
                      assessed("H-W", List.of(HouseholdCategory.DIBAO), Map.of()));
        Instant before = harness.now().minusMillis(500);
        // East: the same households and persons, one of them in another category; West: off the roster.
        harness.given(assessed("H-B", List.of(HouseholdCategory.DIBAO), Map.of()),
                      assessed("H-W", List.of(), Map.of()));

        List<RosterSummary> then = projection.handle(new FindRosterSummary("community", before));
        assertThat(then).extracting(RosterSummary::unit).containsExactly(EAST, WEST);
        assertThat(then.get(0)).satisfies(east -> {
            assertThat(east.households()).isEqualTo(2);
            assertThat(east.persons()).isEqualTo(3);
            assertThat(east.byCategory()).containsExactly(entry("DIBAO", 2L), entry("LOW_INCOME", 1L));
            assertThat(east.householdsByCategory()).containsExactly(entry("DIBAO", 1L), entry("LOW_INCOME", 1L));
        });
        assertThat(then.get(1).persons()).isEqualTo(1);
        assertThat(then.get(1).byCategory()).containsExactly(entry("DIBAO", 1L));

        List<RosterSummary> now = projection.handle(new FindRosterSummary("community", null));
        assertThat(now).extracting(RosterSummary::unit).containsExactly(EAST);
        assertThat(now.get(0).persons()).isEqualTo(3);
        assertThat(now.get(0).byCategory()).containsExactly(entry("DIBAO", 3L));
    }

    @Test
    void theSummaryListsUnitsInCodeOrderWithTheirCategoriesInNameOrder() {
        // Communities registered and filled in an order unlike their codes' (the summary's order).
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            codes.add("3508%02d%03d%03d".formatted(2 + i % 2, (i * 7) % 13 + 1, (i * 11) % 17 + 2));
        }
        List<String> shuffled = new ArrayList<>(codes);
        java.util.Collections.shuffle(shuffled, new java.util.Random(9));
        for (int i = 0; i < shuffled.size(); i++) {
            String code = shuffled.get(i);
            harness.given(new CommunityRegistered(code, "社区" + i, CommunityKind.URBAN, "街道", 1000),
                          new HouseholdRegistered("S-" + i, code, null, new BigDecimal("800"), false),
                          new MemberAdded("S-" + i, member(1, 40, "甲")), new MemberAdded("S-" + i, member(2, 9, "乙")),
                          assessed("S-" + i, List.of(i % 2 == 0 ? HouseholdCategory.DIBAO : HouseholdCategory.LOW_INCOME),
                                   Map.of(2, List.of(MemberCategory.CHILD_IN_DIFFICULTY))));
        }
        for (String level : List.of("community", "county")) {
            List<RosterSummary> summary = projection.handle(new FindRosterSummary(level, null));
            assertThat(summary).extracting(RosterSummary::unit).as(level).isSorted().doesNotHaveDuplicates();
            summary.forEach(unit -> {
                assertThat(List.copyOf(unit.byCategory().keySet())).as("%s's categories", unit.unit()).isSorted();
                assertThat(unit.householdsByCategory().keySet()).isEqualTo(unit.byCategory().keySet());
            });
        }
        List<RosterSummary> communities = projection.handle(new FindRosterSummary("community", null));
        assertThat(communities).extracting(RosterSummary::unit).containsExactlyElementsOf(codes.stream().distinct().sorted().toList());
        RosterSummary first = communities.get(0);
        assertThat(first.persons()).isEqualTo(2L * codes.stream().filter(first.unit()::equals).count());
        assertThat(first.byCategory()).containsEntry("CHILD_IN_DIFFICULTY", first.households());
    }

    @Test
    void erasureShowsThePlaceholderInEveryVersion() {
        harness.given(new HouseholdRegistered("H-7", EAST, null, new BigDecimal("800"), false),
                      new MemberAdded("H-7", member(1, 40, "甲")),
                      assessed("H-7", List.of(HouseholdCategory.DIBAO), Map.of()));
        Instant before = harness.now();
        projection.erase("H-7", "[已删除 erased]");
        assertThat(roster(EAST)).extracting(RosterEntry::name).containsExactly("[已删除 erased]");
        assertThat(projection.handle(new FindLowIncomeRoster(null, null, EAST, null, 0, 10, before)).items())
                .extracting(RosterEntry::idNumber).containsExactly("[已删除 erased]");
        assertThat(summary("community", EAST, null).persons()).as("the counts stay").isEqualTo(1);
    }

    /** asOf answers equal a rebuild from only the events recorded up to that instant. */
    @ParameterizedTest
    @ValueSource(longs = {3, 17, 29})
    void asOfAnswersEqualARebuildFromTheEventsUpToThatInstant(long seed) {
        List<Object[]> history = randomHistory(seed);
        feed(history, Instant.MAX, false);
        int size = history.size();
        assertThat(size).as("a history long enough to look into").isGreaterThan(30);
        List<Instant> instants = List.of((Instant) history.get(size / 20)[1],
                                         ((Instant) history.get(size / 3)[1]).plusMillis(1),
                                         ((Instant) history.get(2 * size / 3)[1]).minusMillis(1),
                                         ((Instant) history.get(history.size() - 1)[1]).plusSeconds(10));
        Map<Instant, List<Object>> asOf = new LinkedHashMap<>();
        for (Instant at : instants) {
            asOf.put(at, answers(at));
        }
        for (Instant at : instants) {
            projection.beginRebuild();
            feed(history, at, true);
            projection.completeRebuild();
            // Queried at the same instant: ages are counted on the day asked about.
            List<Object> rebuilt = answers(at);
            for (int i = 0; i < rebuilt.size(); i++) {
                assertThat(rebuilt.get(i)).as("answer " + i + " as of " + at).isEqualTo(asOf.get(at).get(i));
            }
        }
    }

    /** 120 random household events over two communities, each with the instant it was recorded. */
    private static List<Object[]> randomHistory(long seed) {
        Random random = new Random(seed);
        List<Object[]> history = new ArrayList<>();
        Instant now = Instant.parse("2024-03-02T00:00:00Z");
        Map<String, Integer> membersOf = new LinkedHashMap<>();
        Map<String, String> communityOf = new HashMap<>();
        for (int step = 0; step < 120; step++) {
            now = now.plusSeconds(1 + random.nextInt(600));
            String household = "R-" + random.nextInt(12);
            Object event;
            if (!membersOf.containsKey(household)) {
                String community = random.nextBoolean() ? EAST : WEST;
                membersOf.put(household, 0);
                communityOf.put(household, community);
                event = new HouseholdRegistered(household, community, null, new BigDecimal(random.nextInt(5000)), false);
            } else if (membersOf.get(household) < 0) {
                continue;
            } else {
                int dice = random.nextInt(10);
                if (dice < 3 || membersOf.get(household) == 0) {
                    int no = membersOf.merge(household, 1, Integer::sum);
                    event = new MemberAdded(household, member(no, 5 + random.nextInt(85), "人" + no));
                } else if (dice < 7) {
                    List<HouseholdCategory> hc = random.nextBoolean() ? List.of(HouseholdCategory.DIBAO)
                            : random.nextBoolean() ? List.of(HouseholdCategory.LOW_INCOME) : List.of();
                    Map<Integer, List<MemberCategory>> mc = random.nextBoolean()
                            ? Map.of(1, List.of(MemberCategory.DISABLED)) : Map.of();
                    event = assessed(household, hc, mc);
                } else if (dice < 8) {
                    String to = communityOf.get(household).equals(EAST) ? WEST : EAST;
                    communityOf.put(household, to);
                    event = new HouseholdMoved(household, to, null);
                } else if (dice < 9 && membersOf.get(household) > 1) {
                    event = new MemberRemoved(household, membersOf.get(household));
                    membersOf.merge(household, -1, Integer::sum);
                } else {
                    membersOf.put(household, -1);
                    event = new HouseholdDeregistered(household, "迁出");
                }
            }
            history.add(new Object[]{event, now});
        }
        return history;
    }

    /** City, county, community, household; a household's members stay in the order they were listed. */
    private static final Comparator<RosterEntry> ROSTER_ORDER = Comparator.comparing(RosterEntry::cityCode)
            .thenComparing(RosterEntry::countyCode).thenComparing(RosterEntry::communityCode)
            .thenComparing(RosterEntry::householdId);

    /**
     * The total of a roster page (read from the kept counts) is the number of entries the filters list; the entries
     * come in roster order, and a later page continues where the first left off.
     */
    @ParameterizedTest
    @ValueSource(longs = {5, 23, 41})
    void aPagesTotalIsTheNumberOfEntriesItsFiltersList(long seed) {
        List<Object[]> history = randomHistory(seed);
        feed(history, Instant.MAX, false);
        int size = history.size();
        List<Instant> instants = new ArrayList<>();
        instants.add(null);
        instants.add((Instant) history.get(size / 4)[1]);
        instants.add(((Instant) history.get(size / 2)[1]).plusMillis(1));
        instants.add((Instant) history.get(size - 1)[1]);
        String[][] units = {{null, null, null}, {"350800", null, null}, {null, "350802", null},
                            {null, "350803", null}, {null, null, EAST}, {null, null, WEST},
                            {"350800", "350802", null}};
        List<String> categories = new ArrayList<>(Arrays.asList((String) null, "DIBAO", "LOW_INCOME", "DISABLED",
                                                                "TEKUN"));
        int nonEmpty = 0;
        for (Instant at : instants) {
            for (String[] unit : units) {
                for (String category : categories) {
                    RosterPage page = projection.handle(new FindLowIncomeRoster(unit[0], unit[1], unit[2], category,
                                                                                0, 500, at));
                    assertThat(page.total()).as("total of %s %s as of %s", Arrays.toString(unit), category, at)
                                            .isEqualTo(page.items().size());
                    RosterPage second = projection.handle(new FindLowIncomeRoster(unit[0], unit[1], unit[2],
                                                                                  category, 1, 3, at));
                    assertThat(second.total()).isEqualTo(page.total());
                    assertThat(page.items()).as("roster order of %s %s as of %s", Arrays.toString(unit), category, at)
                                            .isSortedAccordingTo(ROSTER_ORDER);
                    assertThat(second.items()).as("the second page of three")
                                              .isEqualTo(page.items().subList(Math.min(3, page.items().size()),
                                                                              Math.min(6, page.items().size())));
                    nonEmpty += page.items().isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(nonEmpty).as("filters that list someone").isGreaterThan(20);
    }

    private void feed(List<Object[]> history, Instant upTo, boolean withCommunities) {
        ProjectionHarness replay = new ProjectionHarness(projection, START);
        if (withCommunities) {
            replay.given(new CommunityRegistered(EAST, "东城社区", CommunityKind.URBAN, "东城街道", 1000),
                         new CommunityRegistered(WEST, "永定社区", CommunityKind.URBAN, "凤城街道", 1000));
        }
        for (Object[] timed : history) {
            if (!((Instant) timed[1]).isAfter(upTo)) {
                replay.at((Instant) timed[1]).given(timed[0]);
            }
        }
    }

    private List<Object> answers(Instant at) {
        List<Object> answers = new ArrayList<>();
        answers.add(projection.handle(new FindLowIncomeRoster(null, null, null, null, 0, 500, at)));
        answers.add(projection.handle(new FindLowIncomeRoster("350800", null, null, "DIBAO", 0, 500, at)));
        for (String level : List.of("city", "county", "community")) {
            answers.add(projection.handle(new FindRosterSummary(level, at)));
        }
        for (int i = 0; i < 12; i++) {
            answers.add(projection.handle(new FindHousehold("R-" + i, at)));
        }
        return answers;
    }
}
