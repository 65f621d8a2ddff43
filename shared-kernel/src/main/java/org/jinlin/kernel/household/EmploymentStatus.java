package org.jinlin.kernel.household;

/** 就业状况 of a household member. */
public enum EmploymentStatus {
    /** 就业 */ EMPLOYED,
    /** 失业 */ UNEMPLOYED,
    /** 在校学生 */ STUDENT,
    /** 退休 */ RETIRED,
    /** 无劳动能力 */ UNABLE_TO_WORK
}
