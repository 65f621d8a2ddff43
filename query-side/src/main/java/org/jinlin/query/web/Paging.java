package org.jinlin.query.web;

import org.jinlin.kernel.Check;

/** The API's paging rule: {@code page ≥ 0}, {@code 1 ≤ size ≤ 500}, 50 by default. */
public final class Paging {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    public static void check(int page, int size) {
        Check.fields()
             .that(page >= 0, "page", "must be 0 or more")
             .that(size >= 1 && size <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE)
             .orThrow();
    }
}
