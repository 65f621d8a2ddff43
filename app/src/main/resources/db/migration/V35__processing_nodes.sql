-- Several nodes on one database (profile postgres). Each node that runs event processors says so here every few
-- seconds; every node sees the same live nodes and so computes the same share of processor segments for each,
-- and a node that stops answering is dropped from the share once its heartbeat is older than the node timeout.
create table processing_node (
    node_id        varchar(255)             not null,
    processor_name varchar(255)             not null,
    last_seen      timestamp with time zone not null,
    constraint pk_processing_node primary key (node_id, processor_name)
);
create index ix_processing_node_seen on processing_node (last_seen);

-- A rebuild asked for on a node that does not hold the projection's segments: the node holding them carries it out.
create table projection_replay_request (
    projection   varchar(100)             not null primary key,
    requested_at timestamp with time zone not null,
    requested_by varchar(255)             not null
);
