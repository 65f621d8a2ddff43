package org.jinlin.kernel.dispute;

/** The case was withdrawn (撤回) while handled at {@code level}. */
public record DisputeWithdrawn(String disputeId, Level level, String reason) {
}
