package org.jinlin.app.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.jinlin.kernel.audit.EventHash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

/**
 * Appends events like Axon's JDBC engine does, and chains each one to the previous event of its stream: the
 * {@link EventHash} of the stored bytes goes into the event's metadata together with the previous event's hash,
 * read from the store in the same transaction (or from the same batch).
 */
final class HashChainingAppend implements AppendEventsStatementBuilder {

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   java.util.List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + schema.domainEventTable() + " (" + schema.domainEventFields() + ") "
                + "VALUES (?,?,?,?,?,?,?,?,?)");
        Map<String, String> lastHashInBatch = new HashMap<>();
        for (EventMessage<?> eventMessage : events) {
            DomainEventMessage<?> event = asDomainEventMessage(eventMessage);
            SerializedObject<?> payload = event.serializePayload(serializer, dataType);
            byte[] payloadBytes = (byte[]) payload.getData();
            String aggregateId = event.getAggregateIdentifier();
            String previous = lastHashInBatch.containsKey(aggregateId)
                    ? lastHashInBatch.get(aggregateId)
                    : previousHash(connection, schema, serializer, aggregateId, event.getSequenceNumber());
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            Map<String, Object> withoutHash = new HashMap<>(event.getMetaData());
            withoutHash.remove(EventHash.HASH);
            withoutHash.remove(EventHash.PREVIOUS_HASH);
            String hash = EventHash.compute(previous, aggregateId, event.getSequenceNumber(),
                                            payload.getType().getName(), payload.getType().getRevision(), timestamp,
                                            payloadBytes, withoutHash);
            lastHashInBatch.put(aggregateId, hash);
            Map<String, Object> chained = new HashMap<>(withoutHash);
            chained.put(EventHash.PREVIOUS_HASH, previous);
            chained.put(EventHash.HASH, hash);
            SerializedObject<?> metaData = serializer.serialize(MetaData.from(chained), dataType);

            insert.setString(1, event.getIdentifier());
            insert.setString(2, aggregateId);
            insert.setLong(3, event.getSequenceNumber());
            insert.setString(4, event.getType());
            timestampWriter.writeTimestamp(insert, 5, event.getTimestamp());
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setObject(8, payloadBytes);
            insert.setObject(9, metaData.getData());
            insert.addBatch();
        }
        return insert;
    }

    /** The hash of the stream's event before this one: "" for a stream's first event. */
    private static String previousHash(Connection connection, EventSchema schema, Serializer serializer,
                                       String aggregateId, long sequenceNumber) throws SQLException {
        if (sequenceNumber == 0) {
            return "";
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + schema.metaDataColumn() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " = ?")) {
            select.setString(1, aggregateId);
            select.setLong(2, sequenceNumber - 1);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    // Only an altered store lacks the predecessor; the verifier reports the gap.
                    return "";
                }
                MetaData metaData = serializer.deserialize(new SimpleSerializedObject<>(
                        row.getBytes(1), byte[].class, new SimpleSerializedType(MetaData.class.getName(), null)));
                Object hash = metaData.get(EventHash.HASH);
                return hash == null ? "" : hash.toString();
            }
        }
    }
}
