-- As of an instant, the resolution statistics of one city read the versions that ended after that instant; with
-- the validity ahead of the city in the index those were the versions of the whole province (19 800 for the
-- communities of one city at province scale, of which 966 were the city's). With the city ahead of the validity,
-- a city's current versions and its ended ones are each one range; the statistics of the whole province read the
-- ten city-level units' ranges (their city codes are a closed list: every community is in one of them).
drop index ix_res_unit_month_valid;
create index ix_res_unit_month_city on res_unit_month (generation, unit_kind, city_code, valid_to, conclusion_month,
                                                       unit, valid_from, small_concluded, small_resolved_in_compound,
                                                       big_concluded, big_resolved_in_community, resolved, referred,
                                                       withdrawn, escalations);
drop index ix_res_days_valid;
create index ix_res_days_city on res_days (generation, unit_kind, city_code, valid_to, conclusion_month, unit, days,
                                           valid_from, disputes);
drop index ix_res_source_valid;
create index ix_res_source_city on res_source (generation, unit_kind, city_code, valid_to, conclusion_month, unit,
                                               source, valid_from, disputes);
