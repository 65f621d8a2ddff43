package org.jinlin.kernel.household;

import org.jinlin.kernel.privacy.DataSubject;

import java.math.BigDecimal;

/** A household (户) was registered in a community (and compound); its members follow as MemberAdded. */
public record HouseholdRegistered(@DataSubject String householdId, String communityCode, String compoundId, BigDecimal monthlyIncome, boolean migrant) {
}
