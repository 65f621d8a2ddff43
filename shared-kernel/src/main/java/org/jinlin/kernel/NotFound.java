package org.jinlin.kernel;

/** The addressed case, community, mediator or unit does not exist. Answered with 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what);
    }
}
