package org.jinlin.kernel.policy;

import java.math.BigDecimal;

/** The multiple of the dibao standard below which a household is low-income. */
public record LowIncomeMultiplierSet(String cityCode, BigDecimal multiplier) {
}
