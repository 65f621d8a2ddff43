package org.jinlin.kernel;

/** Names of the metadata every command and event carries, so every stored event says who did it. */
public final class MetadataKeys {

    /** The user name of whoever sent the command. */
    public static final String ACTOR = "actor";
    /** The role under which the user acted, e.g. REGISTRAR. */
    public static final String ROLE = "role";
    /** The mediator id a MEDIATOR user acts as (from the user record), absent for other users. */
    public static final String MEDIATOR_ID = "mediatorId";
    /** The county a COORDINATOR user is bound to (from the user record), absent when not bound. */
    public static final String COUNTY_CODE = "countyCode";
    /** Ties together everything one request caused; taken from {@code X-Correlation-Id} when the client sends one. */
    public static final String CORRELATION_ID = "correlationId";
    /** The client's {@code Idempotency-Key}, when it sent one. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    /** A hash of the command the key was first used with. */
    public static final String IDEMPOTENCY_FINGERPRINT = "idempotencyFingerprint";

    private MetadataKeys() {
    }
}
