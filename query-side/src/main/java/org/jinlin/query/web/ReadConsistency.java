package org.jinlin.query.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.jinlin.kernel.InvalidInput;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Read-your-writes for an eventually consistent read model: a read with {@code ?consistentWith=<X-Event-Token>}
 * waits (up to 5 s) until the read model's processor has handled that event.
 */
@Component
public class ReadConsistency {

    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;

    private final EventProcessingConfiguration processing;

    public ReadConsistency(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * Waits until every processing group named has handled the event at {@code eventToken}; returns {@code false}
     * when the wait timed out (the answer may then be older than the client's write).
     */
    public boolean await(String eventToken, String... processingGroups) {
        if (eventToken == null || eventToken.isBlank()) {
            return true;
        }
        long index = parse(eventToken);
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        for (String group : processingGroups) {
            while (!handled(group, index)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private boolean handled(String group, long index) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(group, StreamingEventProcessor.class);
        if (processor.isEmpty()) {
            return true;
        }
        Map<Integer, EventTrackerStatus> segments = processor.get().processingStatus();
        if (segments.isEmpty()) {
            return false;
        }
        return segments.values().stream().allMatch(status -> covers(status.getTrackingToken(), index));
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
