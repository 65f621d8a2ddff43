package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

/** The case was judged a small matter (小事) or a big one (大事) instead of what it was before. */
public record DisputeReclassified(@DataSubject String disputeId, Scale previousScale, Scale scale,
                                  @PersonalData String reason) {
}
