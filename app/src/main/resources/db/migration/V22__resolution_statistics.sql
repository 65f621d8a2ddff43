-- Resolution statistics, 小事不出小区、大事不出社区 (ResolutionStatsProjection). Temporal like every read model:
-- each version valid from the event that wrote it until the next change.

-- What each dispute currently contributes: nothing while open or reopened (outcome null), else its outcome in the
-- month of its conclusion. Counters move by the difference of this row before and after each event.
create table res_dispute (
    generation      integer                  not null,
    valid_from      timestamp with time zone not null,
    valid_to        timestamp with time zone,
    dispute_id      varchar(64)              not null,
    community_code  varchar(12)              not null,
    compound_id     varchar(64),
    scale           varchar(8)               not null,
    source          varchar(32)              not null,
    reported_at     timestamp with time zone not null,
    escalations     integer                  not null,
    outcome         varchar(16),
    outcome_month   varchar(7),
    resolved_level  varchar(16),
    days_to_resolve integer,
    constraint pk_res_dispute primary key (generation, dispute_id, valid_from)
);

-- Counters per unit (COMPOUND communityCode/compoundId, COMMUNITY, COUNTY, CITY code) and month of conclusion.
create table res_unit_month (
    generation                 integer                  not null,
    valid_from                 timestamp with time zone not null,
    valid_to                   timestamp with time zone,
    unit_kind                  varchar(16)              not null,
    unit                       varchar(80)              not null,
    conclusion_month           varchar(7)               not null,
    city_code                  varchar(6)               not null,
    small_concluded            bigint                   not null,
    small_resolved_in_compound bigint                   not null,
    big_concluded              bigint                   not null,
    big_resolved_in_community  bigint                   not null,
    resolved                   bigint                   not null,
    referred                   bigint                   not null,
    withdrawn                  bigint                   not null,
    escalations                bigint                   not null,
    constraint pk_res_unit_month primary key (generation, unit_kind, unit, conclusion_month, valid_from)
);
create index ix_res_unit_month_query on res_unit_month (generation, unit_kind, conclusion_month, valid_to);

-- How many disputes of a unit and month were resolved in so many days: the median is read from these few rows.
create table res_days (
    generation       integer                  not null,
    valid_from       timestamp with time zone not null,
    valid_to         timestamp with time zone,
    unit_kind        varchar(16)              not null,
    unit             varchar(80)              not null,
    conclusion_month varchar(7)               not null,
    days             integer                  not null,
    city_code        varchar(6)               not null,
    disputes         bigint                   not null,
    constraint pk_res_days primary key (generation, unit_kind, unit, conclusion_month, days, valid_from)
);
create index ix_res_days_query on res_days (generation, unit_kind, conclusion_month, valid_to);

-- How many disputes counted in a unit and month came in by each source (案件来源).
create table res_source (
    generation       integer                  not null,
    valid_from       timestamp with time zone not null,
    valid_to         timestamp with time zone,
    unit_kind        varchar(16)              not null,
    unit             varchar(80)              not null,
    conclusion_month varchar(7)               not null,
    source           varchar(32)              not null,
    city_code        varchar(6)               not null,
    disputes         bigint                   not null,
    constraint pk_res_source primary key (generation, unit_kind, unit, conclusion_month, source, valid_from)
);
create index ix_res_source_query on res_source (generation, unit_kind, conclusion_month, valid_to);

-- Names of communities and compounds as registered (counties and cities are named from the division list).
create table res_unit_name (
    generation integer                  not null,
    valid_from timestamp with time zone not null,
    valid_to   timestamp with time zone,
    unit_kind  varchar(16)              not null,
    unit       varchar(80)              not null,
    name       varchar(210)             not null,
    constraint pk_res_unit_name primary key (generation, unit_kind, unit, valid_from)
);
