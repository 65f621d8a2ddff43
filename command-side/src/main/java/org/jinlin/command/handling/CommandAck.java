package org.jinlin.command.handling;

/**
 * The answer to every accepted command: the aggregate's id and its version (the sequence number of its last
 * event) once the events are stored.
 */
public record CommandAck(String id, long version) {
}
