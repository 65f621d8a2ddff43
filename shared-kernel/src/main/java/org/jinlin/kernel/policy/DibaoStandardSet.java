package org.jinlin.kernel.policy;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A city's dibao standard (最低生活保障标准), yuan per person and month, from a date on. */
public record DibaoStandardSet(String cityCode, BigDecimal monthlyAmountPerPerson, LocalDate effectiveFrom) {
}
