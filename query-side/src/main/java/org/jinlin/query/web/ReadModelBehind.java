package org.jinlin.query.web;

/**
 * A read asked to see an event ({@code consistentWith}) that its read model has not handled within the wait: the
 * answer would not show the client's own write, so none is given; the client retries shortly.
 */
public class ReadModelBehind extends RuntimeException {

    private final long eventToken;

    public ReadModelBehind(long eventToken, String readModel) {
        super("the read model " + readModel + " has not yet handled event " + eventToken + " (your write is stored; "
              + "it shows once the read model has caught up)");
        this.eventToken = eventToken;
    }

    public long eventToken() {
        return eventToken;
    }
}
