package org.jinlin.kernel.privacy;

/** What every view shows in place of personal data whose key was erased. */
public final class Erased {

    /** The placeholder text: "已删除 erased". */
    public static final String PLACEHOLDER = "[已删除 erased]";

    private Erased() {
    }

    public static boolean isErased(String value) {
        return PLACEHOLDER.equals(value);
    }
}
