package org.jinlin.kernel.household;

import org.jinlin.kernel.privacy.DataSubject;

/** A member's facts changed (the member is identified by number; the id-card number stays the same). */
public record MemberUpdated(@DataSubject String householdId, Member member) {
}
