package org.jinlin.bench;

import java.util.Map;

/**
 * One step of a workload, in both shapes it can be sent: as an HTTP request by a named user, and as the command
 * with the metadata the service would stamp on it. Reads have no command.
 *
 * @param kind        a short label for the report, e.g. {@code report-dispute}
 * @param user        the user name the HTTP request authenticates as
 * @param method      HTTP method
 * @param path        HTTP path
 * @param body        JSON body as a map, or null
 * @param command     the command for the in-process gateway, or null for a read
 * @param metaData    metadata for the in-process gateway: actor, role, mediatorId
 * @param aggregateId the aggregate the write targets, or null for a read
 */
record Op(String kind, String user, String method, String path, Map<String, Object> body, Object command,
          Map<String, Object> metaData, String aggregateId) {

    boolean isRead() {
        return command == null;
    }
}
