-- The overdue case list asks, per status, for the current cases whose clock (awaiting_since or assigned_at) began
-- before a cutoff. With both in the queue index the count and the page read the index alone: at province scale
-- the 30 000 cases in mediation were each read from the table (0.5 s per request).
drop index ix_case_dispute_queue;
create index ix_case_dispute_queue on case_dispute (generation, status, valid_to, reported_at, dispute_id,
                                                    valid_from, awaiting_since, assigned_at);
