package org.jinlin.kernel.ratio;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 专职调解员配备率: per city-level unit, the share of communities with at least one full-time mediator, against
 * the policy's target (以设区市为单位配备率不低于3%).
 */
public final class MediatorRatioQueries {

    private MediatorRatioQueries() {
    }

    /** One row per city-level unit that has registered communities, in code order; as of an instant if given. */
    public record FindMediatorRatios(Instant asOf) {
    }

    public record MediatorRatio(String cityCode, String cityName, long communities, long withFullTimeMediator,
                                double ratio, BigDecimal target, boolean meetsTarget) {
    }

    /**
     * The priority communities of a city (dispute-prominent, or a large resident population) that have no
     * full-time mediator: where the next appointment should go.
     */
    public record FindMediatorGaps(String cityCode, Instant asOf) {
    }

    public record MediatorGap(String communityCode, String name, int residentPopulation, boolean disputeProminent) {
    }
}
