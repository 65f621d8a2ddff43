package org.jinlin.kernel.dispute;

/** Mediation could not settle the case at {@code level}; it went to {@code to} (移交). */
public record DisputeReferredOut(String disputeId, Level level, ReferralTarget to, String reason) {
}
