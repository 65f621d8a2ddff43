package org.jinlin.query.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which generation of each projection's rows queries read, and which one its event handlers write. They are the
 * same except during a rebuild: the rebuild replays every event into a new generation while queries keep
 * reading the old one, and the switch is a single row update once the replay has caught up.
 */
@Component
public class Generations {

    private final JdbcTemplate jdbc;

    public Generations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record State(int read, int write) {

        public boolean rebuilding() {
            return write != read;
        }
    }

    public State state(String projection) {
        return jdbc.query("select read_generation, write_generation from read_model_generation where projection = ?",
                          rs -> rs.next() ? new State(rs.getInt(1), rs.getInt(2)) : null, projection);
    }

    /** The generation queries answer from. */
    public int read(String projection) {
        State state = state(projection);
        return state == null ? 1 : state.read();
    }

    /** The generation event handlers write, creating the projection's entry on first use. */
    public int write(String projection) {
        State state = state(projection);
        if (state == null) {
            jdbc.update("insert into read_model_generation (projection, read_generation, write_generation) "
                        + "values (?, 1, 1)", projection);
            return 1;
        }
        return state.write();
    }

    /** Starts a rebuild: handlers write a new generation from now on; returns it. */
    public int beginRebuild(String projection) {
        int next = read(projection) + 1;
        write(projection);
        jdbc.update("update read_model_generation set write_generation = ? where projection = ?", next, projection);
        return next;
    }

    /** Ends a rebuild: queries read the new generation from now on. */
    public void completeRebuild(String projection) {
        jdbc.update("update read_model_generation set read_generation = write_generation where projection = ?",
                    projection);
    }
}
