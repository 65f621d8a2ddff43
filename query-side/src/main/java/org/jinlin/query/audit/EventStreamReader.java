package org.jinlin.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.jinlin.kernel.privacy.PersonalDataCipher;
import org.jinlin.kernel.MetadataKeys;
import org.jinlin.kernel.audit.EventHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.jinlin.kernel.audit.EventStoreLayout.AGGREGATE_IDENTIFIER;
import static org.jinlin.kernel.audit.EventStoreLayout.AGGREGATE_TYPE;
import static org.jinlin.kernel.audit.EventStoreLayout.EVENT_TABLE;
import static org.jinlin.kernel.audit.EventStoreLayout.GLOBAL_INDEX;
import static org.jinlin.kernel.audit.EventStoreLayout.META_DATA;
import static org.jinlin.kernel.audit.EventStoreLayout.PAYLOAD;
import static org.jinlin.kernel.audit.EventStoreLayout.PAYLOAD_REVISION;
import static org.jinlin.kernel.audit.EventStoreLayout.PAYLOAD_TYPE;
import static org.jinlin.kernel.audit.EventStoreLayout.SEQUENCE_NUMBER;
import static org.jinlin.kernel.audit.EventStoreLayout.TIMESTAMP;

/** Reads one stream's events as stored, for auditors: who did what, when, and the chain that seals it. */
@Component
public class EventStreamReader {

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json = new ObjectMapper();

    public EventStreamReader(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /**
     * One stored event as an auditor sees it: the payload as it was recorded, in the shape of its
     * {@code payloadRevision} (null for the first shape of an event type), not upcast to today's shape.
     */
    public record StoredEvent(long globalIndex, long sequence, String aggregateType, String type, String payloadType,
                              String payloadRevision, Instant occurredAt, String actor, String role, String correlationId, JsonNode payload,
                              JsonNode metaData, String hash, String previousHash) {
    }

    public long count(String aggregateId) {
        Long count = jdbc.queryForObject("select count(*) from " + EVENT_TABLE + " where " + AGGREGATE_IDENTIFIER
                                         + " = ?", Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    public List<StoredEvent> page(String aggregateId, int page, int size) {
        return jdbc.query("select " + GLOBAL_INDEX + ", " + SEQUENCE_NUMBER + ", " + AGGREGATE_TYPE + ", " + PAYLOAD_TYPE
                          + ", " + TIMESTAMP + ", " + PAYLOAD + ", " + META_DATA + ", " + PAYLOAD_REVISION + " from " + EVENT_TABLE + " where "
                          + AGGREGATE_IDENTIFIER + " = ? order by " + SEQUENCE_NUMBER
                          + " offset ? rows fetch next ? rows only",
                          (rs, n) -> {
                              String payloadType = rs.getString(4);
                              JsonNode metaData = parse(rs.getBytes(7));
                              return new StoredEvent(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                                     payloadType.substring(payloadType.lastIndexOf('.') + 1)
                                                                .replace('$', '.'),
                                                     payloadType, rs.getString(8), Instant.parse(rs.getString(5)),
                                                     text(metaData, MetadataKeys.ACTOR), text(metaData, MetadataKeys.ROLE),
                                                     text(metaData, MetadataKeys.CORRELATION_ID),
                                                     decrypted(parse(rs.getBytes(6))),
                                                     metaData, text(metaData, EventHash.HASH),
                                                     text(metaData, EventHash.PREVIOUS_HASH));
                          },
                          aggregateId, (long) page * size, size);
    }

    /** Auditors see personal data: every encrypted text is shown decrypted (or as erased). */
    private JsonNode decrypted(JsonNode node) {
        if (node.isTextual() && PersonalDataCipher.isEnvelope(node.asText())) {
            return TextNode.valueOf(cipher.decrypt(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(decrypted(field.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, decrypted(array.get(i)));
            }
        }
        return node;
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            return json.getNodeFactory().textNode("(unreadable: " + bytes.length + " bytes)");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
