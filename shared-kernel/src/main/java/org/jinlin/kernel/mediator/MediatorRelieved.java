package org.jinlin.kernel.mediator;

/** A mediator's appointment to a community ended. */
public record MediatorRelieved(String mediatorId, String communityCode, String reason) {
}
