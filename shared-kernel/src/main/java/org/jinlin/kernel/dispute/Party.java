package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.PersonalData;

/**
 * 当事人: a person or organisation on one side of a dispute. Validated as part of {@link DisputeCommands.ReportDispute},
 * which names the party at fault ({@code parties[1].name}). The name is personal data, stored encrypted with the key
 * of the dispute it appears in; so are the free texts of the dispute's events (summary, notes, agreement, reasons),
 * which name people as a matter of course ("李某拒不履行协议").
 */
public record Party(@PersonalData String name, PartyRole role) {
}
