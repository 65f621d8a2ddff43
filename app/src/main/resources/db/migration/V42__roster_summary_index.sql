-- The roster summary reads every count of one level valid at an instant. Through ix_roster_count_level it then read
-- each count's row from the table, where the current rows lie scattered among every earlier version: at province
-- scale the community level (15 000 units, about 45 000 counts) loaded most of the table's pages on every request,
-- and the pages it pushed out of H2's cache became the garbage behind 100 ms collector pauses. This index holds every
-- column the summary reads, so the summary reads the index alone, current or as of an instant.
drop index ix_roster_count_level;
create index ix_roster_count_summary on roster_count (generation, unit_level, valid_to, unit_code, category, valid_from,
                                                      households, persons);
