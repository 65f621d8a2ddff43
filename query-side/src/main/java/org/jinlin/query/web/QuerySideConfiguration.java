package org.jinlin.query.web;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.jinlin.query.caseview.CaseViewProjection;
import org.jinlin.query.directory.DirectoryProjection;
import org.jinlin.query.ratio.MediatorRatioProjection;
import org.jinlin.query.readmodel.EventProcessorThreads;
import org.jinlin.query.resolution.ResolutionStatsProjection;
import org.jinlin.query.roster.LowIncomeRosterProjection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
public class QuerySideConfiguration {

    /**
     * Projections run in pooled streaming processors that handle events in batches, one transaction per batch.
     * One segment each keeps a projection's events in the store's order, which the time-ordered read models rely
     * on; different projections still run in parallel. When several nodes share a database, a
     * {@link MaxSegmentProvider} (the app's ProcessorShares) tells each node how many segments of each processor
     * it may hold, so the projections are spread over the nodes instead of all running on the first to start.
     * A node looks for segments to take over, and renews the claims on its own, every claim interval; keep it
     * well below the token store's claim timeout ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s).
     * The processors run on {@link EventProcessorThreads}, so the embedded store knows their commits need not be
     * forced to disk one by one.
     * <p>
     * A batch takes what is waiting, up to {@code jinlin.projections.batch-size} events: one event or a few while the
     * projections keep up, the full size while they catch up or rebuild, where every transaction (its commit, its
     * token update) is paid once per batch instead of once per hundred events.
     */
    @Bean
    ConfigurerModule projectionsInPooledProcessors(ObjectProvider<MaxSegmentProvider> shares,
                                                   @Value("${jinlin.projections.claim-interval:PT5S}") Duration claimInterval,
                                                   @Value("${jinlin.projections.batch-size:1000}") int batchSize) {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (config, builder) -> {
                    builder.coordinatorExecutor(name -> EventProcessorThreads.coordinator(config, name))
                           .workerExecutor(name -> EventProcessorThreads.workers(config, name))
                           .initialSegmentCount(1).batchSize(batchSize).tokenClaimInterval(claimInterval.toMillis())
                           .claimExtensionThreshold(claimInterval.toMillis());
                    MaxSegmentProvider provider = shares.getIfAvailable();
                    return provider == null ? builder : builder.maxSegmentProvider(provider);
                });
    }

    /**
     * Before handling an event, a projection with dead letters asks whether the event's sequence is already parked
     * (its later events must wait behind it): one query per event. Axon's sequence identifier cache answers from
     * memory for the sequences this node has seen parked or not since it claimed the segment, and asks the queue
     * only when it cannot know (the cache is dropped when the segment is released).
     */
    @Bean
    ConfigurerModule deadLetterLookupsFromMemory() {
        return configurer -> {
            for (String projection : List.of(DirectoryProjection.PROCESSING_GROUP,
                                             MediatorRatioProjection.PROCESSING_GROUP,
                                             CaseViewProjection.PROCESSING_GROUP,
                                             LowIncomeRosterProjection.PROCESSING_GROUP,
                                             ResolutionStatsProjection.PROCESSING_GROUP)) {
                configurer.eventProcessing().registerDeadLetteringEventHandlerInvokerConfiguration(
                        projection, (config, builder) -> builder.enableSequenceIdentifierCache());
            }
        };
    }
}
