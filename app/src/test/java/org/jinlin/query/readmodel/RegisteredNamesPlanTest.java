package org.jinlin.query.readmodel;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.SingleInstancePostgresExtension;
import org.flywaydb.core.Flyway;
import org.jinlin.kernel.resolution.ResolutionQueries.FindResolutionStats;
import org.jinlin.kernel.resolution.ResolutionQueries.Grouping;
import org.jinlin.query.resolution.ResolutionStatsProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolution statistics of one city's communities read the registered names of that city only, through the
 * names' key, on PostgreSQL under a collation other than "C" (C.UTF-8, as Debian's clusters are created), where
 * PostgreSQL does not read {@code LIKE 'prefix%'} as a range of an index and scanned every community's name.
 */
class RegisteredNamesPlanTest {

    private static final int GENERATION = 7;
    private static final String[] CITY_PREFIXES = {"3501", "3502", "3503", "3504", "3505", "3506", "3507", "3508",
                                                   "3509", "350128"};

    @RegisterExtension
    final SingleInstancePostgresExtension embedded = EmbeddedPostgresExtension.singleInstance();

    private DataSource databaseCollatedAsDebianDoes() {
        EmbeddedPostgres postgres = embedded.getEmbeddedPostgres();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute(
                "create database names_c_utf8 template template0 encoding 'UTF8' lc_collate 'C.UTF-8' "
                + "lc_ctype 'C.UTF-8'");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres.getJdbcUrl("postgres", "names_c_utf8"));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    @Test
    void aCitysCommunitiesAreNamedFromARangeOfTheNamesKey() {
        DataSource dataSource = databaseCollatedAsDebianDoes();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select datcollate from pg_database where datname = current_database()",
                                       String.class)).isEqualTo("C.UTF-8");
        List<Object[]> names = new ArrayList<>();
        Timestamp from = Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"));
        for (String prefix : CITY_PREFIXES) {
            for (int i = 0; i < 1_500; i++) {
                String code = (prefix + "0201").substring(0, 8) + String.format("%04d", i);
                names.add(new Object[]{GENERATION, from, "COMMUNITY", code, "社区" + code});
                names.add(new Object[]{GENERATION, from, "COMPOUND", code + "/c1", "小区" + code});
            }
        }
        jdbc.batchUpdate("insert into res_unit_name (generation, valid_from, unit_kind, unit, name) "
                         + "values (?, ?, ?, ?, ?)", names);
        jdbc.execute("analyze");
        StatementsSent sent = new StatementsSent(dataSource, sql -> sql.contains("from res_unit_name"));
        ResolutionStatsProjection stats = new ResolutionStatsProjection(sent, new FixedGeneration(jdbc, GENERATION));

        stats.handle(new FindResolutionStats(Grouping.COMMUNITY, null, null, "350800", null));

        assertThat(sent.sql).hasSize(1);
        List<String> units = jdbc.queryForList(sent.sql.get(0), sent.args.get(0)).stream()
                                 .map(row -> (String) row.get("unit")).toList();
        assertThat(units).hasSize(1_500).allMatch(unit -> unit.startsWith("3508"));
        String plan = jdbc.queryForList("explain " + sent.sql.get(0), sent.args.get(0)).stream()
                          .map(Map::values).map(Object::toString).collect(Collectors.joining("\n"));
        assertThat(plan).as("plan of %s", sent.sql.get(0))
                        .doesNotContain("Seq Scan")
                        .containsPattern("Index Cond: .*\\(unit\\)::text >= ");
    }
}
