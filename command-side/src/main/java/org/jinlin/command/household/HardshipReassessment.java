package org.jinlin.command.household;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.jinlin.command.registry.HouseholdRegistry;
import org.jinlin.kernel.household.HouseholdCommands.ReassessHardship;
import org.jinlin.kernel.policy.DibaoStandardSet;
import org.jinlin.kernel.policy.DisabilityAllowanceExtensionSet;
import org.jinlin.kernel.policy.LowIncomeMultiplierSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Keeps every household's categories current, so the roster never shows a status computed under an old standard
 * or an age that has since changed: when a city's policy changes, its active households are assessed again (a
 * standard that takes effect later is picked up on its day); and every night, every active household is assessed
 * for the new day. A reassessment appends an event only when the outcome changes.
 */
@Component
@ProcessingGroup(HardshipReassessment.PROCESSING_GROUP)
public class HardshipReassessment {

    public static final String PROCESSING_GROUP = "hardship-reassessment";
    private static final Logger log = LoggerFactory.getLogger(HardshipReassessment.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CommandGateway commands;
    private final HouseholdRegistry households;
    private final Clock clock;

    public HardshipReassessment(CommandGateway commands, HouseholdRegistry households, Clock clock) {
        this.commands = commands;
        this.households = households;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(DibaoStandardSet event) {
        LocalDate today = today();
        if (!event.effectiveFrom().isAfter(today)) {
            reassess(households.activeHouseholdsIn(event.cityCode()), today);
        }
    }

    @EventHandler
    @DisallowReplay
    void on(LowIncomeMultiplierSet event) {
        reassess(households.activeHouseholdsIn(event.cityCode()), today());
    }

    @EventHandler
    @DisallowReplay
    void on(DisabilityAllowanceExtensionSet event) {
        reassess(households.activeHouseholdsIn(event.cityCode()), today());
    }

    /** Every night: ages move on, standards dated today take effect, graduates leave the two-year window. */
    @Scheduled(cron = "${jinlin.hardship.reassess-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
    public void reassessEveryHousehold() {
        List<String> active = households.activeHouseholds();
        log.info("Assessing {} active households for {}", active.size(), today());
        reassess(active, today());
    }

    private void reassess(List<String> householdIds, LocalDate on) {
        for (String householdId : householdIds) {
            try {
                commands.sendAndWait(new ReassessHardship(householdId, on));
            } catch (RuntimeException e) {
                log.warn("Could not reassess household {}: {}", householdId, e.getClass().getSimpleName());
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
