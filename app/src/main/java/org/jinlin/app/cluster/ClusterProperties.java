package org.jinlin.app.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Several nodes on one database ({@code jinlin.cluster.*}, on in the postgres profile).
 *
 * @param enabled     whether nodes announce themselves and share the event processors' segments
 * @param heartbeat   how often a node says it is alive and recomputes its share
 * @param nodeTimeout after how long without a heartbeat a node no longer counts; its segments go to the others
 */
@ConfigurationProperties("jinlin.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled,
                                @DefaultValue("2s") Duration heartbeat,
                                @DefaultValue("10s") Duration nodeTimeout) {
}
