-- The disputes of a unit and month per case source (案件来源) are kept in the unit's counter row, one column per
-- source, instead of a row per source in res_source. A source's count changes only when the unit's outcome counters
-- change too (a dispute enters or leaves the month), so every change wrote two row versions where one holds both,
-- and the statistics read the same versions twice: at province scale, a city's communities as of an instant read
-- about 10 000 counter versions and as many source versions.
-- At province scale this takes minutes, and on H2 every DDL statement commits: each statement can run again, so a
-- service stopped in the middle finishes the upgrade on its next start.
alter table res_unit_month add column if not exists source_party_application bigint default 0 not null;
alter table res_unit_month add column if not exists source_committee_initiative bigint default 0 not null;
alter table res_unit_month add column if not exists source_referred_by_police bigint default 0 not null;
alter table res_unit_month add column if not exists source_referred_by_court bigint default 0 not null;
alter table res_unit_month add column if not exists source_referred_by_government bigint default 0 not null;

-- Each counter version gets the source counts valid when it began.
update res_unit_month c
   set source_party_application = coalesce((select s.disputes from res_source s
                                             where s.generation = c.generation and s.unit_kind = c.unit_kind
                                               and s.unit = c.unit and s.conclusion_month = c.conclusion_month
                                               and s.source = 'PARTY_APPLICATION' and s.valid_from <= c.valid_from
                                               and (s.valid_to is null or s.valid_to > c.valid_from)), 0),
       source_committee_initiative = coalesce((select s.disputes from res_source s
                                                where s.generation = c.generation and s.unit_kind = c.unit_kind
                                                  and s.unit = c.unit and s.conclusion_month = c.conclusion_month
                                                  and s.source = 'COMMITTEE_INITIATIVE' and s.valid_from <= c.valid_from
                                                  and (s.valid_to is null or s.valid_to > c.valid_from)), 0),
       source_referred_by_police = coalesce((select s.disputes from res_source s
                                              where s.generation = c.generation and s.unit_kind = c.unit_kind
                                                and s.unit = c.unit and s.conclusion_month = c.conclusion_month
                                                and s.source = 'REFERRED_BY_POLICE' and s.valid_from <= c.valid_from
                                                and (s.valid_to is null or s.valid_to > c.valid_from)), 0),
       source_referred_by_court = coalesce((select s.disputes from res_source s
                                             where s.generation = c.generation and s.unit_kind = c.unit_kind
                                               and s.unit = c.unit and s.conclusion_month = c.conclusion_month
                                               and s.source = 'REFERRED_BY_COURT' and s.valid_from <= c.valid_from
                                               and (s.valid_to is null or s.valid_to > c.valid_from)), 0),
       source_referred_by_government = coalesce((select s.disputes from res_source s
                                                  where s.generation = c.generation and s.unit_kind = c.unit_kind
                                                    and s.unit = c.unit and s.conclusion_month = c.conclusion_month
                                                    and s.source = 'REFERRED_BY_GOVERNMENT'
                                                    and s.valid_from <= c.valid_from
                                                    and (s.valid_to is null or s.valid_to > c.valid_from)), 0);

alter table res_unit_month alter column source_party_application drop default;
alter table res_unit_month alter column source_committee_initiative drop default;
alter table res_unit_month alter column source_referred_by_police drop default;
alter table res_unit_month alter column source_referred_by_court drop default;
alter table res_unit_month alter column source_referred_by_government drop default;

-- The statistics' index holds every column they read (V44), the sources now among them.
drop index if exists ix_res_unit_month_city;
create index if not exists ix_res_unit_month_city
    on res_unit_month (generation, unit_kind, city_code, valid_to, conclusion_month, unit, valid_from, small_concluded,
                       small_resolved_in_compound, big_concluded, big_resolved_in_community, resolved, referred,
                       withdrawn, escalations, source_party_application, source_committee_initiative,
                       source_referred_by_police, source_referred_by_court, source_referred_by_government);

drop table if exists res_source;
