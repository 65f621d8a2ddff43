package org.jinlin.command.registry;

/**
 * The command side's own answer to "is there such a mediator?", kept in the same transaction as the registration
 * events (above community level any registered mediator may take a dispute).
 */
public interface MediatorRegistry {

    boolean isMediatorRegistered(String mediatorId);
}
