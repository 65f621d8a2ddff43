package org.jinlin.kernel.household;

/** The household moved to another community (and compound). */
public record HouseholdMoved(String householdId, String communityCode, String compoundId) {
}
