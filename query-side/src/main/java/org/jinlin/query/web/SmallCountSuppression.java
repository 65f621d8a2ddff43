package org.jinlin.query.web;

import org.jinlin.kernel.roster.RosterQueries.RosterSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statistics that would single out fewer than {@code jinlin.privacy.suppress-below} persons (5 by default) in a
 * unit show to policy analysts as "&lt;5" instead of the number: a count of 1 in a small village names a person.
 * Zero stays zero; nobody is singled out by it.
 */
@Component
public class SmallCountSuppression {

    private final long threshold;

    public SmallCountSuppression(@Value("${jinlin.privacy.suppress-below:5}") long threshold) {
        this.threshold = threshold;
    }

    /** A count as an analyst sees it: the number, or "&lt;5". */
    public Object count(long value) {
        return value > 0 && value < threshold ? "<" + threshold : value;
    }

    /** A summary row as an analyst sees it. */
    public record SuppressedSummary(String unit, String unitName, Object households, Object persons,
                                    Map<String, Object> byCategory, Map<String, Object> householdsByCategory) {
    }

    public SuppressedSummary apply(RosterSummary row) {
        return new SuppressedSummary(row.unit(), row.unitName(), count(row.households()), count(row.persons()),
                                     counts(row.byCategory()), counts(row.householdsByCategory()));
    }

    private Map<String, Object> counts(Map<String, Long> values) {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((key, value) -> shown.put(key, count(value)));
        return shown;
    }
}
