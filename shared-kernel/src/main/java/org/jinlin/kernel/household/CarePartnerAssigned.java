package org.jinlin.kernel.household;

import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;

/** A party member, volunteer or social worker was paired with the household (结对帮扶 / 综合包户). */
public record CarePartnerAssigned(@DataSubject String householdId, @PersonalData String partnerName, CarePartnerKind partnerKind) {
}
