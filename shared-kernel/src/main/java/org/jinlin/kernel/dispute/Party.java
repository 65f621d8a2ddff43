package org.jinlin.kernel.dispute;

/**
 * 当事人: a person or organisation on one side of a dispute. Validated as part of {@link DisputeCommands.ReportDispute},
 * which names the party at fault ({@code parties[1].name}).
 */
public record Party(String name, PartyRole role) {
}
