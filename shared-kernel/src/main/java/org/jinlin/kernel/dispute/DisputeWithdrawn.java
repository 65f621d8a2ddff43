package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

/** The case was withdrawn (撤回) while handled at {@code level}. */
public record DisputeWithdrawn(@DataSubject String disputeId, Level level, @PersonalData String reason) {
}
