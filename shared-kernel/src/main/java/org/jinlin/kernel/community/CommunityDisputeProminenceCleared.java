package org.jinlin.kernel.community;

/** The dispute-prominent mark was taken off the community. */
public record CommunityDisputeProminenceCleared(String code, String reason) {
}
