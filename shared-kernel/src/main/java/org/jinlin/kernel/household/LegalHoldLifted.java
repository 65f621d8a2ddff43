package org.jinlin.kernel.household;

/** The legal hold on the household was lifted. */
public record LegalHoldLifted(String householdId, String reason) {
}
