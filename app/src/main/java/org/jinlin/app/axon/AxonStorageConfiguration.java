package org.jinlin.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.springboot.TokenStoreProperties;
import org.jinlin.app.cluster.NodeIdDefault;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jinlin.app.privacy.PersonalDataModule;
import org.jinlin.command.registry.CommandSideLookups;
import org.jinlin.command.web.EventPositions;
import org.jinlin.kernel.privacy.PersonalDataCipher;
import org.jinlin.kernel.audit.EventStoreLayout;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * Where Axon keeps its events, tokens and dead letters when it runs on the application's own database (the
 * embedded default and the postgres profile): Axon's JDBC engine on tables created by Flyway, with snake_case
 * names, and Jackson for every serializer.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    /** One clock for the whole service, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                          .eventTable(EventStoreLayout.EVENT_TABLE)
                          .snapshotTable(EventStoreLayout.SNAPSHOT_TABLE)
                          .globalIndexColumn(EventStoreLayout.GLOBAL_INDEX)
                          .eventIdentifierColumn(EventStoreLayout.EVENT_IDENTIFIER)
                          .aggregateIdentifierColumn(EventStoreLayout.AGGREGATE_IDENTIFIER)
                          .sequenceNumberColumn(EventStoreLayout.SEQUENCE_NUMBER)
                          .typeColumn(EventStoreLayout.AGGREGATE_TYPE)
                          .payloadTypeColumn(EventStoreLayout.PAYLOAD_TYPE)
                          .payloadRevisionColumn(EventStoreLayout.PAYLOAD_REVISION)
                          .payloadColumn(EventStoreLayout.PAYLOAD)
                          .metaDataColumn(EventStoreLayout.META_DATA)
                          .timestampColumn(EventStoreLayout.TIMESTAMP)
                          .build();
    }

    /**
     * Axon's JDBC engine, appending through {@link HashChainingAppend} so every stored event is chained to the
     * previous one of its stream. Axon Server keeps its own store when the axonserver profile is on.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager, EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                                     .snapshotSerializer(defaultSerializer)
                                     .upcasterChain(configuration.upcasterChain())
                                     .persistenceExceptionResolver(persistenceExceptionResolver)
                                     .eventSerializer(eventSerializer)
                                     .snapshotFilter(configuration.snapshotFilter())
                                     .connectionProvider(connectionProvider)
                                     .transactionManager(transactionManager)
                                     .schema(eventSchema)
                                     .appendEvents(new HashChainingAppend())
                                     .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                          .setTokenTable("token_entry")
                          .setProcessorNameColumn("processor_name")
                          .setSegmentColumn("segment")
                          .setTokenColumn("token")
                          .setTokenTypeColumn("token_type")
                          .setTimestampColumn("token_timestamp")
                          .setOwnerColumn("owner")
                          .build();
    }

    /**
     * Axon's JDBC token store, naming this node by {@code jinlin.node-id} as the owner of the segments it claims, so
     * that several nodes (even two in one JVM) never take each other's claims for their own.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
                          TokenStoreProperties properties, @Value("${" + NodeIdDefault.PROPERTY + "}") String nodeId) {
        return JdbcTokenStore.builder()
                             .connectionProvider(connectionProvider)
                             .schema(tokenSchema)
                             .serializer(serializer)
                             .claimTimeout(properties.getClaimTimeout())
                             .nodeId(nodeId)
                             .build();
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                               .deadLetterTable("dead_letter_entry")
                               .deadLetterIdentifierColumn("dead_letter_id")
                               .processingGroupColumn("processing_group")
                               .sequenceIdentifierColumn("sequence_identifier")
                               .sequenceIndexColumn("sequence_index")
                               .messageTypeColumn("message_type")
                               .eventIdentifierColumn("event_identifier")
                               .timestampColumn("time_stamp")
                               .payloadTypeColumn("payload_type")
                               .payloadRevisionColumn("payload_revision")
                               .payloadColumn("payload")
                               .metaDataColumn("meta_data")
                               .aggregateTypeColumn("aggregate_type")
                               .aggregateIdentifierColumn("aggregate_identifier")
                               .sequenceNumberColumn("sequence_number")
                               .tokenTypeColumn("token_type")
                               .tokenColumn("token")
                               .enqueuedAtColumn("enqueued_at")
                               .lastTouchedColumn("last_touched")
                               .processingStartedColumn("processing_started")
                               .causeTypeColumn("cause_type")
                               .causeMessageColumn("cause_message")
                               .diagnosticsColumn("diagnostics")
                               .build();
    }

    /**
     * Every projection gets a dead-letter queue: an event a handler fails on is parked with the rest of its
     * sequence (its aggregate's later events) while the projection goes on with everything else, instead of
     * being skipped after a log line. The command side's lookups are not among them: their failures roll the
     * command back.
     */
    @Bean
    ConfigurerModule deadLettersForEveryProjection(ConnectionProvider connectionProvider,
                                                   TransactionManager transactionManager, DeadLetterSchema schema,
                                                   @Qualifier("eventSerializer") Serializer eventSerializer,
                                                   Serializer genericSerializer) {
        return new ConfigurerModule() {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.eventProcessing().registerDeadLetterQueueProvider(
                        group -> CommandSideLookups.PROCESSING_GROUP.equals(group) ? null
                                : config -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                                                        .processingGroup(group)
                                                                        .connectionProvider(connectionProvider)
                                                                        .transactionManager(transactionManager)
                                                                        .schema(schema)
                                                                        .genericSerializer(genericSerializer)
                                                                        .eventSerializer(eventSerializer)
                                                                        .build());
            }

            /** After Axon's own property-driven provider, which would otherwise replace this one. */
            @Override
            public int order() {
                return Integer.MAX_VALUE;
            }
        };
    }

    /** Recognises duplicate keys on H2 and PostgreSQL alike, so a clash on a stream becomes a 409. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver(DataSource dataSource) throws SQLException {
        return new SQLErrorCodesResolver(dataSource);
    }

    @Bean
    @Primary
    Serializer serializer() {
        return jackson();
    }

    /** Events are stored with their personal data encrypted per data subject (see PersonalDataModule). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(PersonalDataCipher cipher) {
        return jackson(new PersonalDataModule(cipher));
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return jackson();
    }

    /**
     * The stored form of events is a contract with every future version: its own mapper, independent of the web
     * layer's, with ISO dates, and tolerant of fields a newer version added.
     */
    static JacksonSerializer jackson(Module... modules) {
        ObjectMapper mapper = JsonMapper.builder()
                                        .addModule(new JavaTimeModule())
                                        .addModules(modules)
                                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                                        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                                        .build();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EventPositions eventPositions(JdbcTemplate jdbc) {
        return (aggregateId, sequenceNumber) -> {
            Long index = jdbc.query("select global_index from " + EventStoreLayout.EVENT_TABLE
                                    + " where aggregate_identifier = ? and sequence_number = ?",
                                    rs -> rs.next() ? rs.getLong(1) : null,
                                    aggregateId, sequenceNumber);
            return index == null ? OptionalLong.empty() : OptionalLong.of(index);
        };
    }
}
