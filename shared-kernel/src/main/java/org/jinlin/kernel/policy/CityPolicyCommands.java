package org.jinlin.kernel.policy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jinlin.kernel.Check;
import org.jinlin.kernel.division.Divisions;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a registrar may set of a city's hardship policy (城市低保政策). */
public final class CityPolicyCommands {

    private CityPolicyCommands() {
    }

    /**
     * {@code PUT /api/city-policies/{cityCode}}: the dibao standard from a date, and optionally the low-income
     * multiplier and the disability-allowance extension. Creates the city's policy on first use.
     */
    public record SetCityPolicy(@TargetAggregateIdentifier String cityCode, BigDecimal dibaoStandard,
                                LocalDate effectiveFrom, BigDecimal lowIncomeMultiplier,
                                Boolean disabilityAllowanceExtended, @TargetAggregateVersion Long expectedVersion) {
        public SetCityPolicy {
            Check.fields()
                 .valid(() -> Divisions.requireCityCode("cityCode", cityCode))
                 .notNegative("dibaoStandard", dibaoStandard)
                 .that(dibaoStandard == null || dibaoStandard.signum() > 0, "dibaoStandard", "must be more than 0")
                 .that(dibaoStandard == null || dibaoStandard.scale() <= 2, "dibaoStandard",
                       "is an amount in yuan with at most two decimals")
                 .notNull("effectiveFrom", effectiveFrom)
                 .that(lowIncomeMultiplier == null || lowIncomeMultiplier.compareTo(BigDecimal.ONE) > 0
                       && lowIncomeMultiplier.compareTo(BigDecimal.TEN) <= 0,
                       "lowIncomeMultiplier", "must be more than 1 and at most 10")
                 .orThrow();
        }
    }
}
