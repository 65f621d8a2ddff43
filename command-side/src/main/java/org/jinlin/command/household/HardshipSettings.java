package org.jinlin.command.household;

import org.jinlin.kernel.household.HardshipRules.RetirementAges;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retirementAgeWomen statutory retirement age of women, for the "4050" and zero-employment rules
 * @param retirementAgeMen   statutory retirement age of men
 * @param reassessCron       when every active household is assessed again for the new day (ages change,
 *                           standards take effect), China Standard Time
 */
@ConfigurationProperties("jinlin.hardship")
public record HardshipSettings(@DefaultValue("50") int retirementAgeWomen, @DefaultValue("60") int retirementAgeMen,
                               @DefaultValue("0 5 0 * * *") String reassessCron) {

    public RetirementAges retirementAges() {
        return new RetirementAges(retirementAgeWomen, retirementAgeMen);
    }
}
