package org.jinlin.app.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh community codes and ids, so tests sharing one database never collide. */
public final class Codes {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Codes() {
    }

    /** A new community code in the given county (6 digits), e.g. 350802 新罗区. */
    public static String community(String county) {
        int n = NEXT.getAndIncrement();
        return county + String.format("%03d%03d", 100 + n / 999, n % 999 + 1);
    }

    public static String id(String prefix) {
        return prefix + "-" + NEXT.getAndIncrement();
    }
}
