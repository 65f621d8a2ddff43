package org.jinlin.bench;

/** Sends one operation and tells how it was answered. */
interface Driver {

    /**
     * @param status  the HTTP status, or 200/201 for a command the gateway accepted and 0 for one it refused
     * @param id      the acknowledged aggregate id of a write, else null
     * @param version the acknowledged version of a write, else -1
     * @param error   a short description of a refusal, else null
     * @param token   the X-Event-Token of a command answered over HTTP, else null
     */
    record Answer(int status, String id, long version, String error, String token) {

        Answer(int status, String id, long version, String error) {
            this(status, id, version, error, null);
        }
    }

    Answer send(Op op);
}
