package org.jinlin.kernel.dispute;

/**
 * Where a dispute stands: REPORTED → ASSIGNED → IN_MEDIATION → RESOLVED | REFERRED_OUT | WITHDRAWN, and
 * RESOLVED → ASSIGNED when it is reopened.
 */
public enum Status {
    /** 已受理, awaiting a mediator (also after an escalation, at the new level) */
    REPORTED,
    /** 已指派, a mediator is assigned and has not yet recorded a step */
    ASSIGNED,
    /** 调解中 */
    IN_MEDIATION,
    /** 调解成功 */
    RESOLVED,
    /** 已移交 (court, arbitration, police or petition office) */
    REFERRED_OUT,
    /** 已撤回 */
    WITHDRAWN;

    /** Still being handled: it may be reclassified, escalated, referred out or withdrawn. */
    public boolean isOpen() {
        return this == REPORTED || this == ASSIGNED || this == IN_MEDIATION;
    }
}
