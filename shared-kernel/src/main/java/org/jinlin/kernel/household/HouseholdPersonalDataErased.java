package org.jinlin.kernel.household;

/** The household's personal data was erased (crypto-shredding, 个人信息保护法): its key is gone; the events stay. */
public record HouseholdPersonalDataErased(String householdId, String reason) {
}
