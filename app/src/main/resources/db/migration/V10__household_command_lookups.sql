-- Lookups the Household aggregate checks, written by HouseholdLookups in the same transaction as the events.

-- Each city's dibao standards by the date they take effect, and its current multiplier and allowance extension.
create table lookup_dibao_standard (
    city_code      varchar(6)    not null,
    effective_from date          not null,
    amount         numeric(12,2) not null,
    constraint pk_lookup_dibao_standard primary key (city_code, effective_from)
);

create table lookup_city_policy (
    city_code                     varchar(6)   not null primary key,
    low_income_multiplier         numeric(6,3) not null,
    disability_allowance_extended boolean      not null
);

-- Who is a member of which active household: a person belongs to at most one.
create table lookup_person (
    household_id varchar(64) not null,
    member_no    integer     not null,
    id_number    varchar(18) not null,
    constraint pk_lookup_person primary key (household_id, member_no),
    constraint uk_lookup_person unique (id_number)
);

-- Active households by city, for re-assessing them when a city's policy changes or a new day begins.
create table lookup_household (
    household_id varchar(64) not null primary key,
    city_code    varchar(6)  not null
);
create index ix_lookup_household_city on lookup_household (city_code);
