package org.jinlin.query.readmodel;

import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Base of every projection: its rows carry the generation they belong to. Handlers write the write generation;
 * queries read the read generation. A replay of the projection's processor (Axon's token reset) starts a new
 * generation; {@link #completeRebuild()} switches queries over to it once the replay has caught up and removes the
 * old rows.
 * <p>
 * Old rows go a bounded number at a time, each batch in its own transaction: at province scale a read model's old
 * generation is millions of rows, and deleting them in one statement holds them all in one transaction (on the
 * embedded H2 store that is the undo log of every row, kept until the commit). An interrupted removal is finished
 * by the next call of {@link #removeRetiredRows}; until then the old rows only take space, since queries never
 * read them.
 */
public abstract class GenerationalProjection {

    /** Old rows removed per statement: few enough that each commit stays short, enough to finish quickly. */
    public static final int ROWS_PER_REMOVAL = 10_000;

    protected final JdbcTemplate jdbc;
    protected final Generations generations;
    private volatile Boolean h2;

    protected GenerationalProjection(JdbcTemplate jdbc, Generations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** The projection's name, also its processing group. */
    public abstract String name();

    /** Every table the projection writes. */
    protected abstract List<String> tables();

    /**
     * The generation the event handlers write, read once per batch: not kept longer, since with several nodes the
     * projection may have been rebuilt on another node since this one last ran it.
     */
    protected int writing() {
        if (CurrentUnitOfWork.isStarted()) {
            return CurrentUnitOfWork.get().root().getOrComputeResource("jinlin.write-generation." + name(),
                                                                        key -> generations.write(name()));
        }
        return generations.write(name());
    }

    /** The generation queries answer from. */
    protected int reading() {
        return generations.read(name());
    }

    /** A replay begins: from now on the handlers fill a fresh generation; queries still read the old one. */
    @ResetHandler
    public void beginRebuild() {
        int next = generations.beginRebuild(name());
        // Rows of an earlier rebuild into the same generation that was started again before it finished.
        for (String table : tables()) {
            removeInBatches(table, "generation = ?", next, ROWS_PER_REMOVAL, () -> true);
        }
    }

    /** The replay caught up: queries read the new generation, and the old rows go. */
    public void completeRebuild() {
        switchToRebuilt();
        removeRetiredRows(ROWS_PER_REMOVAL, () -> true);
    }

    /** The replay caught up: queries read the new generation from now on. The old rows stay until removed. */
    public void switchToRebuilt() {
        generations.completeRebuild(name());
    }

    /**
     * Removes the rows of generations older than the one queries read, at most {@code perStatement} per statement,
     * asking {@code keepGoing} before each statement; returns how many went.
     */
    public long removeRetiredRows(int perStatement, BooleanSupplier keepGoing) {
        int read = generations.read(name());
        long removed = 0;
        for (String table : tables()) {
            // "generation < ?" would do, but H2 (2.4.240) does not end an index range at a strict upper bound on the
            // first column of a composite key: the last, empty statement read the whole table, on every start.
            removed += removeInBatches(table, "generation <= ?", read - 1, perStatement, keepGoing);
        }
        return removed;
    }

    /**
     * Deletes the rows matching a condition on the generation, at most {@code perStatement} per statement, until none
     * is left. Every generational table's primary key begins with the generation, so each statement seeks to its
     * rows. Outside a transaction each statement commits on its own.
     */
    private long removeInBatches(String table, String condition, int generation, int perStatement,
                                 BooleanSupplier keepGoing) {
        // H2 takes a row limit on DELETE; PostgreSQL does not, so it deletes the rows a limited select found.
        String sql = h2()
                     ? "delete from " + table + " where " + condition + " fetch first " + perStatement + " rows only"
                     : "delete from " + table + " where ctid = any(array(select ctid from " + table + " where "
                       + condition + " limit " + perStatement + "))";
        long removed = 0;
        while (keepGoing.getAsBoolean()) {
            int deleted = jdbc.update(sql, generation);
            if (deleted == 0) {
                break;
            }
            removed += deleted;
        }
        return removed;
    }

    private boolean h2() {
        Boolean known = h2;
        if (known == null) {
            known = TemporalTable.isH2(jdbc);
            h2 = known;
        }
        return known;
    }

    public Generations.State generationState() {
        Generations.State state = generations.state(name());
        return state == null ? new Generations.State(1, 1) : state;
    }
}
