package org.jinlin.query.readmodel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup of a counter's current version goes straight to it, whatever else the table holds: on H2 through the
 * index made for it, not the reports' index that walks every current row of the same kind and month.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CurrentVersionPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    /** A generation no projection uses; the rows are committed (ANALYZE commits anyway) and removed after. */
    private static final int GENERATION = 424_242;

    @AfterEach
    void removeTheRows() {
        jdbc.update("delete from res_days where generation = ?", GENERATION);
    }

    @Test
    void aCountersCurrentVersionIsFoundThroughItsOwnIndex() {
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 5000; i++) {
            rows.add(new Object[]{Timestamp.from(at.plusSeconds(i)), random.nextInt(3) == 0 ? null
                    : Timestamp.from(at.plusSeconds(i + 1)), "COMPOUND", "350802001001/C" + random.nextInt(800),
                    "2024-0" + (1 + random.nextInt(9)), random.nextInt(60)});
        }
        jdbc.batchUpdate("insert into res_days (generation, valid_from, valid_to, unit_kind, unit, conclusion_month, "
                         + "days, city_code, disputes) values (" + GENERATION + ", ?, ?, ?, ?, ?, ?, '350800', 1)", rows);
        jdbc.execute("analyze");
        StatementsSent sent = new StatementsSent(jdbc.getDataSource(), statement -> true);
        TemporalTable days = new TemporalTable(sent, "res_days", List.of("unit_kind", "unit", "conclusion_month", "days"),
                                               List.of("city_code", "disputes"));

        assertThat(days.current(GENERATION, (rs, n) -> rs.getLong("disputes"), "COMPOUND", "350802001001/C17", "2024-01", 3))
                .as("the lookup answers").isNotNull();

        assertThat(sent.sql).as("the lookup is one statement").hasSize(1);
        String plan = sent.plan(jdbc, 0);
        assertThat(plan).containsIgnoringCase("ix_res_days_current")
                        .doesNotContainIgnoringCase("ix_res_days_city");
    }
}
