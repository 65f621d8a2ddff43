package org.jinlin.kernel.dispute;

/** The case was judged a small matter (小事) or a big one (大事) instead of what it was before. */
public record DisputeReclassified(String disputeId, Scale previousScale, Scale scale, String reason) {
}
