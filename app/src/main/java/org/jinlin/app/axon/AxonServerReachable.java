package org.jinlin.app.axon;

import io.axoniq.axonserver.connector.AxonServerConnection;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With the axonserver profile, Axon Server holds the events and routes every message: a node that cannot reach it
 * could take no command and answer no query. Axon's connector would keep retrying in the background while the node
 * looked healthy, so the start waits at most {@code axon.axonserver.connect-timeout} for the connection and
 * otherwise fails, naming the servers and context it tried.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class AxonServerReachable implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AxonServerReachable.class);

    private final AxonServerConnectionManager connections;
    private final AxonServerConfiguration configuration;

    public AxonServerReachable(AxonServerConnectionManager connections, AxonServerConfiguration configuration) {
        this.connections = connections;
        this.configuration = configuration;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        String context = connections.getDefaultContext();
        long timeout = configuration.getConnectTimeout();
        long deadline = System.nanoTime() + timeout * 1_000_000;
        AxonServerConnection connection = connections.getConnection(context);
        while (!connection.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (!connection.isConnected()) {
            connections.disconnect(context);
            throw new IllegalStateException(
                    "Axon Server is not reachable at " + configuration.getServers() + " (context '" + context
                    + "', TLS " + (configuration.isSslEnabled() ? "on" : "off") + ") within " + timeout + " ms. "
                    + "Check axon.axonserver.servers in axonserver.properties (or AXON_AXONSERVER_SERVERS), "
                    + "or start without the axonserver profile to use the embedded store.");
        }
        log.info("Connected to Axon Server at {} (context '{}')", configuration.getServers(), context);
    }
}
