package org.jinlin.kernel.household;

/** A legal hold was placed on the household: its personal data must be kept until the hold is lifted. */
public record LegalHoldPlaced(String householdId, String reason) {
}
