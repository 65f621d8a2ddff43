package org.jinlin.kernel.household;

/** 帮扶类型: what was done for a household. */
public enum AssistanceKind {
    /** 走访 */ VISIT,
    /** 物资 */ MATERIAL,
    /** 就业推荐 */ EMPLOYMENT_REFERRAL,
    /** 照护服务 */ CARE_SERVICE,
    /** 医疗 */ MEDICAL,
    /** 其他 */ OTHER
}
