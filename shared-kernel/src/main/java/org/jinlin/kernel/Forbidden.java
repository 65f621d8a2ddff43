package org.jinlin.kernel;

/**
 * A command the acting user may not send for this case, although their role may send it in general: "mediator
 * M-2 is not the mediator assigned to dispute D-17 (M-1); only the assigned mediator records its steps".
 * Answered with 403; nothing is appended.
 */
public class Forbidden extends RuntimeException {

    public Forbidden(String rule) {
        super(rule);
    }
}
