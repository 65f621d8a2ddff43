package org.jinlin.query.web;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class QuerySideConfiguration {

    /**
     * Projections run in pooled streaming processors that handle events in batches, one transaction per batch.
     * One segment each keeps a projection's events in the store's order, which the time-ordered read models rely
     * on; different projections still run in parallel.
     */
    @Bean
    ConfigurerModule projectionsInPooledProcessors() {
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors(
                (config, builder) -> builder.initialSegmentCount(1).batchSize(100));
    }
}
