package org.jinlin.kernel.audit;

/**
 * Names of the event store's table and columns (snake_case, created by Flyway). The storage engine writes them;
 * the auditor's views and the chain verifier read them directly, since they must see the bytes as stored.
 */
public final class EventStoreLayout {

    public static final String EVENT_TABLE = "domain_event_entry";
    public static final String SNAPSHOT_TABLE = "snapshot_event_entry";
    public static final String GLOBAL_INDEX = "global_index";
    public static final String EVENT_IDENTIFIER = "event_identifier";
    public static final String AGGREGATE_IDENTIFIER = "aggregate_identifier";
    public static final String SEQUENCE_NUMBER = "sequence_number";
    public static final String AGGREGATE_TYPE = "type";
    public static final String PAYLOAD_TYPE = "payload_type";
    public static final String PAYLOAD_REVISION = "payload_revision";
    public static final String PAYLOAD = "payload";
    public static final String META_DATA = "meta_data";
    public static final String TIMESTAMP = "time_stamp";

    private EventStoreLayout() {
    }
}
