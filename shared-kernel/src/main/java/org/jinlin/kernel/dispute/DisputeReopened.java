package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

/**
 * A resolved case was taken up again at the level where it was resolved, back with the mediator who resolved it;
 * its earlier resolution no longer counts.
 */
public record DisputeReopened(@DataSubject String disputeId, Level level, String mediatorId,
                              @PersonalData String reason) {
}
