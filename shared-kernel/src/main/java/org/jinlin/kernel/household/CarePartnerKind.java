package org.jinlin.kernel.household;

/** Who pairs with a household (结对帮扶 / 综合包户). */
public enum CarePartnerKind {
    /** 党员 */ PARTY_MEMBER,
    /** 志愿者 */ VOLUNTEER,
    /** 社工 */ SOCIAL_WORKER
}
