-- Lookups the command side checks set-based rules against, written in the same transaction as the events.
create table lookup_community (
    code varchar(12) not null primary key
);

create table lookup_appointment (
    mediator_id    varchar(64) not null,
    community_code varchar(12) not null,
    constraint pk_lookup_appointment primary key (mediator_id, community_code)
);
create index ix_lookup_appointment_community on lookup_appointment (community_code);

-- The first answer to each Idempotency-Key, per user, kept for 24 hours.
create table idempotent_request (
    actor             varchar(64)              not null,
    idempotency_key   varchar(200)             not null,
    fingerprint       varchar(64)              not null,
    command_type      varchar(255)             not null,
    aggregate_id      varchar(255)             not null,
    aggregate_version bigint                   not null,
    created_at        timestamp with time zone not null,
    constraint pk_idempotent_request primary key (actor, idempotency_key)
);
create index ix_idempotent_request_created on idempotent_request (created_at);

-- Users of the service. Passwords are bcrypt hashes; roles a comma-separated list.
create table app_user (
    username      varchar(64)              not null primary key,
    password_hash varchar(100)             not null,
    roles         varchar(200)             not null,
    mediator_id   varchar(64),
    county_code   varchar(6),
    enabled       boolean                  not null,
    created_at    timestamp with time zone not null
);
