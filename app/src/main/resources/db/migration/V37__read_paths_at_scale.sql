-- The mediator ratios read every city's current row. ratio_city gains a version with every community and
-- appointment event, so finding the ten current rows walked all those versions (p50 54 ms at 10 % province
-- scale); this index leads to them (16 ms; bench/RESULTS.md, province section).
create index ix_ratio_city_now on ratio_city (generation, valid_to, city_code);
