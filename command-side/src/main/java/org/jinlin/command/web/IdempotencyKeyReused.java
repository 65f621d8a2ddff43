package org.jinlin.command.web;

/** An {@code Idempotency-Key} sent again with a different request. Answered with 422. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request in the last 24 hours; "
              + "use a new key for a new request");
    }
}
