package org.jinlin.kernel.dispute;

import org.axonframework.serialization.Revision;
import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

import java.time.Instant;

/**
 * The assigned mediator recorded one step of the mediation, done at {@code occurredAt} at {@code level}, taking
 * {@code durationMinutes} (null: not recorded) at a {@link Venue} (never null), which {@code place} may name more
 * precisely (e.g. 东城社区调解室, 幸福小区3号楼). The note tells who said and did what, and a place may be someone's
 * home, so both are personal data of the case.
 * <p>
 * Revision 2 added the duration, the venue and the place. Steps recorded before (revision 1, stored without a
 * revision) are read through {@code MediationStepRecordedUpcaster}: no duration or place, and the venue their kind of
 * step implies ({@link Venue#impliedBy}), which is {@link Venue#NOT_RECORDED} where the kind implies none.
 */
@Revision(MediationStepRecorded.REVISION)
public record MediationStepRecorded(@DataSubject String disputeId, StepKind kind, @PersonalData String note,
                                    Instant occurredAt, String mediatorId, Level level, Integer durationMinutes,
                                    Venue venue, @PersonalData String place) {

    public static final String REVISION = "2";
}
