package org.jinlin.app.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's message meters against Axon's own monitors, fed the same messages on the same clock. */
class MessageMetersTest {

    static final Instant PUBLISHED = Instant.parse("2026-03-01T08:00:00Z");

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MessageMonitor<Message<?>> axons(String prefix, MeterRegistry registry, MockClock clock) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(prefix, registry, clock),
                (MessageMonitor) EventProcessorLatencyMonitor.builder().meterNamePrefix(prefix).meterRegistry(registry)
                                                             .clock(clock).build(),
                MessageCountingMonitor.buildMonitor(prefix, registry)));
    }

    static EventMessage<?> event(int n) {
        return new GenericEventMessage<>(new org.axonframework.messaging.GenericMessage<>("event " + n),
                                         () -> PUBLISHED.plusSeconds(n));
    }

    /** Ten events, each handled, ignored or failed in turn, each taking n milliseconds on the clock. */
    static void feed(MessageMonitor<Message<?>> monitor, MockClock clock) {
        for (int n = 0; n < 10; n++) {
            clock.add(1, TimeUnit.SECONDS);
            MonitorCallback callback = monitor.onMessageIngested(event(n));
            clock.add(n, TimeUnit.MILLISECONDS);
            switch (n % 3) {
                case 0 -> callback.reportSuccess();
                case 1 -> callback.reportIgnored();
                default -> callback.reportFailure(new IllegalStateException("failed"));
            }
        }
    }

    /** Every meter by name: a counter's count, a timer's count and total in ms, a gauge's value. */
    static Map<String, String> readings(MeterRegistry registry) {
        Map<String, String> readings = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String value;
            if (meter instanceof Counter counter) {
                value = "counter " + counter.count();
            } else if (meter instanceof Timer timer) {
                value = "timer " + timer.count() + " / " + timer.totalTime(TimeUnit.MILLISECONDS) + " ms, max "
                        + timer.max(TimeUnit.MILLISECONDS);
            } else {
                value = meter.getId().getType() + " " + meter.measure().iterator().next().getValue();
            }
            readings.put(meter.getId().getName() + meter.getId().getTags(), value);
        }
        return readings;
    }

    @Test
    void theMetersAreAxonsWithTheSameReadings() {
        MockClock axonClock = new MockClock();
        axonClock.add(PUBLISHED.toEpochMilli() - axonClock.wallTime(), TimeUnit.MILLISECONDS);
        MeterRegistry axonRegistry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, axonClock);
        feed(axons("resolution-stats", axonRegistry, axonClock), axonClock);

        MockClock clock = new MockClock();
        clock.add(PUBLISHED.toEpochMilli() - clock.wallTime(), TimeUnit.MILLISECONDS);
        MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        feed(new MessageMeters("resolution-stats", true, registry, clock), clock);

        assertThat(readings(registry)).isEqualTo(readings(axonRegistry))
                                      .containsEntry("resolution-stats.ingestedCounter[]", "counter 10.0")
                                      .containsEntry("resolution-stats.ignoredCounter[]", "counter 3.0")
                                      .containsEntry("resolution-stats.processedCounter[]", "counter 7.0")
                                      .containsEntry("resolution-stats.failureTimer[]", "timer 3 / 15.0 ms, max 8.0");
        // The last event, published at +9 s, was offered at +10.036 s (ten seconds and the 0 + 1 + … + 8 ms the
        // events before it took): 1 036 ms behind, and still read so an hour later.
        clock.add(1, TimeUnit.HOURS);
        assertThat(registry.get("resolution-stats.latency").gauge().value()).isEqualTo(1036.0);
    }

    @Test
    void onlyEventProcessorsHaveALatencyGauge() {
        MeterRegistry registry = new SimpleMeterRegistry();
        MessageMeters commandBus = new MessageMeters("commandBus", false, registry, new MockClock());
        commandBus.onMessageIngested(new org.axonframework.commandhandling.GenericCommandMessage<>("do it"))
                  .reportSuccess();
        assertThat(registry.find("commandBus.latency").gauge()).isNull();
        assertThat(registry.get("commandBus.successCounter").counter().count()).isEqualTo(1.0);
        assertThat(new MessageMeters("directory", true, registry, new MockClock()).latencyMillis())
                .as("before any event").isZero();
    }
}
