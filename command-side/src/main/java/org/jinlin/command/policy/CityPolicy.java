package org.jinlin.command.policy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jinlin.command.handling.CommandSideConfiguration;
import org.jinlin.kernel.policy.CityPolicyCommands.SetCityPolicy;
import org.jinlin.kernel.policy.DibaoStandardSet;
import org.jinlin.kernel.policy.DisabilityAllowanceExtensionSet;
import org.jinlin.kernel.policy.LowIncomeMultiplierSet;
import org.jinlin.kernel.policy.PolicyInForce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 城市低保政策: a city's dibao standard with the dates each amount takes effect, the low-income multiplier, and
 * whether the disability living allowance reaches low-income households (有条件的地方将困难残疾人生活补贴延伸至低收入家庭).
 * Policy parameters are events, so an auditor can replay which standard applied on any date.
 */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOTS)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE)
public class CityPolicy {

    @AggregateIdentifier
    private String cityCode;
    private final TreeMap<LocalDate, BigDecimal> standards = new TreeMap<>();
    private BigDecimal multiplier = PolicyInForce.DEFAULT_MULTIPLIER;
    private boolean allowanceExtended;

    protected CityPolicy() {
    }

    /** Sets what changed; the same values again change nothing and append nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetCityPolicy command) {
        BigDecimal current = standards.get(command.effectiveFrom());
        if (current == null || current.compareTo(command.dibaoStandard()) != 0) {
            apply(new DibaoStandardSet(command.cityCode(), command.dibaoStandard(), command.effectiveFrom()));
        }
        if (command.lowIncomeMultiplier() != null && command.lowIncomeMultiplier().compareTo(multiplier) != 0) {
            apply(new LowIncomeMultiplierSet(command.cityCode(), command.lowIncomeMultiplier()));
        }
        if (command.disabilityAllowanceExtended() != null && command.disabilityAllowanceExtended() != allowanceExtended) {
            apply(new DisabilityAllowanceExtensionSet(command.cityCode(), command.disabilityAllowanceExtended()));
        }
    }

    @EventSourcingHandler
    void on(DibaoStandardSet event) {
        cityCode = event.cityCode();
        standards.put(event.effectiveFrom(), event.monthlyAmountPerPerson());
    }

    @EventSourcingHandler
    void on(LowIncomeMultiplierSet event) {
        cityCode = event.cityCode();
        multiplier = event.multiplier();
    }

    @EventSourcingHandler
    void on(DisabilityAllowanceExtensionSet event) {
        cityCode = event.cityCode();
        allowanceExtended = event.extended();
    }
}
