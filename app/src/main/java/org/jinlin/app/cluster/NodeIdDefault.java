package org.jinlin.app.cluster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.lang.management.ManagementFactory;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every running instance of the service a name of its own, {@code jinlin.node-id} (or {@code JINLIN_NODE_ID}):
 * by default the process and host ({@code 4711@host}) with a random suffix, so that even two instances in one JVM
 * never mistake each other's claims on event-processor segments for their own. The name is fixed once per start, so
 * the token store and the node's heartbeats agree on it.
 */
public class NodeIdDefault implements EnvironmentPostProcessor {

    public static final String PROPERTY = "jinlin.node-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return;
        }
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        String id = ManagementFactory.getRuntimeMXBean().getName() + "/" + HexFormat.of().formatHex(suffix);
        environment.getPropertySources().addLast(new MapPropertySource("jinlinNodeId", Map.of(PROPERTY, id)));
    }
}
