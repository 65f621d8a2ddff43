package org.jinlin.query.ratio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * @param target             the share of communities per city that should have a full-time mediator (3 %)
 * @param priorityPopulation the resident population from which a community is a priority for a full-time
 *                           mediator (常住人口基数较大)
 */
@ConfigurationProperties("jinlin.mediator-ratio")
public record MediatorRatioProperties(@DefaultValue("0.03") BigDecimal target,
                                      @DefaultValue("10000") int priorityPopulation) {
}
