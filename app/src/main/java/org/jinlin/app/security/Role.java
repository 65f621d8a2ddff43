package org.jinlin.app.security;

/** The six user groups of API.md. A user may hold several. */
public enum Role {
    /** 登记员: communities, households, mediators and their appointments, city policy. */
    REGISTRAR,
    /** 调解员: reports disputes and acts on the disputes assigned to their own mediator id. */
    MEDIATOR,
    /** 协调员: assigns, escalates and refers disputes (community or township staff). */
    COORDINATOR,
    /** 审计员: audit views and every read model, read-only, personal data visible. */
    AUDITOR,
    /** 政策分析员: statistics and rosters, personal data masked. */
    ANALYST,
    /** 管理员: users, projection replay, dead letters, erasure; reads everything, acts on no case. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
