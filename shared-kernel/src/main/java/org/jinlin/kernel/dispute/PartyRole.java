package org.jinlin.kernel.dispute;

/** A party's side in the dispute. */
public enum PartyRole {
    /** 申请人 */
    APPLICANT,
    /** 被申请人 */
    RESPONDENT,
    /** 其他当事人 */
    OTHER
}
