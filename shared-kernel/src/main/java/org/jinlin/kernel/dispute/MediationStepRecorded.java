package org.jinlin.kernel.dispute;

import java.time.Instant;

/** The assigned mediator recorded one step of the mediation, done at {@code occurredAt} at {@code level}. */
public record MediationStepRecorded(String disputeId, StepKind kind, String note, Instant occurredAt,
                                    String mediatorId, Level level) {
}
