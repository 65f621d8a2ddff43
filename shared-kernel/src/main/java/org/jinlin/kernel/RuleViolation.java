package org.jinlin.kernel;

/**
 * A command the current state forbids, in the words of the rule: "mediator M-7 is full-time and already
 * appointed to community 350802001001; relieve that appointment first". Answered with 409; nothing is
 * appended.
 */
public class RuleViolation extends RuntimeException {

    public RuleViolation(String rule) {
        super(rule);
    }
}
