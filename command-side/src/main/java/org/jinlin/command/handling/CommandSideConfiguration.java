package org.jinlin.command.handling;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.jinlin.command.registry.CommandSideLookups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /**
     * The snapshot trigger of the aggregates that live long and hold no personal data (community, mediator, city
     * policy, dispute): {@code @Aggregate(snapshotTriggerDefinition = SNAPSHOTS)}.
     */
    public static final String SNAPSHOTS = "aggregateSnapshots";

    /**
     * A snapshot of such an aggregate after every {@code jinlin.snapshots.after-events} events loaded (100 by
     * default; 0 switches snapshots off), so loading a community with years of history reads one snapshot and
     * at most that many events instead of all of them (bench/RESULTS.md, "aggregate"). The snapshot is taken
     * after the command's commit, in a transaction of its own, and never holds personal data: households, whose
     * state holds their members' id numbers, are not snapshotted, so erasing a household's key leaves nothing
     * readable behind. An aggregate's {@code @Revision} names its snapshot shape: a snapshot of another revision
     * is ignored and the aggregate is loaded from its events, so a change to an aggregate's fields must change
     * its revision. Snapshots are derived data: auditors' replays and the hash chain read the events alone.
     */
    @Bean(SNAPSHOTS)
    SnapshotTriggerDefinition aggregateSnapshots(Snapshotter snapshotter,
                                                 @Value("${jinlin.snapshots.after-events:100}") int afterEvents) {
        return afterEvents > 0 ? new EventCountSnapshotTriggerDefinition(snapshotter, afterEvents)
                               : NoSnapshotTriggerDefinition.INSTANCE;
    }

    /**
     * The lookups are part of the command's transaction: a subscribing processor handles the events while they
     * are appended, and any failure there propagates and rolls the whole command back.
     */
    @Bean
    ConfigurerModule commandLookupsInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing()
                                       .registerSubscribingEventProcessor(CommandSideLookups.PROCESSING_GROUP)
                                       .registerListenerInvocationErrorHandler(
                                               CommandSideLookups.PROCESSING_GROUP,
                                               c -> PropagatingErrorHandler.instance());
    }
}
