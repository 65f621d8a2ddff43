package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

import java.time.Instant;
import java.util.List;

/**
 * A dispute case was taken in (受理). It counts in the units of this community and compound for good, whatever level
 * it climbs to; {@code level} is where it starts. {@code compoundId} is null when the case belongs to the community
 * as a whole. {@code reportedAt} is the business date the client gave. The parties' names and the summary are
 * personal data of the case: stored encrypted with the dispute's key, so erasing it leaves the facts that the
 * statistics count (place, scale, source, dates) readable.
 */
public record DisputeReported(@DataSubject String disputeId, String communityCode, String compoundId, Level level,
                              Category category, Scale scale, Source source, List<Party> parties,
                              @PersonalData String summary, Instant reportedAt) {
}
