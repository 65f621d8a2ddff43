package org.jinlin.kernel.household;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

/** The household was deregistered (注销); it leaves the rosters. */
public record HouseholdDeregistered(@DataSubject String householdId, @PersonalData String reason) {
}
