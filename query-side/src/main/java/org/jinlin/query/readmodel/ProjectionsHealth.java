package org.jinlin.query.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/health} component "projections": each streaming processor, whether it runs, is in error, how
 * many events it has parked as dead letters. Down when a processor has stopped or is in error, so a read model
 * that silently stopped cannot go unnoticed.
 */
@Component("projections")
public class ProjectionsHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final DeadLetters deadLetters;

    public ProjectionsHealth(EventProcessingConfiguration processing, DeadLetters deadLetters) {
        this.processing = processing;
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, StreamingEventProcessor> entry
                : processing.eventProcessors().entrySet().stream()
                            .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                                                       e -> (StreamingEventProcessor) e.getValue(),
                                                                       (a, b) -> a, java.util.TreeMap::new))
                            .entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            boolean error = processor.isError() || processor.processingStatus().values().stream()
                                                            .anyMatch(EventTrackerStatus::isErrorState);
            long dead = processing.deadLetterQueue(entry.getKey()).map(q -> q.size()).orElse(0L);
            up &= processor.isRunning() && !error;
            details.put(entry.getKey(), Map.of("running", processor.isRunning(), "error", error, "deadLetters", dead));
        }
        health.status(up ? "UP" : "DOWN").withDetails(details).withDetail("deadLettersTotal", deadLetters.count());
    }
}
