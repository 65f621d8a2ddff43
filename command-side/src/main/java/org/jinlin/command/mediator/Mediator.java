package org.jinlin.command.mediator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jinlin.command.handling.CommandSideConfiguration;
import org.jinlin.command.registry.CommunityRegistry;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.kernel.mediator.MediatorAppointed;
import org.jinlin.kernel.mediator.MediatorCommands.AppointMediator;
import org.jinlin.kernel.mediator.MediatorCommands.ChangeEmployment;
import org.jinlin.kernel.mediator.MediatorCommands.RegisterMediator;
import org.jinlin.kernel.mediator.MediatorCommands.RelieveMediator;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.jinlin.kernel.mediator.MediatorEmploymentChanged;
import org.jinlin.kernel.mediator.MediatorRegistered;
import org.jinlin.kernel.mediator.MediatorRelieved;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 人民调解员: a people's mediator and the communities they serve (配备). The policy counts full-time mediators
 * (专职调解员) per community, so a full-time mediator serves one community at a time, while a part-time one may
 * serve several.
 */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOTS)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE)
public class Mediator {

    @AggregateIdentifier
    private String mediatorId;
    private MediatorEmployment employment;
    private final Set<String> appointments = new LinkedHashSet<>();

    protected Mediator() {
    }

    @CommandHandler
    public Mediator(RegisterMediator command) {
        apply(new MediatorRegistered(command.mediatorId(), command.name().strip(), command.employment()));
    }

    @CommandHandler
    void handle(AppointMediator command, CommunityRegistry communities) {
        String community = command.communityCode();
        if (appointments.contains(community)) {
            throw new RuleViolation("mediator " + mediatorId + " is already appointed to community " + community);
        }
        if (employment == MediatorEmployment.FULL_TIME && !appointments.isEmpty()) {
            throw new RuleViolation("mediator " + mediatorId + " is full-time and already appointed to community "
                                    + appointments.iterator().next()
                                    + "; a full-time mediator serves one community at a time, relieve that appointment first");
        }
        if (!communities.isRegistered(community)) {
            throw new RuleViolation("community " + community
                                    + " is not registered; register it before appointing mediators to it");
        }
        apply(new MediatorAppointed(mediatorId, community));
    }

    @CommandHandler
    void handle(RelieveMediator command) {
        if (!appointments.contains(command.communityCode())) {
            throw new RuleViolation("mediator " + mediatorId + " holds no appointment to community "
                                    + command.communityCode() + "; only an existing appointment can be relieved");
        }
        apply(new MediatorRelieved(mediatorId, command.communityCode(), command.reason().strip()));
    }

    @CommandHandler
    void handle(ChangeEmployment command) {
        if (command.employment() == employment) {
            throw new RuleViolation("mediator " + mediatorId + " is already " + describe(employment));
        }
        if (command.employment() == MediatorEmployment.FULL_TIME && appointments.size() > 1) {
            throw new RuleViolation("mediator " + mediatorId + " serves " + appointments.size() + " communities "
                                    + appointments + "; a full-time mediator serves one community at a time, "
                                    + "relieve the others first");
        }
        apply(new MediatorEmploymentChanged(mediatorId, command.employment()));
    }

    @EventSourcingHandler
    void on(MediatorRegistered event) {
        mediatorId = event.mediatorId();
        employment = event.employment();
    }

    @EventSourcingHandler
    void on(MediatorAppointed event) {
        appointments.add(event.communityCode());
    }

    @EventSourcingHandler
    void on(MediatorRelieved event) {
        appointments.remove(event.communityCode());
    }

    @EventSourcingHandler
    void on(MediatorEmploymentChanged event) {
        employment = event.employment();
    }

    private static String describe(MediatorEmployment employment) {
        return employment == MediatorEmployment.FULL_TIME ? "full-time (专职)" : "part-time (兼职)";
    }
}
