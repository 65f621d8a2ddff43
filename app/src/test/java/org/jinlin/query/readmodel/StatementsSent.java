package org.jinlin.query.readmodel;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A JdbcTemplate for a projection under test that keeps the queries it sends (those {@code kept} selects), with
 * their arguments, so that a test can ask the database for their plans.
 */
final class StatementsSent extends JdbcTemplate {

    final List<String> sql = new ArrayList<>();
    final List<Object[]> args = new ArrayList<>();
    private final Predicate<String> kept;

    StatementsSent(DataSource dataSource, Predicate<String> kept) {
        super(dataSource);
        this.kept = kept;
    }

    @Override
    public <T> List<T> query(String statement, RowMapper<T> rowMapper, Object... arguments) {
        keep(statement, arguments);
        return super.query(statement, rowMapper, arguments);
    }

    @Override
    public void query(String statement, RowCallbackHandler handler, Object... arguments) {
        keep(statement, arguments);
        super.query(statement, handler, arguments);
    }

    /** The plan of the {@code i}th statement kept, as {@code explain} on {@code jdbc} gives it. */
    String plan(JdbcTemplate jdbc, int i) {
        return jdbc.queryForObject("explain " + sql.get(i), String.class, args.get(i));
    }

    private void keep(String statement, Object[] arguments) {
        if (kept.test(statement)) {
            sql.add(statement);
            args.add(arguments);
        }
    }
}
