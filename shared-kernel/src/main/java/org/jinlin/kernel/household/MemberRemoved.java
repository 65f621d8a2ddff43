package org.jinlin.kernel.household;

/** A member left the household. */
public record MemberRemoved(String householdId, int memberNo) {
}
