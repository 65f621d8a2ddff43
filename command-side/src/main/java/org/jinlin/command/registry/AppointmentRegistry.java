package org.jinlin.command.registry;

/**
 * The command side's own answer to "does this mediator serve this community right now?", kept in the same
 * transaction as the appointment events (used to check who may take a case at compound or community level).
 */
public interface AppointmentRegistry {

    boolean isAppointed(String mediatorId, String communityCode);
}
