package org.jinlin.app.privacy;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jinlin.command.registry.CommandSideLookups;
import org.jinlin.kernel.household.HouseholdPersonalDataErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries out an erasure in the same transaction that records it: the household's key goes, and with it every
 * readable trace of its members' names and id-card numbers in the events; the command side's person lookup goes
 * too.
 */
@Component
@ProcessingGroup(CommandSideLookups.PROCESSING_GROUP)
class ErasureOfKeys {

    private static final Logger log = LoggerFactory.getLogger(ErasureOfKeys.class);

    private final PersonalDataKeys keys;
    private final JdbcTemplate jdbc;

    ErasureOfKeys(PersonalDataKeys keys, JdbcTemplate jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HouseholdPersonalDataErased event) {
        log.info("Erasing the personal data of household {}: its key is deleted", event.householdId());
        keys.erase(event.householdId(), event.reason());
        jdbc.update("delete from lookup_person where household_id = ?", event.householdId());
    }
}
