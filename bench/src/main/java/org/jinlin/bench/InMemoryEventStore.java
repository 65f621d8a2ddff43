package org.jinlin.bench;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Baseline (c): the service with Axon's in-memory event storage engine in place of the JDBC one, so a command
 * costs the framework and the domain without writing events. Everything else (command-side uniqueness lookups,
 * read models, tokens) stays on the benchmark's database (H2 or PostgreSQL).
 */
class InMemoryEventStore {

    @Bean
    @Primary
    EventStorageEngine inMemoryEventStorageEngine() {
        return new InMemoryEventStorageEngine();
    }
}
