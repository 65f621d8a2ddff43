package org.jinlin.command.registry;

import java.util.List;

/** Active households, by city: who to re-assess when a policy changes or a new day begins. */
public interface HouseholdRegistry {

    List<String> activeHouseholdsIn(String cityCode);

    List<String> activeHouseholds();
}
