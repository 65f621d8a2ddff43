package org.jinlin.kernel.household;

/** 生活自理能力. */
public enum SelfCare {
    /** 能自理 */ CAPABLE,
    /** 失能 */ DISABLED,
    /** 失智 */ DEMENTIA
}
