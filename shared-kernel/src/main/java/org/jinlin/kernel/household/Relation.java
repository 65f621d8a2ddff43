package org.jinlin.kernel.household;

/** 与户主关系: a member's relation to the head of the household. */
public enum Relation {
    /** 户主 */ HEAD,
    /** 配偶 */ SPOUSE,
    /** 子女 */ CHILD,
    /** 父母 */ PARENT,
    /** 孙子女 */ GRANDCHILD,
    /** 祖父母 */ GRANDPARENT,
    /** 兄弟姐妹 */ SIBLING,
    /** 其他 */ OTHER
}
