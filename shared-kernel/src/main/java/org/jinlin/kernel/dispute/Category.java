package org.jinlin.kernel.dispute;

/** 纠纷类型: what the dispute is about. */
public enum Category {
    /** 邻里纠纷 */
    NEIGHBOUR,
    /** 物业纠纷 */
    PROPERTY_MANAGEMENT,
    /** 家庭纠纷 */
    FAMILY,
    /** 婚姻纠纷 */
    MARRIAGE,
    /** 继承纠纷 */
    INHERITANCE,
    /** 劳动争议 */
    LABOUR,
    /** 土地纠纷 */
    LAND,
    /** 债务纠纷 */
    DEBT,
    /** 其他 */
    OTHER
}
