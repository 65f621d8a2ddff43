-- The resolution statistics sum the counters valid at an instant over one unit kind, often of one city. Their
-- indexes led with the conclusion month, so without a month range the database walked every version of the unit
-- kind and read each row for its city and validity: at province scale 270 000 versions and 24 000 pages for the
-- 360 current rows of the counties. These indexes lead with the validity and hold every column the statistics
-- read, so the current versions of a unit kind (and city) are one range of the index and no row is read.
drop index ix_res_unit_month_query;
create index ix_res_unit_month_valid on res_unit_month (generation, unit_kind, valid_to, city_code, conclusion_month,
                                                        unit, valid_from, small_concluded, small_resolved_in_compound,
                                                        big_concluded, big_resolved_in_community, resolved, referred,
                                                        withdrawn, escalations);
drop index ix_res_days_query;
create index ix_res_days_valid on res_days (generation, unit_kind, valid_to, city_code, conclusion_month, unit, days,
                                            valid_from, disputes);
drop index ix_res_source_query;
create index ix_res_source_valid on res_source (generation, unit_kind, valid_to, city_code, conclusion_month, unit,
                                                source, valid_from, disputes);
