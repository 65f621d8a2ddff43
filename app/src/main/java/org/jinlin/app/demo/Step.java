package org.jinlin.app.demo;

import java.time.Instant;

/**
 * One command of the demo data, who sends it, and when it happened ({@code at}; null for the set-up and the
 * households, which are recorded as of the generation). The steps of one aggregate are sent in order, one at a time.
 */
record Step(Actor actor, Object command, Instant at) {

    Step(Actor actor, Object command) {
        this(actor, command, null);
    }
}
