-- Lookups the Dispute aggregate checks, written by CommandSideLookups in the same transaction as the events:
-- a dispute is reported in a compound of its community, and above community level any registered mediator may
-- take it.
create table lookup_compound (
    community_code varchar(12) not null,
    compound_id    varchar(64) not null,
    constraint pk_lookup_compound primary key (community_code, compound_id)
);

create table lookup_mediator (
    mediator_id varchar(64) not null primary key
);

-- Mediators registered before this table existed: a mediator's id is its stream's aggregate id. Compounds need
-- their payload read, which V21 does in Java so that it works on H2 and PostgreSQL alike.
insert into lookup_mediator (mediator_id)
select distinct aggregate_identifier from domain_event_entry
where payload_type = 'org.jinlin.kernel.mediator.MediatorRegistered';
