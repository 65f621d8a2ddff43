package org.jinlin.kernel.household;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

import java.time.LocalDate;

/** Assistance given to the household (关爱服务), with a note that may name people. */
public record AssistanceRecorded(@DataSubject String householdId, AssistanceKind kind, @PersonalData String note, LocalDate on) {
}
