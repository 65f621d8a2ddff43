package org.jinlin.command.web;

import java.util.OptionalLong;

/**
 * Where a stored event sits in the global event stream. A command answer passes it on as {@code X-Event-Token}
 * so that a client can read its own writes ({@code ?consistentWith=}).
 */
public interface EventPositions {

    OptionalLong globalIndexOf(String aggregateId, long sequenceNumber);
}
