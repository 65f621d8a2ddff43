package org.jinlin.command.registry;

/**
 * The command side's own answer to "does this community have this compound?", kept in the same transaction as the
 * events that add compounds (a dispute reported in a compound must name one of its community's).
 */
public interface CompoundRegistry {

    boolean hasCompound(String communityCode, String compoundId);
}
