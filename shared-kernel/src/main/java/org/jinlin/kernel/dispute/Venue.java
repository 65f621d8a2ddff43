package org.jinlin.kernel.dispute;

/** Where a step of the mediation took place (调解地点类型); {@code place} in the step may name it more precisely. */
public enum Venue {
    /** 调解室 (the community's or township's mediation room) */
    MEDIATION_ROOM,
    /** 当事人家中 */
    PARTY_HOME,
    /** 纠纷现场 (the leaking ceiling, the disputed wall) */
    ON_SITE,
    /** 电话 */
    BY_PHONE,
    /** 线上 (video call, messaging) */
    ONLINE,
    /** 其他 */
    OTHER,
    /** 未记录: steps recorded before the venue was asked for, where the kind of step does not imply it */
    NOT_RECORDED;

    /**
     * The venue a kind of step implies by its nature: a home visit takes place at the party's home, a phone call
     * by phone. Any other kind could have taken place anywhere.
     */
    public static Venue impliedBy(StepKind kind) {
        return switch (kind) {
            case HOME_VISIT -> PARTY_HOME;
            case PHONE_CALL -> BY_PHONE;
            default -> NOT_RECORDED;
        };
    }
}
