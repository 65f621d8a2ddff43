package org.jinlin.app.pages;

import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.Check;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.household.HouseholdCategory;
import org.jinlin.kernel.household.MemberCategory;
import org.jinlin.kernel.ratio.MediatorRatioQueries.FindMediatorRatios;
import org.jinlin.kernel.ratio.MediatorRatioQueries.MediatorRatio;
import org.jinlin.kernel.resolution.ResolutionQueries.FindResolutionStats;
import org.jinlin.kernel.resolution.ResolutionQueries.Grouping;
import org.jinlin.kernel.resolution.ResolutionQueries.ResolutionStats;
import org.jinlin.kernel.roster.RosterQueries.FindRosterSummary;
import org.jinlin.kernel.roster.RosterQueries.RosterSummary;
import org.jinlin.query.web.Queries;
import org.jinlin.query.web.SmallCountSuppression;
import org.jinlin.query.web.Viewer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the analyst's dashboard shows, read through the same queries as {@code /api/stats/**} and
 * {@code /api/rosters/**}: the page and its CSV downloads are built from this one answer, so a download holds
 * exactly what the page shows.
 */
@Component
class Dashboard {

    /** The default span of the monthly series: the twelve months up to the as-of date. */
    static final int MONTHS = 12;
    /** A longer span is refused: each month is one query. */
    static final int MAX_MONTHS = 36;

    private final Queries queries;
    private final Viewer viewer;
    private final SmallCountSuppression suppression;
    private final Clock clock;

    Dashboard(Queries queries, Viewer viewer, SmallCountSuppression suppression, Clock clock) {
        this.queries = queries;
        this.viewer = viewer;
        this.suppression = suppression;
        this.clock = clock;
    }

    /**
     * The filters: a city-level unit (all of them when null), the date the figures stand as of (the end of that
     * day in China Standard Time; today when null), and the months of conclusion.
     */
    record Filters(String cityCode, LocalDate asOfDate, Instant asOf, YearMonth from, YearMonth to) {

        String query() {
            StringBuilder text = new StringBuilder("?asOf=").append(asOfDate).append("&from=").append(from)
                                                            .append("&to=").append(to);
            if (cityCode != null) {
                text.append("&cityCode=").append(cityCode);
            }
            return text.toString();
        }
    }

    Filters filters(String cityCode, String asOfDate, String from, String to) {
        Check check = Check.fields();
        String city = Forms.blankToNull(cityCode);
        if (city != null) {
            check.valid(() -> Divisions.requireCityCode("cityCode", city));
        }
        LocalDate date = LocalDate.ofInstant(clock.instant(), AsOf.CHINA);
        if (Forms.blankToNull(asOfDate) != null) {
            try {
                date = LocalDate.parse(asOfDate.trim());
            } catch (DateTimeParseException e) {
                check.fail("asOf", "must be a date written yyyy-MM-dd, such as 2024-06-30");
            }
        }
        YearMonth last = month(check, "to", to, YearMonth.from(date));
        YearMonth first = month(check, "from", from, last.minusMonths(MONTHS - 1));
        check.that(!first.isAfter(last), "from", "must not be after to (" + first + " > " + last + ")")
             .that(first.plusMonths(MAX_MONTHS).isAfter(last), "from",
                   "the dashboard shows at most " + MAX_MONTHS + " months at a time")
             .orThrow();
        return new Filters(city, date, AsOf.parse(date.toString()), first, last);
    }

    private static YearMonth month(Check check, String field, String text, YearMonth otherwise) {
        if (Forms.blankToNull(text) == null) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            check.fail(field, "must be a month written yyyy-MM, such as 2024-03");
            return otherwise;
        }
    }

    /** The mediator ratio per city-level unit, as of the date; only the chosen unit when one is chosen. */
    List<MediatorRatio> ratios(Filters filters) {
        return queries.list(new FindMediatorRatios(filters.asOf()), MediatorRatio.class).stream()
                      .filter(row -> filters.cityCode() == null || row.cityCode().equals(filters.cityCode()))
                      .toList();
    }

    /** "小事不出小区、大事不出社区" per city, or per county of the chosen city, over the months. */
    List<ResolutionStats> resolutionByUnit(Filters filters) {
        Grouping grouping = filters.cityCode() == null ? Grouping.CITY : Grouping.COUNTY;
        return queries.list(new FindResolutionStats(grouping, filters.from(), filters.to(), filters.cityCode(),
                                                    filters.asOf()), ResolutionStats.class);
    }

    /** One month of conclusions over the units shown. */
    record Month(YearMonth month, long smallConcluded, long smallResolvedInCompound, long bigConcluded,
                 long bigResolvedInCommunity) {

        public Double smallInCompoundRate() {
            return smallConcluded == 0 ? null : (double) smallResolvedInCompound / smallConcluded;
        }

        public Double bigInCommunityRate() {
            return bigConcluded == 0 ? null : (double) bigResolvedInCommunity / bigConcluded;
        }
    }

    /** The two rates month by month, for the chosen unit or the whole province. */
    List<Month> resolutionByMonth(Filters filters) {
        List<Month> months = new ArrayList<>();
        for (YearMonth m = filters.from(); !m.isAfter(filters.to()); m = m.plusMonths(1)) {
            List<ResolutionStats> rows = queries.list(new FindResolutionStats(Grouping.CITY, m, m, filters.cityCode(),
                                                                              filters.asOf()), ResolutionStats.class);
            months.add(new Month(m, rows.stream().mapToLong(ResolutionStats::smallConcluded).sum(),
                                 rows.stream().mapToLong(ResolutionStats::smallResolvedInCompound).sum(),
                                 rows.stream().mapToLong(ResolutionStats::bigConcluded).sum(),
                                 rows.stream().mapToLong(ResolutionStats::bigResolvedInCommunity).sum()));
        }
        return months;
    }

    /**
     * Persons and households on the low-income roster per category, for the chosen unit or the whole province; a
     * reader who may not see personal data reads small counts as "&lt;5", as from the API.
     */
    record CategoryCount(String category, Object persons, Object households) {
    }

    List<CategoryCount> roster(Filters filters) {
        List<RosterSummary> rows = queries.list(new FindRosterSummary("city", filters.asOf()), RosterSummary.class)
                                          .stream()
                                          .filter(row -> filters.cityCode() == null
                                                         || row.unit().equals(filters.cityCode()))
                                          .toList();
        boolean full = viewer.seesPersonalData();
        return Stream.concat(Stream.of(HouseholdCategory.values()).map(Enum::name),
                             Stream.of(MemberCategory.values()).map(Enum::name))
                     .map(category -> {
                         long persons = rows.stream().mapToLong(r -> r.byCategory().getOrDefault(category, 0L)).sum();
                         long households = rows.stream()
                                               .mapToLong(r -> r.householdsByCategory().getOrDefault(category, 0L))
                                               .sum();
                         return new CategoryCount(category, full ? persons : suppression.count(persons),
                                                  full ? households : suppression.count(households));
                     })
                     .toList();
    }
}
