-- Read model: mediator ratios per city (MediatorRatioProjection).
create table ratio_community (
    code                varchar(12)  not null primary key,
    city_code           varchar(6)   not null,
    registered          boolean      not null,
    name                varchar(100),
    resident_population integer      not null,
    dispute_prominent   boolean      not null,
    full_time_mediators integer      not null
);
create index ix_ratio_community_city on ratio_community (city_code);

create table ratio_city (
    city_code               varchar(6) not null primary key,
    communities             bigint     not null,
    with_full_time_mediator bigint     not null
);

create table ratio_mediator (
    mediator_id varchar(64) not null primary key,
    full_time   boolean     not null
);

create table ratio_appointment (
    mediator_id    varchar(64) not null,
    community_code varchar(12) not null,
    constraint pk_ratio_appointment primary key (mediator_id, community_code)
);

-- Read model: the registrar's directory (DirectoryProjection).
create table dir_community (
    code                     varchar(12)  not null primary key,
    name                     varchar(100) not null,
    kind                     varchar(16)  not null,
    township_name            varchar(100) not null,
    resident_population      integer      not null,
    city_code                varchar(6)   not null,
    county_code              varchar(6)   not null,
    dispute_prominent        boolean      not null,
    dispute_prominent_reason varchar(500),
    version                  bigint       not null
);
create index ix_dir_community_city on dir_community (city_code, code);
create index ix_dir_community_county on dir_community (county_code, code);

create table dir_compound (
    community_code varchar(12)  not null,
    compound_id    varchar(64)  not null,
    name           varchar(100) not null,
    constraint pk_dir_compound primary key (community_code, compound_id)
);

create table dir_mediator (
    mediator_id varchar(64)  not null primary key,
    name        varchar(100) not null,
    employment  varchar(16)  not null,
    version     bigint       not null
);

create table dir_appointment (
    mediator_id    varchar(64)              not null,
    community_code varchar(12)              not null,
    appointed_at   timestamp with time zone not null,
    constraint pk_dir_appointment primary key (mediator_id, community_code)
);
create index ix_dir_appointment_community on dir_appointment (community_code);
