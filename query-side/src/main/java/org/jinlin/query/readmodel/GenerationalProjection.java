package org.jinlin.query.readmodel;

import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Base of every projection: its rows carry the generation they belong to. Handlers write the write generation;
 * queries read the read generation. A replay of the projection's processor (Axon's token reset) starts a new
 * generation; {@link #completeRebuild()} switches queries over to it once the replay has caught up and removes the
 * old rows.
 */
public abstract class GenerationalProjection {

    protected final JdbcTemplate jdbc;
    protected final Generations generations;

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
        for (String table : tables()) {
            jdbc.update("delete from " + table + " where generation = ?", next);
        }
    }

    /** The replay caught up: queries read the new generation, and the old rows go. */
    public void completeRebuild() {
        generations.completeRebuild(name());
        int read = generations.read(name());
        for (String table : tables()) {
            jdbc.update("delete from " + table + " where generation < ?", read);
        }
    }

    public Generations.State generationState() {
        Generations.State state = generations.state(name());
        return state == null ? new Generations.State(1, 1) : state;
    }
}
