package org.jinlin.query.web;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.jinlin.query.readmodel.EventProcessorThreads;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

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
     */
    @Bean
    ConfigurerModule projectionsInPooledProcessors(ObjectProvider<MaxSegmentProvider> shares,
                                                   @Value("${jinlin.projections.claim-interval:PT5S}") Duration claimInterval) {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (config, builder) -> {
                    builder.coordinatorExecutor(name -> EventProcessorThreads.coordinator(config, name))
                           .workerExecutor(name -> EventProcessorThreads.workers(config, name))
                           .initialSegmentCount(1).batchSize(100).tokenClaimInterval(claimInterval.toMillis())
                           .claimExtensionThreshold(claimInterval.toMillis());
                    MaxSegmentProvider provider = shares.getIfAvailable();
                    return provider == null ? builder : builder.maxSegmentProvider(provider);
                });
    }
}
