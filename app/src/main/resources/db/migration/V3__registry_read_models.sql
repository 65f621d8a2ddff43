-- Read models are projections of the event stream. Tables answered "as of an instant" keep every version of a
-- row, valid from the time of the event that wrote it until the next change (valid_to null = current). Every
-- row belongs to a generation of its projection, so a rebuild writes a new generation while queries read the
-- old one (see TemporalTable and Generations in query-side).

create table read_model_generation (
    projection       varchar(100) not null primary key,
    read_generation  integer      not null,
    write_generation integer      not null
);

-- Mediator ratios per city (MediatorRatioProjection).
create table ratio_city (
    generation              integer                  not null,
    valid_from              timestamp with time zone not null,
    valid_to                timestamp with time zone,
    city_code               varchar(6)               not null,
    communities             bigint                   not null,
    with_full_time_mediator bigint                   not null,
    constraint pk_ratio_city primary key (generation, city_code, valid_from)
);

create table ratio_community (
    generation          integer                  not null,
    valid_from          timestamp with time zone not null,
    valid_to            timestamp with time zone,
    code                varchar(12)              not null,
    city_code           varchar(6)               not null,
    registered          boolean                  not null,
    name                varchar(100),
    resident_population integer                  not null,
    dispute_prominent   boolean                  not null,
    full_time_mediators integer                  not null,
    constraint pk_ratio_community primary key (generation, code, valid_from)
);
create index ix_ratio_community_city on ratio_community (generation, city_code, valid_to);

-- Working state of the projection (not answered as of an instant): who is full-time, who serves where.
create table ratio_mediator (
    generation  integer     not null,
    mediator_id varchar(64) not null,
    full_time   boolean     not null,
    constraint pk_ratio_mediator primary key (generation, mediator_id)
);

create table ratio_appointment (
    generation     integer     not null,
    mediator_id    varchar(64) not null,
    community_code varchar(12) not null,
    constraint pk_ratio_appointment primary key (generation, mediator_id, community_code)
);

-- The registrar's directory (DirectoryProjection).
create table dir_community (
    generation               integer                  not null,
    valid_from               timestamp with time zone not null,
    valid_to                 timestamp with time zone,
    code                     varchar(12)              not null,
    name                     varchar(100)             not null,
    kind                     varchar(16)              not null,
    township_name            varchar(100)             not null,
    resident_population      integer                  not null,
    city_code                varchar(6)               not null,
    county_code              varchar(6)               not null,
    dispute_prominent        boolean                  not null,
    dispute_prominent_reason varchar(500),
    version                  bigint                   not null,
    constraint pk_dir_community primary key (generation, code, valid_from)
);
create index ix_dir_community_city on dir_community (generation, city_code, code);
create index ix_dir_community_county on dir_community (generation, county_code, code);

create table dir_compound (
    generation     integer                  not null,
    valid_from     timestamp with time zone not null,
    valid_to       timestamp with time zone,
    community_code varchar(12)              not null,
    compound_id    varchar(64)              not null,
    name           varchar(100)             not null,
    constraint pk_dir_compound primary key (generation, community_code, compound_id, valid_from)
);

create table dir_mediator (
    generation  integer                  not null,
    valid_from  timestamp with time zone not null,
    valid_to    timestamp with time zone,
    mediator_id varchar(64)              not null,
    name        varchar(100)             not null,
    employment  varchar(16)              not null,
    version     bigint                   not null,
    constraint pk_dir_mediator primary key (generation, mediator_id, valid_from)
);

create table dir_appointment (
    generation     integer                  not null,
    valid_from     timestamp with time zone not null,
    valid_to       timestamp with time zone,
    mediator_id    varchar(64)              not null,
    community_code varchar(12)              not null,
    constraint pk_dir_appointment primary key (generation, mediator_id, community_code, valid_from)
);
create index ix_dir_appointment_community on dir_appointment (generation, community_code, valid_to);
