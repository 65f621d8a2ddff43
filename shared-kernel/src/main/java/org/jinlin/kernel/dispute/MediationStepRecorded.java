package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

import java.time.Instant;

/**
 * The assigned mediator recorded one step of the mediation, done at {@code occurredAt} at {@code level}. The note
 * tells who said and did what, so it is personal data of the case.
 */
public record MediationStepRecorded(@DataSubject String disputeId, StepKind kind, @PersonalData String note,
                                    Instant occurredAt, String mediatorId, Level level) {
}
