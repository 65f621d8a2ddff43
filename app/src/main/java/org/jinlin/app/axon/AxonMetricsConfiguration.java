package org.jinlin.app.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's message metrics (command bus, query bus, event bus, each event processor), with the meter names of
 * Axon's own auto-configuration ({@code axon.metrics.auto-configuration.enabled} is off in application.yml) but
 * without its {@code CapacityMonitor}.
 * <p>
 * That monitor keeps the duration of every message it saw in the last ten minutes, one map entry each. An event
 * processor catching up or replaying at thousands of events a second filled it with millions: 15.7 million entries,
 * 1.3 GB of a 2 GB heap, while the read models were rebuilt at province scale on PostgreSQL, with the collector's
 * concurrent marking taking a third of a CPU. The same measure comes from the timers, which hold a histogram of
 * fixed size: a component's capacity (the share of time it was busy handling messages) is the rate of its timer's
 * total, e.g. {@code rate(resolution_stats_allTimer_seconds_sum[1m])} in Prometheus (docs/operations.md).
 * <p>
 * The meters are Axon's ({@link MessageMeters}), registered once per component instead of looked up per message.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetricsConfiguration {

    @Bean
    ConfigurerModule axonMessageMetrics(MeterRegistry registry) {
        // Axon asks once per component (bus, event store, each processor), so each gets its meters registered once.
        return configurer -> configurer.configureMessageMonitor(
                configuration -> (componentType, componentName) -> monitor(registry, componentType, componentName));
    }

    /** For one component: how many messages, how long each took, and for an event processor how far behind it is. */
    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, Class<?> componentType, String componentName) {
        return new MessageMeters(componentName, EventProcessor.class.isAssignableFrom(componentType), registry,
                                 Clock.SYSTEM);
    }
}
