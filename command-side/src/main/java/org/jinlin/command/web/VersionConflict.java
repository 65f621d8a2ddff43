package org.jinlin.command.web;

/** The aggregate changed since the client read it ({@code If-Match}), or a concurrent command won. Answered with 409. */
public class VersionConflict extends RuntimeException {

    public VersionConflict(String message) {
        super(message);
    }
}
