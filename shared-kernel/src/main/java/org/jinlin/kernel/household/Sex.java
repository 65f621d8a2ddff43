package org.jinlin.kernel.household;

/** 性别, read from the id-card number. */
public enum Sex {
    /** 男 */
    MALE,
    /** 女 */
    FEMALE
}
