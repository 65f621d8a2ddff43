package org.jinlin.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds events to a projection through Axon's own annotation dispatch, as a processor would: each event gets the
 * next sequence number of its aggregate (the first component of every event record is its aggregate's id) and a
 * timestamp from a clock that moves one second per event unless told otherwise. The events of one {@link #given}
 * call are one batch: the projection's writes that wait for the commit are written when the batch ends, as a
 * processor's commit would write them, while the test's own transaction stays open (and is rolled back after it).
 */
public final class ProjectionHarness {

    private final AnnotationEventHandlerAdapter handlers;
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant now;

    public ProjectionHarness(Object projection, Instant start) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.now = start;
    }

    /** The instant the next event will carry. */
    public Instant now() {
        return now;
    }

    public ProjectionHarness at(Instant instant) {
        this.now = instant;
        return this;
    }

    public ProjectionHarness given(Object... events) {
        for (Object event : events) {
            apply(event);
            now = now.plus(Duration.ofSeconds(1));
        }
        endBatch();
        return this;
    }

    private static void endBatch() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.beforeCommit(false));
        }
    }

    private void apply(Object event) {
        String aggregateId = aggregateIdOf(event);
        long sequence = sequences.merge(aggregateId, 0L, (old, ignored) -> old + 1);
        try {
            handlers.handle(new GenericDomainEventMessage<>(event.getClass().getSimpleName(), aggregateId, sequence,
                                                            event, MetaData.emptyInstance(),
                                                            UUID.randomUUID().toString(), now));
        } catch (Exception e) {
            throw new IllegalStateException("handling " + event + " failed", e);
        }
    }

    private static String aggregateIdOf(Object event) {
        try {
            return String.valueOf(event.getClass().getRecordComponents()[0].getAccessor().invoke(event));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("events are records whose first component is the aggregate id: "
                                               + event, e);
        }
    }
}
