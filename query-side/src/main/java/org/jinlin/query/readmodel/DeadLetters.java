package org.jinlin.query.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.jinlin.kernel.NotFound;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events projections failed on, parked per sequence (an aggregate's later events wait behind the first
 * failure so the read model never applies them out of order). Administrators see why, retry once the cause is
 * fixed, or evict a sequence for good.
 */
@Component
public class DeadLetters {

    private final EventProcessingConfiguration processing;

    public DeadLetters(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public record Letter(String eventType, String aggregateId, Long sequenceNumber, String eventId,
                         Instant enqueuedAt, Instant lastTouched, String causeType, String causeMessage) {
    }

    public record Sequence(String processingGroup, String sequenceId, List<Letter> letters) {
    }

    public record Retry(String processingGroup, int sequencesRetried, int sequencesSucceeded, long stillDead) {
    }

    /** Every parked sequence of every projection. */
    public List<Sequence> all() {
        List<Sequence> sequences = new ArrayList<>();
        for (Map.Entry<String, SequencedDeadLetterQueue<EventMessage<?>>> queue : queues().entrySet()) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.getValue().deadLetters()) {
                List<Letter> letters = new ArrayList<>();
                String sequenceId = null;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    letters.add(describe(letter));
                    if (sequenceId == null) {
                        sequenceId = aggregateOf(letter.message());
                    }
                }
                sequences.add(new Sequence(queue.getKey(), sequenceId, letters));
            }
        }
        return sequences;
    }

    public long count() {
        return queues().values().stream().mapToLong(SequencedDeadLetterQueue::size).sum();
    }

    public long count(String processingGroup) {
        return queue(processingGroup).size();
    }

    /** Tries every parked sequence of one projection again, first letter first. */
    public Retry retry(String processingGroup) {
        queue(processingGroup);
        SequencedDeadLetterProcessor<EventMessage<?>> processor =
                processing.sequencedDeadLetterProcessor(processingGroup)
                          .orElseThrow(() -> new NotFound("projection " + processingGroup + " cannot retry dead letters"));
        int sequences = (int) queue(processingGroup).amountOfSequences();
        int succeeded = 0;
        for (int i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                succeeded++;
            }
        }
        return new Retry(processingGroup, sequences, succeeded, queue(processingGroup).size());
    }

    /** Drops one parked sequence for good: its events will not reach the read model (until a rebuild). */
    public int evict(String processingGroup, String aggregateId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        int evicted = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            sequence.forEach(letters::add);
            if (!letters.isEmpty() && aggregateId.equals(aggregateOf(letters.get(0).message()))) {
                for (DeadLetter<? extends EventMessage<?>> letter : letters) {
                    queue.evict(letter);
                    evicted++;
                }
            }
        }
        if (evicted == 0) {
            throw new NotFound("no dead letters of " + aggregateId + " in projection " + processingGroup);
        }
        return evicted;
    }

    private Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues() {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new TreeMap<>();
        for (String group : processing.eventProcessors().keySet()) {
            processing.deadLetterQueue(group).ifPresent(queue -> queues.put(group, queue));
        }
        return queues;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return processing.deadLetterQueue(processingGroup)
                         .orElseThrow(() -> new NotFound("no projection " + processingGroup + " with a dead-letter queue"));
    }

    private static Letter describe(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Long sequenceNumber = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new Letter(message.getPayloadType().getSimpleName(), aggregateOf(message), sequenceNumber,
                          message.getIdentifier(), letter.enqueuedAt(), letter.lastTouched(),
                          letter.cause().map(c -> c.type()).orElse(null),
                          letter.cause().map(c -> c.message()).orElse(null));
    }

    private static String aggregateOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : message.getIdentifier();
    }
}
