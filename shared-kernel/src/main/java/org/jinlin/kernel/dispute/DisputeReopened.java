package org.jinlin.kernel.dispute;

/**
 * A resolved case was taken up again at the level where it was resolved, back with the mediator who resolved it;
 * its earlier resolution no longer counts.
 */
public record DisputeReopened(String disputeId, Level level, String mediatorId, String reason) {
}
