package org.jinlin.app.storage;

import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.resolution.ResolutionQueries.FindResolutionStats;
import org.jinlin.kernel.resolution.ResolutionQueries.Grouping;
import org.jinlin.kernel.resolution.ResolutionQueries.ResolutionStats;
import org.jinlin.query.readmodel.Generations;
import org.jinlin.query.readmodel.TemporalTable;
import org.jinlin.query.resolution.ResolutionStatsProjection;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolution statistics stored before the disputes per case source moved into the counter rows (V45): after the
 * upgrade every counter version carries the source counts that were valid when it began, so the statistics answer
 * as before, now and as of any earlier instant, on H2 and on PostgreSQL, also when a first start was stopped in the
 * middle of the upgrade.
 */
class ResolutionSourcesMigrationTest {

    private static final String EAST = "350802001001";
    private static final String EAST_C1 = EAST + "/C1";
    private static final Instant T1 = Instant.parse("2025-05-03T02:00:00Z");
    private static final Instant T2 = Instant.parse("2025-05-10T02:00:00Z");
    private static final Instant T3 = Instant.parse("2025-05-17T02:00:00Z");
    private static final Instant T4 = Instant.parse("2025-05-24T02:00:00Z");

    @Test
    void sourceCountsStoredBeforeTheUpgradeAnswerTheSameOnH2() {
        upgradeAndCheck(UpgradedStores.h2());
    }

    @Test
    void sourceCountsStoredBeforeTheUpgradeAnswerTheSameOnPostgres() throws IOException {
        UpgradedStores.onPostgres(ResolutionSourcesMigrationTest::upgradeAndCheck);
    }

    private static void upgradeAndCheck(DataSource dataSource) {
        UpgradedStores.migrate(dataSource, "44");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into read_model_generation (projection, read_generation, write_generation) "
                    + "values (?, 2, 2)", ResolutionStatsProjection.PROCESSING_GROUP);
        // The community: a dispute from a party's application resolved at T1, one referred by the police resolved at
        // T2, the first reopened at T3 (its source's count ends where the next counter version begins), then an
        // escalation counted at T4 (the counters change, the sources do not).
        counters(jdbc, 2, EAST, T1, T2, 1, 0, 0);
        counters(jdbc, 2, EAST, T2, T3, 2, 0, 0);
        counters(jdbc, 2, EAST, T3, T4, 1, 0, 0);
        counters(jdbc, 2, EAST, T4, null, 1, 0, 0);
        jdbc.update("update res_unit_month set escalations = 1 where unit = ? and valid_from = ?", EAST,
                    TemporalTable.timestamp(T4));
        source(jdbc, 2, EAST, "PARTY_APPLICATION", T1, T3, 1);
        source(jdbc, 2, EAST, "REFERRED_BY_POLICE", T2, null, 1);
        // The compound: a withdrawal at T1 reopened at T2 (the row ended, nothing counted), then a referral out at T4.
        counters(jdbc, 2, EAST_C1, T1, T2, 0, 0, 1);
        source(jdbc, 2, EAST_C1, "COMMITTEE_INITIATIVE", T1, T2, 1);
        counters(jdbc, 2, EAST_C1, T4, null, 0, 1, 0);
        source(jdbc, 2, EAST_C1, "REFERRED_BY_COURT", T4, null, 1);
        // An earlier generation of the same community, left by a rebuild: its sources are its own.
        counters(jdbc, 1, EAST, T1, null, 1, 0, 0);
        source(jdbc, 1, EAST, "REFERRED_BY_GOVERNMENT", T1, null, 1);

        // A first start stopped during the upgrade, after its first statement (H2 commits every DDL statement).
        jdbc.execute("alter table res_unit_month add column source_party_application bigint default 0 not null");
        UpgradedStores.migrate(dataSource, "latest");

        ResolutionStatsProjection stats = new ResolutionStatsProjection(jdbc, new Generations(jdbc));
        assertThat(bySource(stats, Grouping.COMMUNITY, T2.minusSeconds(1)))
                .containsEntry(Source.PARTY_APPLICATION, 1L).containsEntry(Source.REFERRED_BY_POLICE, 0L);
        assertThat(bySource(stats, Grouping.COMMUNITY, T2.plusSeconds(1)))
                .containsEntry(Source.PARTY_APPLICATION, 1L).containsEntry(Source.REFERRED_BY_POLICE, 1L);
        assertThat(bySource(stats, Grouping.COMMUNITY, T3.plusSeconds(1)))
                .containsEntry(Source.PARTY_APPLICATION, 0L).containsEntry(Source.REFERRED_BY_POLICE, 1L);
        assertThat(bySource(stats, Grouping.COMMUNITY, null))
                .containsEntry(Source.PARTY_APPLICATION, 0L).containsEntry(Source.REFERRED_BY_POLICE, 1L)
                .containsEntry(Source.REFERRED_BY_GOVERNMENT, 0L);
        assertThat(bySource(stats, Grouping.COMPOUND, T1.plusSeconds(1)))
                .containsEntry(Source.COMMITTEE_INITIATIVE, 1L).containsEntry(Source.REFERRED_BY_COURT, 0L);
        assertThat(stats.handle(new FindResolutionStats(Grouping.COMPOUND, null, null, null, T3))).isEmpty();
        assertThat(bySource(stats, Grouping.COMPOUND, null))
                .containsEntry(Source.COMMITTEE_INITIATIVE, 0L).containsEntry(Source.REFERRED_BY_COURT, 1L);
        assertThat(jdbc.queryForObject("select source_referred_by_government from res_unit_month where generation = 1",
                                       Long.class)).isEqualTo(1L);
    }

    private static Map<Source, Long> bySource(ResolutionStatsProjection stats, Grouping grouping, Instant asOf) {
        List<ResolutionStats> answer = stats.handle(new FindResolutionStats(grouping, null, null, null, asOf));
        assertThat(answer).as("%s as of %s", grouping, asOf).hasSize(1);
        return answer.get(0).bySource();
    }

    private static void counters(JdbcTemplate jdbc, int generation, String unit, Instant from, Instant to,
                                 long resolved, long referred, long withdrawn) {
        jdbc.update("""
                    insert into res_unit_month (generation, valid_from, valid_to, unit_kind, unit, conclusion_month,
                                                city_code, small_concluded, small_resolved_in_compound, big_concluded,
                                                big_resolved_in_community, resolved, referred, withdrawn, escalations)
                    values (?, ?, ?, ?, ?, '2025-05', '350800', ?, 0, ?, 0, ?, ?, ?, 0)""",
                    generation, TemporalTable.timestamp(from), TemporalTable.timestamp(to), kind(unit), unit, resolved,
                    referred, resolved, referred, withdrawn);
    }

    private static void source(JdbcTemplate jdbc, int generation, String unit, String source, Instant from, Instant to,
                               long disputes) {
        jdbc.update("""
                    insert into res_source (generation, valid_from, valid_to, unit_kind, unit, conclusion_month, source,
                                            city_code, disputes)
                    values (?, ?, ?, ?, ?, '2025-05', ?, '350800', ?)""",
                    generation, TemporalTable.timestamp(from), TemporalTable.timestamp(to), kind(unit), unit, source,
                    disputes);
    }

    private static String kind(String unit) {
        return unit.contains("/") ? Grouping.COMPOUND.name() : Grouping.COMMUNITY.name();
    }
}
