package org.jinlin.kernel.dispute;

/** A mediator was given the case at the level where it is handled (指派). */
public record MediatorAssigned(String disputeId, String mediatorId, Level level) {
}
