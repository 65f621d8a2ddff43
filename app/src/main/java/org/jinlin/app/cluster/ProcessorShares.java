package org.jinlin.app.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Spreads the event processors' segments over the nodes that run them. Left alone, the first node to start claims
 * every segment and the others stand by. Here each node writes a heartbeat per processor it runs
 * ({@code processing_node}), every node reads the same live nodes and computes the same assignment of every
 * (processor, segment) to one of them, evenly over all processors, and tells each of its pooled processors how many
 * segments it may hold. A processor holding more releases the surplus, and the node it is assigned to claims it. A
 * node that stops (or is killed) drops out once its heartbeat is older than the node timeout, and its segments
 * go to the others as soon as their claims expire.
 * <p>
 * Projections keep one segment each (their read models rely on the store's order), so the unit of spreading is
 * the projection: with two query nodes and five projections one node runs three of them and the other two.
 */
@Component
@ConditionalOnProperty(name = "jinlin.cluster.enabled", havingValue = "true")
public class ProcessorShares implements MaxSegmentProvider {

    private static final Logger log = LoggerFactory.getLogger(ProcessorShares.class);

    private final JdbcTemplate jdbc;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final TokenSchema tokens;
    private final ClusterProperties properties;
    private final String nodeId;
    /** Segments this node may hold per processor; null until the first heartbeat: no limit while alone. */
    private volatile Map<String, Integer> shares;
    private volatile boolean stopping;

    public ProcessorShares(JdbcTemplate jdbc, ObjectProvider<EventProcessingConfiguration> processing,
                           TokenSchema tokens, ClusterProperties properties,
                           @Value("${" + NodeIdDefault.PROPERTY + "}") String nodeId) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.tokens = tokens;
        this.properties = properties;
        this.nodeId = nodeId;
    }

    @Override
    public int getMaxSegments(String processorName) {
        Map<String, Integer> current = shares;
        if (current == null) {
            return Short.MAX_VALUE;
        }
        return current.getOrDefault(processorName, (int) Short.MAX_VALUE);
    }

    /** This node's share per processor, as last computed (empty before the first heartbeat). */
    public Map<String, Integer> shares() {
        Map<String, Integer> current = shares;
        return current == null ? Map.of() : Map.copyOf(current);
    }

    public String nodeId() {
        return nodeId;
    }

    @Scheduled(fixedDelayString = "${jinlin.cluster.heartbeat:PT2S}", initialDelay = 0)
    public void heartbeat() {
        if (stopping) {
            return;
        }
        try {
            Set<String> mine = myProcessors();
            OffsetDateTime now = jdbc.queryForObject("select current_timestamp", OffsetDateTime.class);
            for (String processor : mine) {
                int updated = jdbc.update("update processing_node set last_seen = ? where node_id = ? and processor_name = ?",
                                          now, nodeId, processor);
                if (updated == 0) {
                    jdbc.update("insert into processing_node (node_id, processor_name, last_seen) values (?, ?, ?)",
                                nodeId, processor, now);
                }
            }
            OffsetDateTime liveSince = now.minus(properties.nodeTimeout());
            jdbc.update("delete from processing_node where last_seen < ?", liveSince.minus(properties.nodeTimeout()));
            Map<String, TreeSet<String>> nodesPerProcessor = new TreeMap<>();
            jdbc.query("select node_id, processor_name from processing_node where last_seen >= ?",
                       rs -> {
                           nodesPerProcessor.computeIfAbsent(rs.getString(2), p -> new TreeSet<>()).add(rs.getString(1));
                       }, liveSince);
            Map<String, Integer> segments = new HashMap<>();
            jdbc.query("select " + tokens.processorNameColumn() + ", count(*) from " + tokens.tokenTable()
                       + " group by " + tokens.processorNameColumn(),
                       rs -> {
                           segments.put(rs.getString(1), rs.getInt(2));
                       });
            Map<String, Integer> computed = assign(nodesPerProcessor, segments, nodeId);
            for (String processor : mine) {
                computed.putIfAbsent(processor, 0);
            }
            if (!computed.equals(shares)) {
                log.info("Node {} now runs these segment counts per processor: {}", nodeId, new TreeMap<>(computed));
            }
            shares = computed;
        } catch (DataAccessException unavailable) {
            log.warn("Could not renew the heartbeat of node {}: {}", nodeId, unavailable.getClass().getSimpleName());
        }
    }

    /**
     * The same answer on every node for the same live nodes: every (processor, segment) in name order goes to the
     * live node running that processor that has the fewest segments so far (the first by name on a tie).
     */
    static Map<String, Integer> assign(Map<String, ? extends Set<String>> nodesPerProcessor,
                                       Map<String, Integer> segmentsPerProcessor, String me) {
        Map<String, Integer> load = new HashMap<>();
        Map<String, Integer> mine = new HashMap<>();
        for (Map.Entry<String, ? extends Set<String>> entry : new TreeMap<>(nodesPerProcessor).entrySet()) {
            String processor = entry.getKey();
            List<String> nodes = new ArrayList<>(new TreeSet<>(entry.getValue()));
            int segmentCount = Math.max(1, segmentsPerProcessor.getOrDefault(processor, 1));
            mine.put(processor, 0);
            for (int segment = 0; segment < segmentCount; segment++) {
                String chosen = nodes.get(0);
                for (String node : nodes) {
                    if (load.getOrDefault(node, 0) < load.getOrDefault(chosen, 0)) {
                        chosen = node;
                    }
                }
                load.merge(chosen, 1, Integer::sum);
                if (chosen.equals(me)) {
                    mine.merge(processor, 1, Integer::sum);
                }
            }
        }
        return mine;
    }

    /** A node that shuts down says so at once, so the others take over as soon as its claims are released. */
    @EventListener(ContextClosedEvent.class)
    public void leave() {
        stopping = true;
        try {
            jdbc.update("delete from processing_node where node_id = ?", nodeId);
        } catch (DataAccessException unavailable) {
            log.info("Node {} leaves without removing its heartbeat ({}); it expires by itself", nodeId,
                     unavailable.getClass().getSimpleName());
        }
    }

    private Set<String> myProcessors() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        Set<String> names = new TreeSet<>();
        if (configuration != null) {
            configuration.eventProcessors().forEach((name, processor) -> {
                if (processor instanceof PooledStreamingEventProcessor) {
                    names.add(name);
                }
            });
        }
        return names;
    }
}
