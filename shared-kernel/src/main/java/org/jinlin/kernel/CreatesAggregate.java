package org.jinlin.kernel;

/**
 * A command that starts a new aggregate stream. Ids are never reused, so a second creation with the same id
 * is refused with {@link #alreadyExists()}.
 */
public interface CreatesAggregate {

    String aggregateId();

    /** The refusal in domain words, e.g. "community 350802001001 is already registered". */
    String alreadyExists();
}
