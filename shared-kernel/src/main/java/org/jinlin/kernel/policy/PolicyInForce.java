package org.jinlin.kernel.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A city's hardship policy as it applies on one date: the dibao standard S in force (最低生活保障标准, yuan per
 * person and month) with the date it took effect, the low-income multiplier M (低收入家庭认定: below M × S), and
 * whether the disability allowance reaches low-income households (困难残疾人生活补贴延伸至低收入家庭).
 */
public record PolicyInForce(String cityCode, BigDecimal dibaoStandard, LocalDate effectiveFrom,
                            BigDecimal lowIncomeMultiplier, boolean disabilityAllowanceExtended) {

    public static final BigDecimal DEFAULT_MULTIPLIER = new BigDecimal("1.5");

    /** Identifies the parameters an assessment used, e.g. {@code 350800@2021-07-01:980.00x1.5/ext=false}. */
    public String version() {
        return cityCode + "@" + effectiveFrom + ":" + dibaoStandard.toPlainString() + "x"
               + lowIncomeMultiplier.stripTrailingZeros().toPlainString() + "/ext=" + disabilityAllowanceExtended;
    }
}
