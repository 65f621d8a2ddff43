-- The low-income roster (低收入人口名册) and the household view (LowIncomeRosterProjection). Versioned rows per
-- generation, as every read model (see V3). Categories are stored as ",A,B," so one can be matched with LIKE.

create table roster_household (
    generation            integer                  not null,
    valid_from            timestamp with time zone not null,
    valid_to              timestamp with time zone,
    household_id          varchar(64)              not null,
    community_code        varchar(12)              not null,
    compound_id           varchar(64),
    county_code           varchar(6)               not null,
    city_code             varchar(6)               not null,
    monthly_income        numeric(14,2)            not null,
    migrant               boolean                  not null,
    household_categories  varchar(200)             not null,
    active                boolean                  not null,
    policy_version        varchar(100),
    assessed_on           date,
    reasons               varchar(8000),
    care_partners         integer                  not null,
    assistance_records    integer                  not null,
    version               bigint                   not null,
    constraint pk_roster_household primary key (generation, household_id, valid_from)
);
create index ix_roster_household_current on roster_household (generation, household_id, valid_to);

create table roster_member (
    generation           integer                  not null,
    valid_from           timestamp with time zone not null,
    valid_to             timestamp with time zone,
    household_id         varchar(64)              not null,
    member_no            integer                  not null,
    id_number            varchar(500)             not null,
    name                 varchar(500)             not null,
    birth_date           date                     not null,
    sex                  varchar(8)               not null,
    relation             varchar(16)              not null,
    community_code       varchar(12)              not null,
    county_code          varchar(6)               not null,
    city_code            varchar(6)               not null,
    household_categories varchar(200)             not null,
    member_categories    varchar(300)             not null,
    on_roster            boolean                  not null,
    constraint pk_roster_member primary key (generation, household_id, member_no, valid_from)
);
create index ix_roster_member_household on roster_member (generation, household_id, valid_to);
create index ix_roster_member_city on roster_member (generation, city_code, on_roster, valid_to);
create index ix_roster_member_county on roster_member (generation, county_code, on_roster, valid_to);
create index ix_roster_member_community on roster_member (generation, community_code, on_roster, valid_to);

-- Counts per unit (city, county, community) and category, kept incrementally: households and persons.
-- Category '*' counts everyone on the roster.
create table roster_count (
    generation  integer                  not null,
    valid_from  timestamp with time zone not null,
    valid_to    timestamp with time zone,
    unit_level  varchar(10)              not null,
    unit_code   varchar(12)              not null,
    category    varchar(30)              not null,
    households  bigint                   not null,
    persons     bigint                   not null,
    constraint pk_roster_count primary key (generation, unit_level, unit_code, category, valid_from)
);
create index ix_roster_count_level on roster_count (generation, unit_level, valid_to);

-- Community names, to name the units of the summary.
create table roster_community (
    generation integer      not null,
    code       varchar(12)  not null,
    name       varchar(100) not null,
    constraint pk_roster_community primary key (generation, code)
);
