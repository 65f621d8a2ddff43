package org.jinlin.kernel.dispute;

import java.time.Instant;
import java.util.List;

/**
 * A dispute case was taken in (受理). It counts in the units of this community and compound for good, whatever level
 * it climbs to; {@code level} is where it starts. {@code compoundId} is null when the case belongs to the community
 * as a whole. {@code reportedAt} is the business date the client gave.
 */
public record DisputeReported(String disputeId, String communityCode, String compoundId, Level level,
                              Category category, Scale scale, Source source, List<Party> parties, String summary,
                              Instant reportedAt) {
}
