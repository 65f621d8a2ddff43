package org.jinlin.query.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;

/** Generations for a projection under test that reads and writes one given generation, whatever is recorded. */
final class FixedGeneration extends Generations {

    private final int generation;

    FixedGeneration(JdbcTemplate jdbc, int generation) {
        super(jdbc);
        this.generation = generation;
    }

    @Override
    public State state(String projection) {
        return new State(generation, generation);
    }
}
