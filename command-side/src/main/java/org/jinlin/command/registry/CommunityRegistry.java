package org.jinlin.command.registry;

/**
 * The command side's own answer to "is this community registered?", kept in the same transaction as the
 * events that change it, so a check never races a registration and never depends on a read model's lag.
 */
public interface CommunityRegistry {

    boolean isRegistered(String communityCode);
}
