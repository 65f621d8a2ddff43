package org.jinlin.query.web;

/**
 * An authenticated user who may act as a mediator: the mediator id of their user record. The query side reads it
 * from the security principal to show mediators their own cases, without knowing how users are stored.
 */
public interface MediatorPrincipal {

    /** The mediator id the user acts as, or null when the user record names none. */
    String mediatorId();
}
