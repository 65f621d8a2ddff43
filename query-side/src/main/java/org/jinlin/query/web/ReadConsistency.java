package org.jinlin.query.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.query.readmodel.ProcessorPositions;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Read-your-writes for an eventually consistent read model: a read with {@code ?consistentWith=<X-Event-Token>}
 * waits (up to 5 s) until the read model's processor has handled that event.
 */
@Component
public class ReadConsistency {

    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;

    public ReadConsistency(EventProcessingConfiguration processing, ProcessorPositions positions) {
        this.processing = processing;
        this.positions = positions;
    }

    /**
     * Waits until every processing group named has handled the event at {@code eventToken}, for an answer of the
     * API: when the wait times out, the read is refused ({@link ReadModelBehind}, answered 503 with Retry-After)
     * rather than answered without the client's own write.
     */
    public void require(String eventToken, String... processingGroups) {
        String behind = firstBehind(eventToken, processingGroups);
        if (behind != null) {
            throw new ReadModelBehind(parse(eventToken), behind);
        }
    }

    /**
     * Waits until every processing group named has handled the event at {@code eventToken}; returns {@code false}
     * when the wait timed out (the answer may then be older than the client's write). For the web pages, which
     * show what there is after a form's redirect; a reload shows the rest.
     */
    public boolean await(String eventToken, String... processingGroups) {
        return firstBehind(eventToken, processingGroups) == null;
    }

    /** Waits as {@link #await} does; the first processing group still behind when the wait ended, else null. */
    private String firstBehind(String eventToken, String... processingGroups) {
        if (eventToken == null || eventToken.isBlank()) {
            return null;
        }
        long index = parse(eventToken);
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        for (String group : processingGroups) {
            while (!handled(group, index)) {
                if (System.nanoTime() > deadline) {
                    return group;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return group;
                }
            }
        }
        return null;
    }

    /**
     * Asks the token store rather than this node's processor: with several nodes, the segments of a read model
     * may be held by another node, and the stored token is what the read model's rows were committed with.
     */
    private boolean handled(String group, long index) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(group, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return true;
        }
        List<ProcessorPositions.Segment> segments = positions.of(group);
        if (segments.isEmpty()) {
            return false;
        }
        return segments.stream().allMatch(segment -> covers(segment.token(), index));
    }

    /** Whether the token has handled the event at this global index (it is at or past it, and not a gap). */
    static boolean covers(TrackingToken token, long index) {
        TrackingToken position = WrappedToken.unwrapLowerBound(token);
        if (position instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        return position != null && position.position().orElse(-1) >= index;
    }

    private static long parse(String token) {
        try {
            return Long.parseLong(token.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("consistentWith", "must be the X-Event-Token of a command answer");
        }
    }
}
