package org.jinlin.kernel.dispute;

/** What a mediator did in one step of the mediation (调解过程记录). */
public enum StepKind {
    /** 受理登记 */
    INTAKE,
    /** 入户走访 */
    HOME_VISIT,
    /** 联合调解 / 面对面调解 */
    JOINT_SESSION,
    /** 电话沟通 */
    PHONE_CALL,
    /** 专家咨询 (lawyer, psychologist) */
    EXPERT_CONSULTATION,
    /** 跟进 */
    FOLLOW_UP
}
