-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue), snake_case (see AxonStorageConfiguration):
-- an event a projection failed on waits here with the events after it in the same sequence, while everything
-- else goes on; administrators retry or evict them (/api/admin/dead-letters).
create table dead_letter_entry (
    dead_letter_id       varchar(255)  not null,
    processing_group     varchar(255)  not null,
    sequence_identifier  varchar(255)  not null,
    sequence_index       bigint        not null,
    message_type         varchar(255)  not null,
    event_identifier     varchar(255)  not null,
    time_stamp           varchar(255)  not null,
    payload_type         varchar(255)  not null,
    payload_revision     varchar(255),
    payload              bytea         not null,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255)  not null,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    constraint pk_dead_letter_entry primary key (dead_letter_id),
    constraint uk_dead_letter_sequence unique (processing_group, sequence_identifier, sequence_index)
);
create index ix_dead_letter_group on dead_letter_entry (processing_group);
create index ix_dead_letter_sequence on dead_letter_entry (processing_group, sequence_identifier);
