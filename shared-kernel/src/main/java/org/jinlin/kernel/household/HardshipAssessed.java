package org.jinlin.kernel.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The hardship rules gave a new outcome: the categories of the household and of its members (by member number), why, and under which policy. */
public record HardshipAssessed(String householdId, List<HouseholdCategory> householdCategories, Map<Integer, List<MemberCategory>> memberCategories, String policyVersion, LocalDate assessedOn, List<String> reasons) {
}
