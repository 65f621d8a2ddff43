package org.jinlin.app.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One component's message meters, with the names and settings of Axon's {@code MessageTimerMonitor},
 * {@code MessageCountingMonitor} and (for an event processor) {@code EventProcessorLatencyMonitor}, registered once.
 * <p>
 * Axon's monitors look every meter up in the registry again for each message (five counters, four timers and the
 * latency gauge), and the latency monitor reads each event's timestamp as it arrives. An event processor is offered
 * every event of the store, most of which it ignores, so on a rebuild of the read models that was about a sixth of
 * the processors' CPU time (JFR, full province on PostgreSQL). Here a message costs its counter and timer updates;
 * the latency is worked out from the last event when the gauge is read, with the same value Axon's monitor sets
 * (the wall-clock time at which the event was offered, less the event's time).
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};

    private final Clock clock;
    private final Counter ingested;
    private final Counter success;
    private final Counter failure;
    private final Counter processed;
    private final Counter ignored;
    private final Timer allTimer;
    private final Timer successTimer;
    private final Timer failureTimer;
    private final Timer ignoredTimer;
    /** The last event offered to an event processor and when: the latency gauge's source; null for other components. */
    private final AtomicReference<Offered> lastOffered;

    private record Offered(EventMessage<?> event, long wallTime) {
    }

    /**
     * @param prefix         the component's name, as Axon's monitors are given it
     * @param eventProcessor whether to register the latency gauge
     */
    MessageMeters(String prefix, boolean eventProcessor, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        ingested = registry.counter(prefix + ".ingestedCounter");
        success = registry.counter(prefix + ".successCounter");
        failure = registry.counter(prefix + ".failureCounter");
        processed = registry.counter(prefix + ".processedCounter");
        ignored = registry.counter(prefix + ".ignoredCounter");
        allTimer = timer(prefix + ".allTimer", registry);
        successTimer = timer(prefix + ".successTimer", registry);
        failureTimer = timer(prefix + ".failureTimer", registry);
        ignoredTimer = timer(prefix + ".ignoredTimer", registry);
        if (eventProcessor) {
            lastOffered = new AtomicReference<>();
            Gauge.builder(prefix + ".latency", this, MessageMeters::latencyMillis).register(registry);
        } else {
            lastOffered = null;
        }
    }

    private static Timer timer(String name, MeterRegistry registry) {
        return Timer.builder(name).distributionStatisticExpiry(Duration.ofMinutes(10)).publishPercentiles(PERCENTILES)
                    .register(registry);
    }

    /** Milliseconds between the last offered event's time and the moment it was offered; 0 before the first. */
    double latencyMillis() {
        Offered last = lastOffered.get();
        return last == null ? 0 : last.wallTime() - last.event().getTimestamp().toEpochMilli();
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        if (lastOffered != null && message instanceof EventMessage<?> event) {
            lastOffered.set(new Offered(event, clock.wallTime()));
        }
        ingested.increment();
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                outcome(start, success, successTimer, true);
            }

            @Override
            public void reportFailure(Throwable cause) {
                outcome(start, failure, failureTimer, true);
            }

            @Override
            public void reportIgnored() {
                outcome(start, ignored, ignoredTimer, false);
            }
        };
    }

    /** A message's outcome: its counter, and its duration in the outcome's timer and the timer of all messages. */
    private void outcome(long start, Counter counter, Timer timer, boolean handled) {
        long duration = clock.monotonicTime() - start;
        if (handled) {
            processed.increment();
        }
        counter.increment();
        allTimer.record(duration, TimeUnit.NANOSECONDS);
        timer.record(duration, TimeUnit.NANOSECONDS);
    }
}
