package org.jinlin.query.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Rebuilds a projection from the events without taking it offline: the replay fills a new generation of its
 * rows while queries keep answering from the old one; once the replay has caught up with the event stream,
 * queries switch to the new generation in one update and the old rows are removed.
 */
@Component
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);

    private final Map<String, GenerationalProjection> projections;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionAdministration(List<GenerationalProjection> projections, EventProcessingConfiguration processing,
                                    EventStore eventStore) {
        this.projections = projections.stream().collect(Collectors.toMap(GenerationalProjection::name, p -> p));
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Where each projection stands. */
    public record Status(String name, boolean running, boolean replaying, long position, long head, long lag,
                         Double replayProgress, int readGeneration, int writeGeneration, boolean errorState) {
    }

    public List<Status> statuses() {
        return projections.keySet().stream().sorted().map(this::status).toList();
    }

    public Status status(String name) {
        GenerationalProjection projection = projection(name);
        StreamingEventProcessor processor = processor(name);
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long head = head();
        long position = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        Generations.State generations = projection.generationState();
        boolean replaying = generations.rebuilding();
        Double progress = null;
        if (replaying) {
            long resetAt = segments.stream().map(EventTrackerStatus::getResetPosition)
                                   .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(head);
            progress = resetAt <= 0 ? 1.0 : Math.min(1.0, Math.max(0, position) / (double) resetAt);
        }
        return new Status(name, processor.isRunning(), replaying, position, head,
                          Math.max(0, head - position), progress, generations.read(), generations.write(),
                          segments.stream().anyMatch(EventTrackerStatus::isErrorState));
    }

    /** Starts rebuilding one projection from the first event; answers keep coming from the old rows meanwhile. */
    public void replay(String name) {
        projection(name);
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new RuleViolation("projection " + name + " cannot be replayed");
        }
        if (status(name).replaying()) {
            throw new RuleViolation("projection " + name + " is already being rebuilt; wait until it has switched over");
        }
        log.info("Rebuilding projection {} from the event stream", name);
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }

    /** Switches queries to the new generation of every projection whose replay has caught up. */
    @Scheduled(fixedDelayString = "${jinlin.projections.switch-check:PT1S}")
    public void switchCaughtUpRebuilds() {
        for (GenerationalProjection projection : projections.values()) {
            if (!projection.generationState().rebuilding()) {
                continue;
            }
            StreamingEventProcessor processor = processor(projection.name());
            Collection<EventTrackerStatus> segments = processor.processingStatus().values();
            // Axon keeps a segment "replaying" until it handles an event past the reset point, which may never come
            // while nobody writes; having reached the position the replay started from is what matters here.
            boolean caughtUp = processor.isRunning() && !segments.isEmpty()
                               && segments.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState()
                                                                  && s.getCurrentPosition().orElse(-1)
                                                                     >= s.getResetPosition().orElse(-1));
            if (caughtUp) {
                projection.completeRebuild();
                log.info("Projection {} rebuilt; queries now read generation {}", projection.name(),
                         projection.generationState().read());
            }
        }
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private GenerationalProjection projection(String name) {
        GenerationalProjection projection = projections.get(name);
        if (projection == null) {
            throw new NotFound("no projection named " + name + "; projections are " + projections.keySet());
        }
        return projection;
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                         .orElseThrow(() -> new NotFound("projection " + name + " has no streaming processor on this node"));
    }
}
