package org.jinlin.query.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Rebuilds a projection from the events without taking it offline: the replay fills a new generation of its
 * rows while queries keep answering from the old one; once the replay has caught up with the event stream,
 * queries switch to the new generation in one update and the old rows are removed.
 * <p>
 * With several nodes on one database, a projection's segments may be held by another node. Positions are then
 * read from the token store, and a rebuild asked for here is written down ({@code projection_replay_request})
 * for the node holding the segments, which carries it out within a second.
 * <p>
 * The old generation's rows are removed on a thread of their own, a bounded number per statement: at province scale
 * that takes minutes, and the scheduler thread it would otherwise hold also sends this node's heartbeat and switches
 * the other projections. A removal cut short by a stop is finished after the next start.
 */
@Component
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);

    private final Map<String, GenerationalProjection> projections;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProcessorPositions positions;
    private final JdbcTemplate jdbc;
    private final String nodeId;
    private final ExecutorService removals = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "jinlin-retired-rows");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> removalsWaiting = ConcurrentHashMap.newKeySet();
    private final Set<String> removalsRunning = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public ProjectionAdministration(List<GenerationalProjection> projections, EventProcessingConfiguration processing,
                                    EventStore eventStore, ProcessorPositions positions, JdbcTemplate jdbc,
                                    @Value("${jinlin.node-id:this node}") String nodeId) {
        this.projections = projections.stream().collect(Collectors.toMap(GenerationalProjection::name, p -> p));
        this.processing = processing;
        this.eventStore = eventStore;
        this.positions = positions;
        this.jdbc = jdbc;
        this.nodeId = nodeId;
    }

    /**
     * Where each projection stands. {@code running} and {@code errorState} are this node's view; {@code claimedBy}
     * names the nodes holding its segments; {@code removingOldRows} says this node is still removing the rows of the
     * generation a rebuild replaced (they take space, but no query reads them).
     */
    public record Status(String name, boolean running, boolean replaying, long position, long head, long lag,
                         Double replayProgress, int readGeneration, int writeGeneration, boolean errorState,
                         List<String> claimedBy, boolean removingOldRows) {
    }

    public List<Status> statuses() {
        return projections.keySet().stream().sorted().map(this::status).toList();
    }

    public Status status(String name) {
        GenerationalProjection projection = projection(name);
        StreamingEventProcessor processor = processor(name);
        List<ProcessorPositions.Segment> segments = positions.of(name);
        long head = head();
        long position = segments.stream().mapToLong(ProcessorPositions.Segment::position).min().orElse(-1);
        Generations.State generations = projection.generationState();
        boolean replaying = generations.rebuilding();
        Double progress = null;
        if (replaying) {
            long resetAt = segments.stream().map(ProcessorPositions.Segment::resetPosition)
                                   .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(head);
            progress = resetAt <= 0 ? 1.0 : Math.min(1.0, Math.max(0, position) / (double) resetAt);
        }
        return new Status(name, processor.isRunning(), replaying, position, head,
                          Math.max(0, head - position), progress, generations.read(), generations.write(),
                          processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState),
                          segments.stream().map(ProcessorPositions.Segment::owner).filter(Objects::nonNull)
                                  .distinct().sorted().toList(),
                          removalsWaiting.contains(name) || removalsRunning.contains(name));
    }

    /** Starts rebuilding one projection from the first event; answers keep coming from the old rows meanwhile. */
    public void replay(String name) {
        projection(name);
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new RuleViolation("projection " + name + " cannot be replayed");
        }
        if (status(name).replaying() || replayRequested(name)) {
            throw new RuleViolation("projection " + name + " is already being rebuilt; wait until it has switched over");
        }
        if (!resetHere(name, processor)) {
            jdbc.update("insert into projection_replay_request (projection, requested_at, requested_by) values (?, ?, ?)",
                        name, OffsetDateTime.now(ZoneOffset.UTC), nodeId);
            log.info("Projection {} is processed on another node; asked that node to rebuild it", name);
        }
    }

    /**
     * Resets the processor's tokens from this node; false when another node holds one of its segments. The local
     * processor is stopped meanwhile, which releases whatever segments it holds.
     */
    private boolean resetHere(String name, StreamingEventProcessor processor) {
        log.info("Rebuilding projection {} from the event stream", name);
        processor.shutDown();
        try {
            processor.resetTokens();
            return true;
        } catch (UnableToClaimTokenException heldElsewhere) {
            return false;
        } finally {
            processor.start();
        }
    }

    /** Carries out the rebuilds asked for on other nodes, for the projections whose segments this node holds. */
    @Scheduled(fixedDelayString = "${jinlin.projections.switch-check:PT1S}")
    public void carryOutRequestedReplays() {
        List<String> requested;
        try {
            requested = jdbc.queryForList("select projection from projection_replay_request", String.class);
        } catch (DataAccessException unavailable) {
            log.warn("Cannot look for requested rebuilds: {}", unavailable.getClass().getSimpleName());
            return;
        }
        for (String name : requested) {
            Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
            if (processor.isEmpty() || !projections.containsKey(name)) {
                continue;
            }
            boolean heldHere = !processor.get().processingStatus().isEmpty();
            boolean heldNowhere = positions.of(name).stream().allMatch(segment -> segment.owner() == null);
            if ((heldHere || heldNowhere) && resetHere(name, processor.get())) {
                jdbc.update("delete from projection_replay_request where projection = ?", name);
            }
        }
    }

    private boolean replayRequested(String name) {
        Integer count = jdbc.queryForObject("select count(*) from projection_replay_request where projection = ?",
                                            Integer.class, name);
        return count != null && count > 0;
    }

    /** Switches queries to the new generation of every projection whose replay has caught up. */
    @Scheduled(fixedDelayString = "${jinlin.projections.switch-check:PT1S}")
    public void switchCaughtUpRebuilds() {
        try {
            switchWhenCaughtUp();
        } catch (DataAccessException unavailable) {
            log.warn("Cannot check the rebuilds: {}", unavailable.getClass().getSimpleName());
        }
    }

    private void switchWhenCaughtUp() {
        for (GenerationalProjection projection : projections.values()) {
            if (!projection.generationState().rebuilding()) {
                continue;
            }
            StreamingEventProcessor processor = processor(projection.name());
            Collection<EventTrackerStatus> segments = processor.processingStatus().values();
            // Axon keeps a segment "replaying" until it handles an event past the reset point, which may never come
            // while nobody writes; having reached the position the replay started from is what matters here.
            boolean caughtUp = processor.isRunning() && !segments.isEmpty()
                               && segments.size() == positions.of(projection.name()).size()
                               && segments.stream().allMatch(s -> s.isCaughtUp() && !s.isErrorState()
                                                                  && s.getCurrentPosition().orElse(-1)
                                                                     >= s.getResetPosition().orElse(-1));
            if (caughtUp) {
                projection.switchToRebuilt();
                log.info("Projection {} rebuilt; queries now read generation {}", projection.name(),
                         projection.generationState().read());
                removeRetiredRowsLater(projection);
            }
        }
    }

    /** Finishes any removal of old rows that a stop cut short. */
    @EventListener(ContextRefreshedEvent.class)
    public void removeRetiredRowsLeftOver() {
        projections.values().forEach(this::removeRetiredRowsLater);
    }

    private void removeRetiredRowsLater(GenerationalProjection projection) {
        if (stopping || !removalsWaiting.add(projection.name())) {
            return;
        }
        removals.execute(() -> {
            removalsRunning.add(projection.name());
            removalsWaiting.remove(projection.name());
            try {
                long removed = projection.removeRetiredRows(GenerationalProjection.ROWS_PER_REMOVAL, () -> !stopping);
                if (removed > 0) {
                    log.info("Projection {}: removed {} rows of its old generations", projection.name(), removed);
                }
            } catch (DataAccessException unavailable) {
                log.warn("Projection {}: old rows not removed yet ({}); the next start tries again",
                         projection.name(), unavailable.getClass().getSimpleName());
            } finally {
                removalsRunning.remove(projection.name());
            }
        });
    }

    @PreDestroy
    public void stopRemovals() {
        stopping = true;
        removals.shutdown();
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
