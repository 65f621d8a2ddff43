package org.jinlin.app.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

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
 * total, e.g. {@code rate(eventProcessor_resolution_stats_timer_seconds_sum[1m])} in Prometheus.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetricsConfiguration {

    @Bean
    ConfigurerModule axonMessageMetrics(MeterRegistry registry) {
        return configurer -> configurer.configureMessageMonitor(
                configuration -> (componentType, componentName) -> monitor(registry, componentType, componentName));
    }

    /** For one component: how many messages, how long each took, and for an event processor how far behind it is. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, Class<?> componentType, String componentName) {
        List<MessageMonitor<? super Message<?>>> monitors = new ArrayList<>();
        monitors.add(MessageTimerMonitor.buildMonitor(componentName, registry));
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            // Handles only event messages, which are all an event processor sees.
            monitors.add((MessageMonitor) EventProcessorLatencyMonitor.builder().meterNamePrefix(componentName)
                                                                      .meterRegistry(registry).build());
        }
        monitors.add(MessageCountingMonitor.buildMonitor(componentName, registry));
        return new MultiMessageMonitor<>(monitors);
    }
}
