package org.jinlin.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jinlin.command.web.EventPositions;
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

    static final String EVENT_TABLE = "domain_event_entry";

    /** One clock for the whole service, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                          .eventTable(EVENT_TABLE)
                          .snapshotTable("snapshot_event_entry")
                          .globalIndexColumn("global_index")
                          .eventIdentifierColumn("event_identifier")
                          .aggregateIdentifierColumn("aggregate_identifier")
                          .sequenceNumberColumn("sequence_number")
                          .typeColumn("type")
                          .payloadTypeColumn("payload_type")
                          .payloadRevisionColumn("payload_revision")
                          .payloadColumn("payload")
                          .metaDataColumn("meta_data")
                          .timestampColumn("time_stamp")
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

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.defaultSchema();
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

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return jackson();
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
    static JacksonSerializer jackson() {
        ObjectMapper mapper = JsonMapper.builder()
                                        .addModule(new JavaTimeModule())
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
            Long index = jdbc.query("select global_index from " + EVENT_TABLE
                                    + " where aggregate_identifier = ? and sequence_number = ?",
                                    rs -> rs.next() ? rs.getLong(1) : null,
                                    aggregateId, sequenceNumber);
            return index == null ? OptionalLong.empty() : OptionalLong.of(index);
        };
    }
}
