package org.jinlin.kernel.mediator;

/** How a people's mediator (人民调解员) is employed. Only full-time mediators count toward the 3 % target. */
public enum MediatorEmployment {
    /** 专职 */
    FULL_TIME,
    /** 兼职 */
    PART_TIME
}
