-- The case lists ask for one status at a time (the open list is three such parts): this index finds a status's
-- current cases in list order (reported_at, dispute_id), so a page reads its own entries and stops.
drop index ix_case_dispute_queue;
create index ix_case_dispute_queue on case_dispute (generation, status, valid_to, reported_at, dispute_id);
