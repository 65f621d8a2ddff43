package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

/** Mediation could not settle the case at {@code level}; it went to {@code to} (移交). */
public record DisputeReferredOut(@DataSubject String disputeId, Level level, ReferralTarget to,
                                 @PersonalData String reason) {
}
