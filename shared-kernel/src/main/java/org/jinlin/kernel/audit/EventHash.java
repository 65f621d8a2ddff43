package org.jinlin.kernel.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper evidence of the event store: each stored event's metadata holds
 * {@code hash = SHA-256(previous hash of its stream ‖ stream ‖ sequence ‖ type ‖ timestamp ‖ payload ‖ metadata)},
 * so altering, removing or reordering any stored event breaks the chain from that event on. The payload is hashed
 * as stored (encrypted personal data included), so erasing a person's key leaves the chain intact.
 */
public final class EventHash {

    /** Metadata key of an event's own hash. */
    public static final String HASH = "hash";
    /** Metadata key of the hash of the event before it in its stream ("" for the first). */
    public static final String PREVIOUS_HASH = "previousHash";

    private EventHash() {
    }

    /**
     * @param metaData the event's metadata without {@link #HASH} and {@link #PREVIOUS_HASH}; keys are hashed in
     *                 sorted order, values as text
     */
    public static String compute(String previousHash, String aggregateId, long sequenceNumber, String payloadType,
                                 String payloadRevision, String timestamp, byte[] payload, Map<String, ?> metaData) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + payload.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(previousHash == null ? "" : previousHash);
            out.writeUTF(aggregateId);
            out.writeLong(sequenceNumber);
            out.writeUTF(payloadType);
            out.writeUTF(payloadRevision == null ? "" : payloadRevision);
            out.writeUTF(timestamp);
            out.writeInt(payload.length);
            out.write(payload);
            Map<String, Object> sorted = new TreeMap<>(metaData);
            sorted.remove(HASH);
            sorted.remove(PREVIOUS_HASH);
            out.writeInt(sorted.size());
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(String.valueOf(entry.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
