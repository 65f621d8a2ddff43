package org.jinlin.kernel.community;

/** 社区 (urban residents' committee) or 村 (village). */
public enum CommunityKind {
    /** 城市社区 */
    URBAN,
    /** 农村社区 / 村 */
    RURAL
}
