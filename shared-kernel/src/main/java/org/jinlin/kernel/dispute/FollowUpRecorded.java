package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

import java.time.Instant;

/**
 * 回访: a visit after the resolution found the agreement honoured or not. The case stays resolved; a broken
 * agreement is the usual reason to reopen it. {@code mediatorId} is the mediator who made the visit, or null when a
 * coordinator recorded it.
 */
public record FollowUpRecorded(@DataSubject String disputeId, @PersonalData String note, boolean agreementHonoured,
                               Instant occurredAt, String mediatorId) {
}
