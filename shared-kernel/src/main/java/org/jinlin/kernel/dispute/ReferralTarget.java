package org.jinlin.kernel.dispute;

/** Where a dispute that mediation cannot settle is handed over (移交). */
public enum ReferralTarget {
    /** 人民法院 */
    COURT,
    /** 仲裁机构 */
    ARBITRATION,
    /** 公安机关 */
    PUBLIC_SECURITY,
    /** 信访部门 */
    PETITION_OFFICE
}
