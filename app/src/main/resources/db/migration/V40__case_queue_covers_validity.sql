-- A case list as of an earlier instant asks for the versions of a status that began by then and are still current
-- or ended after it, in two index ranges; with valid_from in the index, both are answered from the index alone.
drop index ix_case_dispute_queue;
create index ix_case_dispute_queue on case_dispute (generation, status, valid_to, reported_at, dispute_id,
                                                    valid_from);
