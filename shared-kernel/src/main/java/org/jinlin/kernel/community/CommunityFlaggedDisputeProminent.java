package org.jinlin.kernel.community;

/** The community was marked as one where disputes are prominent (矛盾纠纷较突出). */
public record CommunityFlaggedDisputeProminent(String code, String reason) {
}
