package org.jinlin.kernel.household;

/** 残疾类别. Grades run from 1 (most severe, 一级) to 4. */
public enum DisabilityKind {
    /** 肢体 */ PHYSICAL,
    /** 视力 */ VISUAL,
    /** 听力 */ HEARING,
    /** 言语 */ SPEECH,
    /** 智力 */ INTELLECTUAL,
    /** 精神 */ MENTAL,
    /** 多重 */ MULTIPLE
}
