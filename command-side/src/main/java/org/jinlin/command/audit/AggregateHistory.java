package org.jinlin.command.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.jinlin.kernel.NotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * An aggregate's state as it stood at any instant, rebuilt from its own events up to then by the very aggregate
 * class the command side uses: no second copy of the rules can drift from the first.
 */
@Component
public class AggregateHistory {

    private final EventStore eventStore;
    private final ObjectProvider<Configuration> axon;
    private final ObjectMapper fields = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    public AggregateHistory(EventStore eventStore, ObjectProvider<Configuration> axon) {
        this.eventStore = eventStore;
        this.axon = axon;
    }

    /**
     * @param version    the sequence number of the last event applied
     * @param lastEventAt when that event was recorded
     * @param state      the aggregate's fields
     */
    public record AggregateState(String aggregateId, String type, long version, Instant asOf, Instant lastEventAt,
                                 JsonNode state) {
    }

    public AggregateState stateAt(String aggregateId, Instant asOf) {
        List<? extends DomainEventMessage<?>> all = eventStore.readEvents(aggregateId, 0).asStream().toList();
        if (all.isEmpty()) {
            throw new NotFound("no events are stored for " + aggregateId);
        }
        List<? extends DomainEventMessage<?>> upTo = all.stream()
                                                        .filter(e -> asOf == null || !e.getTimestamp().isAfter(asOf))
                                                        .toList();
        if (upTo.isEmpty()) {
            throw new NotFound(aggregateId + " did not exist yet at " + asOf + "; its first event was recorded at "
                               + all.get(0).getTimestamp());
        }
        String type = upTo.get(0).getType();
        AggregateConfiguration<?> aggregate = axon.getObject().findModules(AggregateConfiguration.class).stream()
                                                  .filter(c -> c.aggregateType().getSimpleName().equals(type))
                                                  .findFirst()
                                                  .orElseThrow(() -> new NotFound("no aggregate type " + type));
        Object root = rebuild(aggregate, aggregateId, upTo);
        DomainEventMessage<?> last = upTo.get(upTo.size() - 1);
        return new AggregateState(aggregateId, type, last.getSequenceNumber(), asOf, last.getTimestamp(),
                                  fields.valueToTree(root));
    }

    private <A> A rebuild(AggregateConfiguration<A> aggregate, String aggregateId,
                          List<? extends DomainEventMessage<?>> events) {
        Configuration configuration = axon.getObject();
        Class<A> type = aggregate.aggregateType();
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(
                type, configuration.parameterResolverFactory(), configuration.handlerDefinition(type));
        A root = aggregate.aggregateFactory().createAggregateRoot(aggregateId, events.get(0));
        EventSourcedAggregate<A> rebuilt = EventSourcedAggregate.initialize(root, model, null,
                                                                            NoSnapshotTriggerDefinition.TRIGGER);
        rebuilt.initializeState(DomainEventStream.of(events.stream().map(e -> (DomainEventMessage<?>) e)));
        return rebuilt.getAggregateRoot();
    }
}
