package org.jinlin.kernel.dispute;

/** 案件来源: how the case came to the mediators. */
public enum Source {
    /** 当事人申请 */
    PARTY_APPLICATION,
    /** 调委会主动调解 */
    COMMITTEE_INITIATIVE,
    /** 公安机关移送 */
    REFERRED_BY_POLICE,
    /** 法院委托/移送 */
    REFERRED_BY_COURT,
    /** 政府部门移送 */
    REFERRED_BY_GOVERNMENT
}
