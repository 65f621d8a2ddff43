package org.jinlin.app.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.jinlin.kernel.MetadataKeys;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import org.springframework.context.annotation.Configuration;

/** Copies who acted, in which role and for which request from each command onto every event it causes. */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfiguration {

    /**
     * {@code causationId}: the message that caused this one; {@code traceId}: the first message of the chain.
     * Axon calls the former "correlationId"; here that name is the request's id, as the API promises.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider("causationId", "traceId");
    }

    /** Event times come from the service's one clock too, so tests and operators can move time consistently. */
    @Bean
    InitializingBean eventsUseTheServiceClock(Clock clock) {
        return () -> GenericEventMessage.clock = clock;
    }

    @Bean
    CorrelationDataProvider actingUserProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.ACTOR, MetadataKeys.ROLE, MetadataKeys.CORRELATION_ID,
                                                 MetadataKeys.MEDIATOR_ID);
    }
}
