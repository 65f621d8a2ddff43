package org.jinlin.kernel.dispute;

/**
 * 调处层级: where a dispute is being handled, from the nearest to the farthest. The policy's aim, "小事不出小区、大事不出社区",
 * is measured by the level at which disputes are resolved, so the order of the constants matters.
 */
public enum Level {
    /** 小区 / 村民小组 */
    COMPOUND,
    /** 社区 / 村 */
    COMMUNITY,
    /** 乡镇 / 街道 */
    TOWNSHIP,
    /** 县 / 区 */
    COUNTY;

    /** A dispute is first handled in its compound, or in its community when no compound was named. */
    public static Level startingLevel(String compoundId) {
        return compoundId == null ? COMMUNITY : COMPOUND;
    }

    public boolean isAbove(Level other) {
        return compareTo(other) > 0;
    }

    /** Mediators at these levels must be appointed to the dispute's community (配备). */
    public boolean isWithinCommunity() {
        return !isAbove(COMMUNITY);
    }
}
