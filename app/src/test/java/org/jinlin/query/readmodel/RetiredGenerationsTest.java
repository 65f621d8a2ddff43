package org.jinlin.query.readmodel;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a rebuild the old generation's rows are removed a bounded number per statement, each statement committing on
 * its own, on the embedded store and on PostgreSQL alike; the rows queries read stay, and a removal cut short is
 * finished by the next one.
 */
class RetiredGenerationsTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    static Stream<String> databases() {
        return Stream.of("h2", "postgres");
    }

    private static DataSource migrated(String database) {
        DataSource dataSource;
        if (database.equals("postgres")) {
            dataSource = postgres.getPostgresDatabase();
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:retired-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            dataSource = h2;
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load()
              .migrate();
        return dataSource;
    }

    /** Counts the rows every statement changed. */
    private static final class CountingJdbc extends JdbcTemplate {

        final List<Integer> deletedPerStatement = new ArrayList<>();
        String lastDelete;
        Object[] lastDeleteArgs;

        CountingJdbc(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public int update(String sql, Object... args) {
            int changed = super.update(sql, args);
            if (sql.startsWith("delete from res_unit_name")) {
                deletedPerStatement.add(changed);
                lastDelete = sql;
                lastDeleteArgs = args;
            }
            return changed;
        }
    }

    /** A projection of one table: enough to see which rows a rebuild keeps. */
    private static final class Names extends GenerationalProjection {

        Names(JdbcTemplate jdbc) {
            super(jdbc, new Generations(jdbc));
        }

        @Override
        public String name() {
            return "retired-rows-test";
        }

        @Override
        protected List<String> tables() {
            return List.of("res_unit_name");
        }
    }

    private static void insertNames(JdbcTemplate jdbc, int generation, int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[]{generation, Timestamp.from(Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i)),
                                  "COMMUNITY", "35080200100" + (i % 10), "社区" + i});
        }
        jdbc.batchUpdate("insert into res_unit_name (generation, valid_from, unit_kind, unit, name) "
                         + "values (?, ?, ?, ?, ?)", rows);
    }

    private static Integer rowsOf(JdbcTemplate jdbc, int generation) {
        return jdbc.queryForObject("select count(*) from res_unit_name where generation = ?", Integer.class, generation);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theOldGenerationGoesInBoundedStatementsAndTheRebuiltOneStays(String database) {
        DataSource dataSource = migrated(database);
        CountingJdbc jdbc = new CountingJdbc(dataSource);
        try {
            Names names = new Names(jdbc);
            new Generations(jdbc).write(names.name());
            insertNames(jdbc, 1, 23);
            names.beginRebuild();
            insertNames(jdbc, 2, 5);

            names.switchToRebuilt();
            assertThat(names.generationState().read()).isEqualTo(2);
            assertThat(rowsOf(jdbc, 1)).as("switching alone removes nothing").isEqualTo(23);

            jdbc.deletedPerStatement.clear();
            long removed = names.removeRetiredRows(4, () -> true);

            assertThat(removed).isEqualTo(23);
            assertThat(rowsOf(jdbc, 1)).isZero();
            assertThat(rowsOf(jdbc, 2)).as("the rows queries read").isEqualTo(5);
            assertThat(jdbc.deletedPerStatement).as("rows removed per statement").allSatisfy(n -> assertThat(n)
                    .isLessThanOrEqualTo(4)).startsWith(4, 4, 4, 4, 4, 3);
        } finally {
            jdbc.execute("delete from res_unit_name");
            jdbc.execute("delete from read_model_generation");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRemovalCutShortIsFinishedByTheNextOne(String database) {
        CountingJdbc jdbc = new CountingJdbc(migrated(database));
        try {
            Names names = new Names(jdbc);
            new Generations(jdbc).write(names.name());
            insertNames(jdbc, 1, 10);
            names.beginRebuild();
            insertNames(jdbc, 2, 3);
            names.switchToRebuilt();

            AtomicInteger statements = new AtomicInteger();
            long first = names.removeRetiredRows(3, () -> statements.getAndIncrement() < 2);
            assertThat(first).as("stopped after two statements").isEqualTo(6);
            assertThat(rowsOf(jdbc, 1)).isEqualTo(4);

            long rest = names.removeRetiredRows(3, () -> true);
            assertThat(rest).isEqualTo(4);
            assertThat(rowsOf(jdbc, 1)).isZero();
            assertThat(rowsOf(jdbc, 2)).isEqualTo(3);
        } finally {
            jdbc.execute("delete from res_unit_name");
            jdbc.execute("delete from read_model_generation");
        }
    }

    @Test
    void withNothingLeftToRemoveTheRemovalReadsNoneOfTheRowsQueriesRead() {
        // Every start looks for rows a stopped removal left behind; at province scale that look read millions of rows
        // per table when H2 did not end its index range at the retired generations.
        CountingJdbc jdbc = new CountingJdbc(migrated("h2"));
        Names names = new Names(jdbc);
        new Generations(jdbc).write(names.name());
        names.beginRebuild();
        insertNames(jdbc, 2, 3000);
        names.switchToRebuilt();

        assertThat(names.removeRetiredRows(1000, () -> true)).isZero();

        String plan = jdbc.queryForObject("explain analyze " + jdbc.lastDelete, String.class, jdbc.lastDeleteArgs);
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        assertThat(Integer.parseInt(scanned.group(1))).as("rows read by %s", jdbc.lastDelete).isLessThan(10);
        assertThat(rowsOf(jdbc, 2)).isEqualTo(3000);
    }
}
