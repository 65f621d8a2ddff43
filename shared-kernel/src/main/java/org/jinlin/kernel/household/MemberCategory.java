package org.jinlin.kernel.household;

/** What the hardship rules decide about one member. */
public enum MemberCategory {
    /** 单人保: a special-hardship member of a low-income household enrolled in dibao on their own */
    INDIVIDUAL_DIBAO,
    /** 特困人员 */
    TEKUN,
    /** 困境儿童 */
    CHILD_IN_DIFFICULTY,
    /** 空巢老人 */
    EMPTY_NEST_ELDER,
    /** 残疾人 */
    DISABLED,
    /** "4050"人员 */
    FORTY_FIFTY,
    /** 离校未就业高校毕业生 */
    UNEMPLOYED_GRADUATE,
    /** 就业困难残疾人 */
    DISABLED_JOBSEEKER,
    /** 困难残疾人生活补贴 */
    DISABILITY_ALLOWANCE,
    /** 随迁子女 */
    MIGRANT_CHILD
}
