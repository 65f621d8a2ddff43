-- Case views and work queues (CaseViewProjection): each dispute as it stands, its parties and the entries of its
-- file (assignments, steps, escalations, reclassifications, follow-ups, reopenings), every version kept.

create table case_dispute (
    generation        integer                  not null,
    valid_from        timestamp with time zone not null,
    valid_to          timestamp with time zone,
    dispute_id        varchar(64)              not null,
    community_code    varchar(12)              not null,
    compound_id       varchar(64),
    category          varchar(32)              not null,
    scale             varchar(8)               not null,
    source            varchar(32)              not null,
    status            varchar(16)              not null,
    level             varchar(16)              not null,
    mediator_id       varchar(64),
    summary           varchar(2000)            not null,
    reported_at       timestamp with time zone not null,
    awaiting_since    timestamp with time zone,
    assigned_at       timestamp with time zone,
    resolved_at       timestamp with time zone,
    resolved_level    varchar(16),
    resolved_by       varchar(64),
    agreement_summary varchar(2000),
    referred_to       varchar(32),
    referral_reason   varchar(500),
    referred_at       timestamp with time zone,
    withdrawal_reason varchar(500),
    withdrawn_at      timestamp with time zone,
    version           bigint                   not null,
    constraint pk_case_dispute primary key (generation, dispute_id, valid_from)
);
create index ix_case_dispute_queue on case_dispute (generation, status, valid_to, reported_at);
create index ix_case_dispute_mediator on case_dispute (generation, mediator_id, valid_to);

create table case_party (
    generation integer                  not null,
    valid_from timestamp with time zone not null,
    valid_to   timestamp with time zone,
    dispute_id varchar(64)              not null,
    party_no   integer                  not null,
    name       varchar(100)             not null,
    role       varchar(16)              not null,
    constraint pk_case_party primary key (generation, dispute_id, party_no, valid_from)
);

-- One row per entry of the file, keyed by the event's sequence number; the columns an entry kind does not use
-- stay null.
create table case_entry (
    generation         integer                  not null,
    valid_from         timestamp with time zone not null,
    valid_to           timestamp with time zone,
    dispute_id         varchar(64)              not null,
    sequence_number    bigint                   not null,
    kind               varchar(20)              not null,
    step_kind          varchar(32),
    note               varchar(2000),
    occurred_at        timestamp with time zone not null,
    mediator_id        varchar(64),
    level              varchar(16),
    to_level           varchar(16),
    scale              varchar(8),
    agreement_honoured boolean,
    constraint pk_case_entry primary key (generation, dispute_id, sequence_number, valid_from)
);
create index ix_case_entry_mediator on case_entry (generation, mediator_id, kind, dispute_id);
