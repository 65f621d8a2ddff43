package org.jinlin.query.caseview;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When a case is overdue (逾期): it has awaited a mediator longer than {@code unassignedAfter} since it was reported
 * (or escalated), or has been with its mediator longer than {@code unresolvedAfter} without an outcome.
 */
@ConfigurationProperties("jinlin.disputes.overdue")
public record OverdueProperties(@DefaultValue("3d") Duration unassignedAfter,
                                @DefaultValue("30d") Duration unresolvedAfter) {
}
