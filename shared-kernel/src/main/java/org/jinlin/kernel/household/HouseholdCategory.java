package org.jinlin.kernel.household;

/** What the hardship rules decide about a whole household. */
public enum HouseholdCategory {
    /** 低保家庭 */ DIBAO,
    /** 低收入家庭 */ LOW_INCOME,
    /** 零就业家庭 */ ZERO_EMPLOYMENT,
    /** 进城务工人员家庭 */ MIGRANT
}
