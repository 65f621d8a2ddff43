-- The current version of a read-model row is found by its key and "valid_to is null". The primary keys
-- (generation, key…, valid_from) find the key but then walk every version it ever had, and the counters
-- (per city, county, community, month, category, days, source) gain a version with every event that moves
-- them: the walk grew with the history, and it ran for the select of the current version and again for the
-- update that closes it. These indexes lead to the one current version directly (H2 and PostgreSQL both use
-- an index for "is null").

create index ix_res_unit_month_current on res_unit_month (generation, unit_kind, unit, conclusion_month, valid_to);
create index ix_res_days_current on res_days (generation, unit_kind, unit, conclusion_month, days, valid_to);
create index ix_res_source_current on res_source (generation, unit_kind, unit, conclusion_month, source, valid_to);
create index ix_roster_count_current on roster_count (generation, unit_level, unit_code, category, valid_to);
create index ix_ratio_city_current on ratio_city (generation, city_code, valid_to);
