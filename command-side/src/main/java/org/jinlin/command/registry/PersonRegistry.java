package org.jinlin.command.registry;

import java.util.Optional;

/** The command side's own answer to "is this person already a member of an active household, and which?". */
public interface PersonRegistry {

    Optional<String> householdOf(String idNumber);
}
