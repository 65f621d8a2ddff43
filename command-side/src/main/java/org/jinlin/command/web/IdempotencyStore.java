package org.jinlin.command.web;

import org.jinlin.command.handling.CommandAck;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The first answer given to each {@code Idempotency-Key}, per user, for 24 hours. Rows are written by
 * {@link org.jinlin.command.handling.IdempotencyInterceptor} inside the command's own transaction.
 */
@Component
public class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record StoredAnswer(String fingerprint, String commandType, CommandAck ack) {
    }

    public Optional<StoredAnswer> find(String actor, String key) {
        Timestamp notBefore = Timestamp.from(clock.instant().minus(RETENTION));
        return jdbc.query("""
                          select fingerprint, command_type, aggregate_id, aggregate_version from idempotent_request
                          where actor = ? and idempotency_key = ? and created_at >= ?""",
                          (rs, row) -> new StoredAnswer(rs.getString(1), rs.getString(2),
                                                        new CommandAck(rs.getString(3), rs.getLong(4))),
                          actor, key, notBefore)
                   .stream().findFirst();
    }

    public void record(String actor, String key, String fingerprint, String commandType, CommandAck ack) {
        Instant now = clock.instant();
        // An expired row for the same key gives way to the new answer.
        jdbc.update("delete from idempotent_request where actor = ? and idempotency_key = ? and created_at < ?",
                    actor, key, Timestamp.from(now.minus(RETENTION)));
        jdbc.update("""
                    insert into idempotent_request
                      (actor, idempotency_key, fingerprint, command_type, aggregate_id, aggregate_version, created_at)
                    values (?, ?, ?, ?, ?, ?, ?)""",
                    actor, key, fingerprint, commandType, ack.id(), ack.version(), Timestamp.from(now));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeExpired() {
        jdbc.update("delete from idempotent_request where created_at < ?",
                    Timestamp.from(clock.instant().minus(RETENTION)));
    }
}
