package org.jinlin.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jinlin.kernel.audit.EventHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.jinlin.kernel.audit.EventStoreLayout.AGGREGATE_IDENTIFIER;
import static org.jinlin.kernel.audit.EventStoreLayout.EVENT_TABLE;
import static org.jinlin.kernel.audit.EventStoreLayout.GLOBAL_INDEX;
import static org.jinlin.kernel.audit.EventStoreLayout.META_DATA;
import static org.jinlin.kernel.audit.EventStoreLayout.PAYLOAD;
import static org.jinlin.kernel.audit.EventStoreLayout.PAYLOAD_REVISION;
import static org.jinlin.kernel.audit.EventStoreLayout.PAYLOAD_TYPE;
import static org.jinlin.kernel.audit.EventStoreLayout.SEQUENCE_NUMBER;
import static org.jinlin.kernel.audit.EventStoreLayout.TIMESTAMP;

/**
 * Recomputes every stream's hash chain from the bytes as stored and names the first event where it breaks: an
 * altered payload or metadata (the hash no longer matches), a missing event (a gap in the sequence), or an event
 * that does not follow its predecessor (the previous hash does not match). Plain JDBC, so the same code serves
 * {@code GET /api/audit/verify} and the offline {@code verify} command.
 */
public final class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);
    private static final int PROGRESS_EVERY = 50_000;
    private static final int MAX_REPORTED = 100;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json = new ObjectMapper();

    /** Where a chain breaks, and how. */
    public record Break(String aggregateId, long sequenceNumber, long globalIndex, String problem) {
    }

    public record Report(long eventsChecked, long streamsChecked, Break firstBrokenAt, long brokenEvents,
                         List<Break> broken, long millis) {

        public boolean intact() {
            return firstBrokenAt == null;
        }
    }

    /** Verifies the whole store, or one stream when {@code aggregateId} is given. */
    public Report verify(Connection connection, String aggregateId) throws SQLException {
        long started = System.nanoTime();
        String sql = "select " + GLOBAL_INDEX + ", " + AGGREGATE_IDENTIFIER + ", " + SEQUENCE_NUMBER + ", "
                     + PAYLOAD_TYPE + ", " + PAYLOAD_REVISION + ", " + PAYLOAD + ", " + META_DATA + ", " + TIMESTAMP
                     + " from " + EVENT_TABLE
                     + (aggregateId == null ? "" : " where " + AGGREGATE_IDENTIFIER + " = ?")
                     + " order by " + AGGREGATE_IDENTIFIER + ", " + SEQUENCE_NUMBER;
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams a large result only inside a transaction.
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(1_000);
            if (aggregateId != null) {
                select.setString(1, aggregateId);
            }
            try (ResultSet rows = select.executeQuery()) {
                return check(rows, started);
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(autoCommit);
        }
    }

    private Report check(ResultSet rows, long started) throws SQLException {
        long events = 0;
        long streams = 0;
        List<Break> broken = new ArrayList<>();
        long brokenCount = 0;
        String stream = null;
        long expectedSequence = 0;
        String previousHash = "";
        while (rows.next()) {
            events++;
            long globalIndex = rows.getLong(1);
            String aggregateId = rows.getString(2);
            long sequence = rows.getLong(3);
            if (!aggregateId.equals(stream)) {
                stream = aggregateId;
                streams++;
                expectedSequence = 0;
                previousHash = "";
            }
            String problem = null;
            Map<String, Object> metaData = null;
            try {
                metaData = json.readValue(rows.getBytes(7), MAP);
            } catch (IOException | RuntimeException unreadable) {
                problem = "the metadata cannot be read";
            }
            if (problem == null && sequence != expectedSequence) {
                problem = expectedSequence == 0
                        ? "the stream starts at event " + sequence + "; events before it are missing"
                        : "event " + expectedSequence + (sequence - expectedSequence > 1 ? " to " + (sequence - 1) : "")
                          + " of the stream " + (sequence - expectedSequence > 1 ? "are" : "is") + " missing (event "
                          + sequence + " follows event " + (expectedSequence - 1) + ")";
            }
            String storedHash = metaData == null ? null : text(metaData.get(EventHash.HASH));
            String storedPrevious = metaData == null ? null : text(metaData.get(EventHash.PREVIOUS_HASH));
            if (problem == null && storedHash == null) {
                problem = "the event carries no hash";
            }
            if (problem == null && !previousHash.equals(storedPrevious)) {
                problem = "the event does not follow the stored event before it (previous hash differs)";
            }
            if (problem == null) {
                String recomputed = EventHash.compute(storedPrevious, aggregateId, sequence, rows.getString(4),
                                                      rows.getString(5), rows.getString(8), rows.getBytes(6), metaData);
                if (!recomputed.equals(storedHash)) {
                    problem = "the stored payload or metadata was altered (its hash no longer matches)";
                }
            }
            if (problem != null) {
                brokenCount++;
                if (broken.size() < MAX_REPORTED) {
                    broken.add(new Break(aggregateId, sequence, globalIndex, problem));
                }
            }
            expectedSequence = sequence + 1;
            previousHash = storedHash == null ? "" : storedHash;
            if (events % PROGRESS_EVERY == 0) {
                log.info("Verifying the event store: {} events in {} streams checked, {} broken", events, streams,
                         brokenCount);
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        log.info("Verified the event store: {} events in {} streams, {} broken, {} ms", events, streams, brokenCount,
                 millis);
        return new Report(events, streams, broken.isEmpty() ? null : broken.get(0), brokenCount, broken, millis);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
