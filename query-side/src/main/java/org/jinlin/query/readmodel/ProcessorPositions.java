package org.jinlin.query.readmodel;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where each segment of a processor stands, read from the token store without claiming anything. The tokens are
 * written in the same transaction as the read-model rows of each batch, so they say exactly which events a read
 * model holds, whichever node processes it.
 */
@Component
public class ProcessorPositions {

    /** One segment's token and the node holding it (null when no node does). */
    public record Segment(int segment, TrackingToken token, String owner) {

        /** The global index up to which this segment has handled events, -1 before the first. */
        public long position() {
            return token == null ? -1 : token.position().orElse(-1);
        }

        /** During a replay, the position the replay started from. */
        public OptionalLong resetPosition() {
            return token instanceof ReplayToken replay && replay.getTokenAtReset() != null
                    ? replay.getTokenAtReset().position() : OptionalLong.empty();
        }
    }

    private final JdbcTemplate jdbc;
    private final TokenSchema schema;
    private final Serializer serializer;

    public ProcessorPositions(JdbcTemplate jdbc, TokenSchema schema, Serializer serializer) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.serializer = serializer;
    }

    public List<Segment> of(String processorName) {
        return jdbc.query("select " + schema.segmentColumn() + ", " + schema.tokenColumn() + ", "
                          + schema.tokenTypeColumn() + ", " + schema.ownerColumn() + " from " + schema.tokenTable()
                          + " where " + schema.processorNameColumn() + " = ? order by " + schema.segmentColumn(),
                          (rs, n) -> new Segment(rs.getInt(1), token(rs.getBytes(2), rs.getString(3)), rs.getString(4)),
                          processorName);
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class,
                                                                   new SimpleSerializedType(type, null)));
    }
}
