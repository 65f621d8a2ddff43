package org.jinlin.kernel.dispute;

/** 小事 / 大事: how big a matter the mediator judges the dispute to be. */
public enum Scale {
    /** 小事: should be settled in the compound (小事不出小区). */
    SMALL,
    /** 大事: should be settled within the community (大事不出社区). */
    BIG
}
