package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

/**
 * The case was handed up from {@code fromLevel} to {@code toLevel} (上报). It awaits a mediator at the new level;
 * {@code releasedMediatorId} is the mediator who held it until now, or null when none did.
 */
public record DisputeEscalated(@DataSubject String disputeId, Level fromLevel, Level toLevel,
                               @PersonalData String reason, String releasedMediatorId) {
}
