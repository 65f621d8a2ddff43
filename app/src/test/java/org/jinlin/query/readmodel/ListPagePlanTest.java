package org.jinlin.query.readmodel;

import org.jinlin.kernel.caseview.CaseViewQueries.CaseReader;
import org.jinlin.kernel.caseview.CaseViewQueries.ListDisputes;
import org.jinlin.kernel.dispute.Status;
import org.jinlin.kernel.roster.RosterQueries.FindLowIncomeRoster;
import org.jinlin.kernel.roster.RosterQueries.FindRosterSummary;
import org.jinlin.kernel.resolution.ResolutionQueries.FindResolutionStats;
import org.jinlin.kernel.resolution.ResolutionQueries.Grouping;
import org.jinlin.query.caseview.CaseViewProjection;
import org.jinlin.query.caseview.OverdueProperties;
import org.jinlin.query.resolution.ResolutionStatsProjection;
import org.jinlin.query.roster.LowIncomeRosterProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of the roster or of a case list reads its own entries through the index made for it, in page order, and
 * stops: the database neither sorts every current row nor walks every version (a million members at province scale).
 * The roster summary reads its counts from the index made for it.
 * The plans are the embedded store's, for the statements the projections send.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ListPagePlanTest {

    /** A generation no projection uses; the rows are committed (ANALYZE commits anyway) and removed after. */
    private static final int GENERATION = 434_343;
    /** H2's note on a plan whose ORDER BY the index gives entirely ("index sorted: 4 of 5 columns" is a sort). */
    private static final String FULLY_SORTED_BY_THE_INDEX = "/* index sorted */";
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void removeTheRows() {
        jdbc.update("delete from roster_member where generation = ?", GENERATION);
        jdbc.update("delete from case_dispute where generation = ?", GENERATION);
        jdbc.update("delete from roster_count where generation = ?", GENERATION);
        for (String table : List.of("res_unit_month", "res_days")) {
            jdbc.update("delete from " + table + " where generation = ?", GENERATION);
        }
    }

    /** Reads every projection's rows from {@link #GENERATION}. */
    private Generations testGeneration() {
        return new FixedGeneration(jdbc, GENERATION);
    }

    /**
     * Keeps the page statements a projection sends (those with a row limit, the keys of a case list's versions that
     * ended after an instant, and the roster summary's and resolution statistics'), with their arguments.
     */
    private StatementsSent pageStatements() {
        return new StatementsSent(dataSource, statement -> statement.contains("fetch next")
                || statement.startsWith("select d.reported_at, d.dispute_id") || statement.contains("from roster_count")
                || statement.contains("from res_"));
    }

    private String plan(StatementsSent pages, int i) {
        return pages.plan(jdbc, i);
    }

    @Test
    void aRosterPageReadsThePageIndexInOrder() {
        Random random = new Random(11);
        List<Object[]> rows = new ArrayList<>();
        String[] counties = {"350802", "350803", "350102", "350103"};
        for (int i = 0; i < 6000; i++) {
            String county = counties[random.nextInt(counties.length)];
            String community = county + "00100" + random.nextInt(8);
            boolean closed = random.nextInt(4) == 0;
            rows.add(new Object[]{Timestamp.from(NOW.minusSeconds(100_000 - i)),
                                  closed ? Timestamp.from(NOW.minusSeconds(50_000 - i)) : null, "H" + i / 3, i % 3,
                                  "x", "x", Date.valueOf(LocalDate.of(1960, 1, 1)), "FEMALE", "OTHER", community,
                                  county, county.substring(0, 4) + "00", random.nextInt(3) == 0 ? ",DIBAO," : ",",
                                  random.nextInt(5) == 0 ? ",TEKUN," : ",", random.nextInt(6) != 0});
        }
        jdbc.batchUpdate("insert into roster_member (generation, valid_from, valid_to, household_id, member_no, "
                         + "id_number, name, birth_date, sex, relation, community_code, county_code, city_code, "
                         + "household_categories, member_categories, on_roster) values (" + GENERATION
                         + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.execute("analyze");
        StatementsSent pages = pageStatements();
        LowIncomeRosterProjection roster = new LowIncomeRosterProjection(pages, testGeneration());

        List<FindLowIncomeRoster> queries = List.of(
                new FindLowIncomeRoster(null, null, null, null, 3, 50, null),
                new FindLowIncomeRoster("350800", null, null, null, 0, 50, null),
                new FindLowIncomeRoster(null, "350102", null, null, 1, 50, null),
                new FindLowIncomeRoster(null, null, "3508030010003", null, 0, 50, null),
                new FindLowIncomeRoster(null, null, null, "DIBAO", 2, 50, null));
        for (FindLowIncomeRoster query : queries) {
            assertThat(roster.handle(query).items()).as("%s answers", query).isNotNull();
        }

        assertThat(pages.sql).hasSize(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            assertThat(plan(pages, i)).as("plan of %s", queries.get(i))
                                      .containsIgnoringCase("ix_roster_member_page")
                                      .contains(FULLY_SORTED_BY_THE_INDEX);
        }
    }

    @Test
    void aCaseListPageReadsEachStatusThroughTheQueueIndexInOrder() {
        Random random = new Random(13);
        List<Object[]> rows = new ArrayList<>();
        Status[] statuses = Status.values();
        for (int i = 0; i < 6000; i++) {
            Status status = statuses[random.nextInt(statuses.length)];
            boolean closed = random.nextInt(3) == 0;
            Instant reported = NOW.minus(Duration.ofMinutes(6000 - i));
            rows.add(new Object[]{Timestamp.from(reported), closed ? Timestamp.from(reported.plusSeconds(30)) : null,
                                  "D" + i, status.name(), "M" + random.nextInt(40), Timestamp.from(reported),
                                  Timestamp.from(reported), Timestamp.from(reported.plusSeconds(60))});
        }
        jdbc.batchUpdate("insert into case_dispute (generation, valid_from, valid_to, dispute_id, community_code, "
                         + "category, scale, source, status, level, mediator_id, summary, reported_at, "
                         + "awaiting_since, assigned_at, version) values (" + GENERATION
                         + ", ?, ?, ?, '350802001001', 'NEIGHBOUR', 'SMALL', 'PARTY_APPLICATION', ?, 'COMPOUND', ?, 's', ?, ?, ?, 1)",
                         rows);
        jdbc.execute("analyze");
        StatementsSent pages = pageStatements();
        CaseViewProjection cases = new CaseViewProjection(pages, testGeneration(),
                                                          new OverdueProperties(Duration.ofDays(3), Duration.ofDays(30)),
                                                          Clock.fixed(NOW, ZoneOffset.UTC));

        List<ListDisputes> queries = List.of(
                new ListDisputes(null, null, null, 0, 20, null, CaseReader.everything()),
                new ListDisputes(null, Status.RESOLVED, null, 4, 20, null, CaseReader.everything()),
                new ListDisputes(null, null, true, 0, 20, null, CaseReader.everything()),
                new ListDisputes(null, null, null, 0, 20, NOW.minus(Duration.ofDays(1)), CaseReader.everything()),
                new ListDisputes(null, Status.IN_MEDIATION, null, 1, 20, NOW.minus(Duration.ofDays(1)),
                                 CaseReader.everything()));
        for (ListDisputes query : queries) {
            assertThat(cases.handle(query).items()).as("%s answers", query).isNotEmpty();
        }

        assertThat(pages.sql).as("one page statement per status asked for").hasSizeGreaterThanOrEqualTo(queries.size());
        for (int i = 0; i < pages.sql.size(); i++) {
            String plan = plan(pages, i);
            assertThat(plan).as("plan of %s", pages.sql.get(i)).containsIgnoringCase("ix_case_dispute_queue");
            if (pages.sql.get(i).contains("valid_to is null")) {
                // The current versions, also as of an earlier instant, come in list order; the versions that ended
                // after that instant are a range of valid_to, read for their keys only.
                assertThat(plan).as("plan of %s", pages.sql.get(i)).contains(FULLY_SORTED_BY_THE_INDEX);
            } else {
                assertThat(plan).as("plan of %s", pages.sql.get(i)).containsIgnoringCase("valid_to >");
            }
        }
        assertThat(pages.sql).as("the versions that ended after an instant, by their keys")
                             .anyMatch(sql -> sql.startsWith("select d.reported_at, d.dispute_id"));
    }

    @Test
    void theRosterSummaryReadsItsCountsFromTheSummaryIndex() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String community = "3508021010" + String.format("%02d", i % 60);
            boolean closed = i < 2000;
            rows.add(new Object[]{Timestamp.from(NOW.minusSeconds(100_000 - i)),
                                  closed ? Timestamp.from(NOW.minusSeconds(100_000 - i - 3000)) : null,
                                  i % 2 == 0 ? "community" : "county", i % 2 == 0 ? community : "350802",
                                  i % 3 == 0 ? "*" : "DIBAO" + i, 1 + i % 4, 2 + i % 5});
        }
        jdbc.batchUpdate("insert into roster_count (generation, valid_from, valid_to, unit_level, unit_code, category, "
                         + "households, persons) values (" + GENERATION + ", ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.execute("analyze");
        StatementsSent pages = pageStatements();
        LowIncomeRosterProjection roster = new LowIncomeRosterProjection(pages, testGeneration());

        assertThat(roster.handle(new FindRosterSummary("community", null))).isNotEmpty();
        assertThat(roster.handle(new FindRosterSummary("community", NOW.minusSeconds(98_500)))).isNotEmpty();

        assertThat(pages.sql).as("one statement now, two as of an instant").hasSize(3);
        // The communities' names are read once per answer, not looked up for each of their counts.
        assertThat(pages.sql).noneMatch(statement -> statement.contains("roster_community"));
        for (int i = 0; i < pages.sql.size(); i++) {
            assertThat(plan(pages, i)).as("plan of %s", pages.sql.get(i)).containsIgnoringCase("ix_roster_count_summary");
        }
        // The current counts (all of them now, those begun by the instant as of it) come in unit order from the index
        // itself: the units are merged in that order without a sort. Those that ended after the instant are sorted.
        assertThat(plan(pages, 0)).as("plan of %s", pages.sql.get(0)).contains(FULLY_SORTED_BY_THE_INDEX);
        assertThat(plan(pages, 1)).as("plan of %s", pages.sql.get(1)).contains(FULLY_SORTED_BY_THE_INDEX);
    }

    @Test
    void theResolutionStatisticsReadTheirCountersFromTheCityIndexes() {
        Random random = new Random(17);
        List<Object[]> months = new ArrayList<>();
        List<Object[]> days = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            Instant from = NOW.minusSeconds(100_000 - i);
            Timestamp to = random.nextInt(10) == 0 ? null : Timestamp.from(from.plusSeconds(1 + random.nextInt(500)));
            String kind = i % 2 == 0 ? "COUNTY" : "COMMUNITY";
            String city = random.nextBoolean() ? "350800" : "350100";
            String unit = kind.equals("COUNTY") ? city.substring(0, 4) + "0" + random.nextInt(4)
                    : city.substring(0, 4) + "02101" + random.nextInt(100);
            String month = "2025-0" + (1 + random.nextInt(5));
            months.add(new Object[]{Timestamp.from(from), to, kind, unit, month, city});
            days.add(new Object[]{Timestamp.from(from), to, kind, unit, month, random.nextInt(30), city});
        }
        jdbc.batchUpdate("insert into res_unit_month (generation, valid_from, valid_to, unit_kind, unit, "
                         + "conclusion_month, city_code, small_concluded, small_resolved_in_compound, big_concluded, "
                         + "big_resolved_in_community, resolved, referred, withdrawn, escalations, "
                         + "source_party_application, source_committee_initiative, source_referred_by_police, "
                         + "source_referred_by_court, source_referred_by_government) values ("
                         + GENERATION + ", ?, ?, ?, ?, ?, ?, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0)", months);
        jdbc.batchUpdate("insert into res_days (generation, valid_from, valid_to, unit_kind, unit, conclusion_month, "
                         + "days, city_code, disputes) values (" + GENERATION + ", ?, ?, ?, ?, ?, ?, ?, 1)", days);
        jdbc.execute("analyze");
        StatementsSent statements = pageStatements();
        ResolutionStatsProjection stats = new ResolutionStatsProjection(statements, testGeneration());

        List<FindResolutionStats> queries = List.of(
                new FindResolutionStats(Grouping.COUNTY, null, null, "350800", null),
                new FindResolutionStats(Grouping.COMMUNITY, YearMonth.of(2025, 2), YearMonth.of(2025, 4), null, null),
                new FindResolutionStats(Grouping.COUNTY, null, null, "350800", NOW.minusSeconds(99_000)));
        for (FindResolutionStats query : queries) {
            assertThat(stats.handle(query)).as("%s answers", query).isNotEmpty();
        }

        assertThat(statements.sql).as("two statements per city and range: one city, the ten city-level units, "
                                      + "one city as of an instant (two ranges); and the communities' names")
                                  .hasSize(2 + 2 * 10 + 1 + 2 * 2);
        // Counties (and cities) are named from the division list: only the communities read the registered names,
        // once for the answer, not once per city or per unit.
        assertThat(statements.sql).filteredOn(sql -> sql.contains("res_unit_name")).hasSize(1);
        assertThat(statements.sql.get(22)).contains("res_unit_name");
        for (int i = 0; i < statements.sql.size(); i++) {
            if (i == 22) {
                continue;
            }
            // The index ranges of the city (or of each city-level unit), its validity included; no GROUP BY, which
            // H2 runs through a sorted map of the keys (the versions are summed in Java).
            assertThat(plan(statements, i)).as("plan of %s", statements.sql.get(i))
                                           .containsPattern("(?is)ix_res_(unit_month|days)_city: [^*]*CITY_CODE")
                                           .containsPattern("(?is)_city: [^*]*VALID_TO")
                                           .doesNotContainIgnoringCase("group by");
        }
        // The names of the communities: a range of the names' key (generation, unit kind), not a scan of the table.
        assertThat(plan(statements, 22))
                .containsPattern("(?is)\"N\"\\s*/\\* PUBLIC\\.PRIMARY_KEY_\\w+: UNIT_KIND = [^*]*GENERATION");
    }
}
