package org.jinlin.kernel.household;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The household's monthly income (家庭月收入) as reported, with the date it applies from. */
public record HouseholdIncomeReported(String householdId, BigDecimal monthlyIncome, LocalDate asOf) {
}
