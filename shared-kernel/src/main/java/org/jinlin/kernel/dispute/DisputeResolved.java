package org.jinlin.kernel.dispute;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

import java.time.Instant;

/**
 * The parties reached an agreement (调解成功) at {@code level}, the level that "小事不出小区、大事不出社区" is measured
 * by, under the mediator who held the case. {@code resolvedAt} is the business date the client gave.
 */
public record DisputeResolved(@DataSubject String disputeId, Level level, String mediatorId,
                              @PersonalData String agreementSummary, Instant resolvedAt) {
}
