package org.jinlin.command.community;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jinlin.command.handling.CommandSideConfiguration;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.kernel.community.CommunityCommands.AddCompound;
import org.jinlin.kernel.community.CommunityCommands.ClearDisputeProminent;
import org.jinlin.kernel.community.CommunityCommands.FlagDisputeProminent;
import org.jinlin.kernel.community.CommunityCommands.RegisterCommunity;
import org.jinlin.kernel.community.CommunityCommands.UpdateResidentPopulation;
import org.jinlin.kernel.community.CommunityDisputeProminenceCleared;
import org.jinlin.kernel.community.CommunityFlaggedDisputeProminent;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.CompoundAdded;
import org.jinlin.kernel.community.ResidentPopulationUpdated;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 社区 / 村: an urban community or a village, identified by its 12-digit division code, with its residential
 * compounds (小区 / 村民小组). The policy asks for a full-time mediator first in communities "where disputes are
 * prominent or the resident population is large" (矛盾纠纷较突出、常住人口基数较大), so both facts live here.
 */
@Aggregate(snapshotTriggerDefinition = CommandSideConfiguration.SNAPSHOTS)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
                isGetterVisibility = Visibility.NONE)
public class Community {

    @AggregateIdentifier
    private String code;
    private final Set<String> compoundIds = new HashSet<>();
    private boolean disputeProminent;

    protected Community() {
    }

    @CommandHandler
    public Community(RegisterCommunity command) {
        apply(new CommunityRegistered(command.code(), command.name().strip(), command.kind(),
                                      command.townshipName().strip(), command.residentPopulation()));
    }

    @CommandHandler
    void handle(AddCompound command) {
        if (compoundIds.contains(command.compoundId())) {
            throw new RuleViolation("community " + code + " already has a compound with id "
                                    + command.compoundId() + "; compound ids are unique within a community");
        }
        apply(new CompoundAdded(code, command.compoundId(), command.name().strip()));
    }

    @CommandHandler
    void handle(UpdateResidentPopulation command) {
        apply(new ResidentPopulationUpdated(code, command.residentPopulation()));
    }

    @CommandHandler
    void handle(FlagDisputeProminent command) {
        if (disputeProminent) {
            throw new RuleViolation("community " + code + " is already flagged as dispute-prominent");
        }
        apply(new CommunityFlaggedDisputeProminent(code, command.reason().strip()));
    }

    @CommandHandler
    void handle(ClearDisputeProminent command) {
        if (!disputeProminent) {
            throw new RuleViolation("community " + code + " is not flagged as dispute-prominent; there is nothing to clear");
        }
        apply(new CommunityDisputeProminenceCleared(code, command.reason() == null ? null : command.reason().strip()));
    }

    @EventSourcingHandler
    void on(CommunityRegistered event) {
        code = event.code();
    }

    @EventSourcingHandler
    void on(CompoundAdded event) {
        compoundIds.add(event.compoundId());
    }

    @EventSourcingHandler
    void on(CommunityFlaggedDisputeProminent event) {
        disputeProminent = true;
    }

    @EventSourcingHandler
    void on(CommunityDisputeProminenceCleared event) {
        disputeProminent = false;
    }
}
