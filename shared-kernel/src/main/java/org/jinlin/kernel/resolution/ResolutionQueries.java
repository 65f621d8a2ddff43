package org.jinlin.kernel.resolution;

import org.jinlin.kernel.Check;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.dispute.Source;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * 小事不出小区、大事不出社区: how many disputes were concluded per unit and month of conclusion, how many of them where
 * they arose, and how long they took.
 */
public final class ResolutionQueries {

    private ResolutionQueries() {
    }

    /** The unit the statistics are grouped by, from the nearest to the farthest. */
    public enum Grouping {
        COMPOUND, COMMUNITY, COUNTY, CITY
    }

    /**
     * One row per unit with something counted in the months {@code from} to {@code to} (both inclusive; either may
     * be open), in unit order; only the units of one city-level unit when {@code cityCode} is given; as of an
     * instant if given.
     */
    public record FindResolutionStats(Grouping groupBy, YearMonth from, YearMonth to, String cityCode, Instant asOf) {

        /** The query from the request's text parameters, every one at fault named in one refusal. */
        public static FindResolutionStats of(String groupBy, String from, String to, String cityCode, Instant asOf) {
            Check check = Check.fields();
            Grouping grouping = null;
            if (groupBy == null || groupBy.isBlank()) {
                check.fail("groupBy", "is required: city, county, community or compound");
            } else {
                try {
                    grouping = Grouping.valueOf(groupBy.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    check.fail("groupBy", "must be city, county, community or compound");
                }
            }
            YearMonth first = month(check, "from", from);
            YearMonth last = month(check, "to", to);
            if (first != null && last != null) {
                check.that(!first.isAfter(last), "from", "must not be after to (" + from + " > " + to + ")");
            }
            String city = cityCode == null || cityCode.isBlank() ? null : cityCode.trim();
            if (city != null) {
                check.valid(() -> Divisions.requireCityCode("cityCode", city));
            }
            check.orThrow();
            return new FindResolutionStats(grouping, first, last, city, asOf);
        }

        private static YearMonth month(Check check, String field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                if (text.trim().matches("\\d{4}-\\d{2}")) {
                    return YearMonth.parse(text.trim());
                }
            } catch (DateTimeParseException e) {
                // reported below like any other malformed month
            }
            check.fail(field, "must be a month written YYYY-MM, such as 2024-03");
            return null;
        }
    }

    /**
     * What one unit concluded in the months asked for. "Concluded" means resolved or referred out; withdrawn disputes
     * are counted apart and left out of the rates. A rate is null when nothing of its scale was concluded, and the
     * median is null when nothing was resolved. {@code bySource} counts the disputes counted here (resolved,
     * referred or withdrawn) by how they came in, every source named.
     */
    public record ResolutionStats(String unit, String unitName, long smallConcluded, long smallResolvedInCompound,
                                  Double smallInCompoundRate, long bigConcluded, long bigResolvedInCommunity,
                                  Double bigInCommunityRate, long resolved, long referred, long withdrawn,
                                  long escalations, Double medianDaysToResolve, Map<Source, Long> bySource) {
    }
}
