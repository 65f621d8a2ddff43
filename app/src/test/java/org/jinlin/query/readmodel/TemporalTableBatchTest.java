package org.jinlin.query.readmodel;

import org.jinlin.query.readmodel.TemporalTable.Version;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inside a transaction a temporal table keeps its changes until the commit and writes them then, in batches. What it
 * writes must be exactly what writing every change at once writes: the same versions with the same intervals, for
 * any mix of new versions, same-instant overwrites and ends, however the changes fall into transactions.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TemporalTableBatchTest {

    /** Generations no projection uses; their rows are removed after each test. */
    private static final int AT_ONCE = 515_151;
    private static final int BATCHED = 525_252;
    private static final RowMapper<Long> DISPUTES = (rs, n) -> rs.getLong("disputes");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private TemporalTable days;

    @AfterEach
    void removeTheRows() {
        jdbc.update("delete from res_days where generation in (?, ?)", AT_ONCE, BATCHED);
    }

    private TemporalTable days() {
        if (days == null) {
            days = new TemporalTable(jdbc, "res_days", List.of("unit_kind", "unit", "conclusion_month", "days"),
                                     List.of("city_code", "disputes"));
        }
        return days;
    }

    /** One change to one counter: a new count from {@code at} on, or (count null) the counter ends. */
    private record Change(int unit, Instant at, Long count) {
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void batchedWritesLeaveTheSameVersionsAsWritingEachChangeAtOnce(long seed) {
        Random random = new Random(seed);
        List<Change> changes = new ArrayList<>();
        Instant at = Instant.parse("2024-03-01T08:00:00.123456Z");
        for (int i = 0; i < 400; i++) {
            if (random.nextInt(4) != 0) {
                at = at.plusMillis(1 + random.nextInt(5000));  // else the same instant again
            }
            changes.add(new Change(random.nextInt(6), at, random.nextInt(5) == 0 ? null : (long) random.nextInt(50)));
        }

        for (Change change : changes) {
            apply(AT_ONCE, change);
        }
        TransactionTemplate batch = new TransactionTemplate(transactions);
        Map<Integer, Long> expected = new TreeMap<>();
        int next = 0;
        while (next < changes.size()) {
            List<Change> inBatch = changes.subList(next, Math.min(changes.size(), next + 1 + random.nextInt(120)));
            next += inBatch.size();
            batch.executeWithoutResult(status -> {
                for (Change change : inBatch) {
                    apply(BATCHED, change);
                    if (change.count() == null) {
                        expected.remove(change.unit());
                    } else {
                        expected.put(change.unit(), change.count());
                    }
                    if (random.nextInt(10) == 0) {
                        assertThat(currentCounts()).as("the current rows, written or waiting").isEqualTo(expected);
                    }
                    if (random.nextInt(40) == 0) {
                        days().flush();
                    }
                }
            });
        }

        assertThat(versions(BATCHED)).as("the versions written in batches")
                                      .isNotEmpty()
                                      .isEqualTo(versions(AT_ONCE));
    }

    @Test
    void aRolledBackBatchWritesNothingAndTheNextBatchReadsTheTableAgain() {
        TransactionTemplate batch = new TransactionTemplate(transactions);
        Instant at = Instant.parse("2024-03-01T08:00:00Z");
        batch.executeWithoutResult(status -> apply(BATCHED, new Change(1, at, 5L)));
        batch.executeWithoutResult(status -> {
            apply(BATCHED, new Change(1, at.plusSeconds(1), 6L));
            status.setRollbackOnly();
        });

        Optional<Long> current = batch.execute(status -> days().current(BATCHED, DISPUTES, key(1)).map(Version::row));
        assertThat(current).contains(5L);
        assertThat(versions(BATCHED)).hasSize(1);
    }

    @Test
    void aValueLongerThanItsColumnIsRefusedWhenPutNotAtTheCommit() {
        TransactionTemplate batch = new TransactionTemplate(transactions);
        Instant at = Instant.parse("2024-03-01T08:00:00Z");
        String tooLong = "3508020010010".repeat(7);

        assertThatThrownBy(() -> batch.executeWithoutResult(status -> days().put(
                BATCHED, at, Optional.empty(), new Object[]{"COMPOUND", tooLong, "2024-03", 1}, "350800", 1L)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("res_days.unit");
        assertThat(versions(BATCHED)).isEmpty();
    }

    /** A household's members among other households' rows, in one transaction: those of the prefix asked, only. */
    @Test
    void theCurrentRowsOfAPrefixInATransactionAreItsOwnAlsoWhenAddedOrEndedAfterTheFirstAsk() {
        Instant at = Instant.parse("2024-03-01T08:00:00Z");
        TransactionTemplate batch = new TransactionTemplate(transactions);
        batch.executeWithoutResult(status -> {
            TemporalTable table = days();
            table.put(BATCHED, at, Optional.empty(), new Object[]{"COMPOUND", "A", "2024-03", 1}, "350800", 1L);
            table.put(BATCHED, at, Optional.empty(), new Object[]{"COMPOUND", "B", "2024-03", 1}, "350800", 2L);
            assertThat(disputesOf("A")).containsExactly(1L);

            table.put(BATCHED, at, Optional.empty(), new Object[]{"COMPOUND", "A", "2024-04", 2}, "350800", 3L);
            table.put(BATCHED, at, Optional.empty(), new Object[]{"COMPOUND", "AB", "2024-03", 1}, "350800", 4L);
            assertThat(disputesOf("A")).containsExactly(1L, 3L);
            assertThat(disputesOf("B")).containsExactly(2L);

            Object[] first = {"COMPOUND", "A", "2024-03", 1};
            table.end(BATCHED, at.plusSeconds(60), table.current(BATCHED, DISPUTES, first).orElseThrow(), first);
            assertThat(disputesOf("A")).containsExactly(3L);
        });
        assertThat(disputesOf("A")).as("as written").containsExactly(3L);
    }

    private List<Long> disputesOf(String unit) {
        return days().currentOf(BATCHED, DISPUTES, "COMPOUND", unit).stream().map(Version::row).toList();
    }

    private void apply(int generation, Change change) {
        TemporalTable table = days();
        Optional<Version<Long>> previous = table.current(generation, DISPUTES, key(change.unit()));
        if (change.count() == null) {
            previous.ifPresent(p -> table.end(generation, change.at(), p, key(change.unit())));
        } else {
            table.put(generation, change.at(), previous, key(change.unit()), "350800", change.count());
        }
    }

    private static Object[] key(int unit) {
        return new Object[]{"COMPOUND", "350802001001/C" + unit, "2024-03", 7};
    }

    private Map<Integer, Long> currentCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Version<String[]> v : days().currentOf(BATCHED, (rs, n) -> new String[]{rs.getString("unit"),
                                                                                     rs.getString("disputes")},
                                                    "COMPOUND")) {
            String unit = v.row()[0];
            counts.put(Integer.parseInt(unit.substring(unit.indexOf("/C") + 2)), Long.parseLong(v.row()[1]));
        }
        return counts;
    }

    private List<String> versions(int generation) {
        return jdbc.query("select unit, valid_from, valid_to, city_code, disputes from res_days where generation = ?"
                          + " order by unit, valid_from",
                          (rs, n) -> rs.getString(1) + " " + TemporalTable.instant(rs, "valid_from") + " "
                                     + TemporalTable.instant(rs, "valid_to") + " " + rs.getString(4) + " "
                                     + rs.getLong(5),
                          generation);
    }
}
