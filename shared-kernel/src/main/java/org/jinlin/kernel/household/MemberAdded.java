package org.jinlin.kernel.household;

import org.jinlin.kernel.privacy.DataSubject;

/** A member joined the household; their name and id-card number are stored encrypted for the household. */
public record MemberAdded(@DataSubject String householdId, Member member) {
}
