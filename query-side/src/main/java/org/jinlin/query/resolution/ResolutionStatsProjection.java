package org.jinlin.query.resolution;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.CompoundAdded;
import org.jinlin.kernel.dispute.DisputeEscalated;
import org.jinlin.kernel.dispute.DisputeReclassified;
import org.jinlin.kernel.dispute.DisputeReferredOut;
import org.jinlin.kernel.dispute.DisputeReopened;
import org.jinlin.kernel.dispute.DisputeReported;
import org.jinlin.kernel.dispute.DisputeResolved;
import org.jinlin.kernel.dispute.DisputeWithdrawn;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.division.Division;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.resolution.ResolutionQueries.FindResolutionStats;
import org.jinlin.kernel.resolution.ResolutionQueries.Grouping;
import org.jinlin.kernel.resolution.ResolutionQueries.ResolutionStats;
import org.jinlin.query.readmodel.GenerationalProjection;
import org.jinlin.query.readmodel.Generations;
import org.jinlin.query.readmodel.TemporalTable;
import org.jinlin.query.readmodel.TemporalTable.Condition;
import org.jinlin.query.readmodel.TemporalTable.Version;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * 矛盾纠纷调处统计 (read model 3), measuring the policy's "小事不出小区、大事不出社区": per compound, community, county and
 * city, and per month of conclusion, the small disputes concluded and how many of them were resolved in the compound,
 * the big ones concluded and how many were resolved within the community (compound or community level), the
 * resolved, referred and withdrawn counts, the escalations, the median days from report to resolution, and the
 * disputes per case source.
 * <p>
 * The rules, in the words of DOMAIN.md:
 * <ul>
 *   <li>a dispute counts in the units of the community and compound where it was reported, whatever level it
 *       climbed to; a dispute reported without a compound counts in no compound;</li>
 *   <li>"concluded" means resolved or referred out; withdrawn disputes are counted apart and left out of the
 *       rates;</li>
 *   <li>the month of a resolution and the days to resolve come from the business dates ({@code reportedAt},
 *       {@code resolvedAt}, as dates in China Standard Time); a referral or a withdrawal is counted in the month of
 *       its event;</li>
 *   <li>a reopened dispute leaves the counts until it concludes again, then counts once, at its new outcome; a
 *       reclassified dispute counts in its final scale; an escalated dispute counts at the level where it was
 *       resolved;</li>
 *   <li>the escalations of a dispute are counted with its outcome (in the month it concluded or was withdrawn), so
 *       a reopened dispute takes them out and back in with everything else.</li>
 * </ul>
 * Kept incrementally: a row per dispute holds what it currently contributes, and every event moves the counters of
 * its units by the difference of that contribution before and after. The median cannot be a counter, so each unit
 * and month keeps how many disputes took each number of days; the median is read from those few rows. Every table
 * keeps its versions, so the answer as of an instant costs what the current one does.
 */
@Component
@ProcessingGroup(ResolutionStatsProjection.PROCESSING_GROUP)
public class ResolutionStatsProjection extends GenerationalProjection {

    public static final String PROCESSING_GROUP = "resolution-stats";

    /**
     * The counter columns of {@code res_unit_month}, in the order of the arrays that carry them: the outcomes, then
     * the disputes per case source, one column per {@link Source} in declaration order (V45: a source's count changes
     * only with the outcome counters, so one row version carries both).
     */
    private static final List<String> COUNTERS = counterColumns();
    private static final int SMALL_CONCLUDED = 0;
    private static final int SMALL_IN_COMPOUND = 1;
    private static final int BIG_CONCLUDED = 2;
    private static final int BIG_IN_COMMUNITY = 3;
    private static final int RESOLVED = 4;
    private static final int REFERRED = 5;
    private static final int WITHDRAWN = 6;
    private static final int ESCALATIONS = 7;
    private static final int FIRST_SOURCE = 8;
    private static final String DAYS = "days";

    private enum Outcome {
        RESOLVED, REFERRED, WITHDRAWN
    }

    /** A dispute as the statistics need it; {@code outcome} is null while it counts nowhere (open or reopened). */
    private record DisputeRow(String communityCode, String compoundId, Scale scale, Source source,
                              Instant reportedAt, int escalations, Outcome outcome, String month,
                              Level resolvedLevel, Integer days) {

        Object[] values() {
            return new Object[]{communityCode, compoundId, scale.name(), source.name(),
                                TemporalTable.timestamp(reportedAt), escalations,
                                outcome == null ? null : outcome.name(), month,
                                resolvedLevel == null ? null : resolvedLevel.name(), days};
        }

        DisputeRow withScale(Scale newScale) {
            return new DisputeRow(communityCode, compoundId, newScale, source, reportedAt, escalations, outcome, month,
                                  resolvedLevel, days);
        }

        DisputeRow escalated() {
            return new DisputeRow(communityCode, compoundId, scale, source, reportedAt, escalations + 1, outcome,
                                  month, resolvedLevel, days);
        }

        DisputeRow concluded(Outcome newOutcome, String newMonth, Level level, Integer newDays) {
            return new DisputeRow(communityCode, compoundId, scale, source, reportedAt, escalations, newOutcome,
                                  newMonth, level, newDays);
        }
    }

    /** A unit in a month: the row of counters a dispute's outcome is added to. */
    private record UnitMonth(Grouping kind, String unit, String month, String cityCode) {

        Object[] key() {
            return new Object[]{kind.name(), unit, month};
        }
    }

    /** One number a dispute adds to: a counter (a source's among them), or the count of a days value. */
    private record Cell(UnitMonth unitMonth, String measure, String detail) {
    }

    private static final RowMapper<DisputeRow> DISPUTE = (rs, n) -> new DisputeRow(
            rs.getString("community_code"), rs.getString("compound_id"), Scale.valueOf(rs.getString("scale")),
            Source.valueOf(rs.getString("source")), TemporalTable.instant(rs, "reported_at"), rs.getInt("escalations"),
            rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
            rs.getString("outcome_month"),
            rs.getString("resolved_level") == null ? null : Level.valueOf(rs.getString("resolved_level")),
            rs.getObject("days_to_resolve", Integer.class));
    private static final RowMapper<long[]> COUNTER_ROW = (rs, n) -> {
        long[] counts = new long[COUNTERS.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = rs.getLong(COUNTERS.get(i));
        }
        return counts;
    };
    private static final RowMapper<Long> DISPUTES = (rs, n) -> rs.getLong("disputes");
    private static final RowMapper<String> NAME = (rs, n) -> rs.getString("name");

    private final TemporalTable disputes;
    private final TemporalTable counters;
    private final TemporalTable days;
    private final TemporalTable names;

    public ResolutionStatsProjection(JdbcTemplate jdbc, Generations generations) {
        super(jdbc, generations);
        disputes = new TemporalTable(jdbc, "res_dispute", List.of("dispute_id"),
                                     List.of("community_code", "compound_id", "scale", "source", "reported_at",
                                             "escalations", "outcome", "outcome_month", "resolved_level",
                                             "days_to_resolve"));
        List<String> counterColumns = new ArrayList<>(List.of("city_code"));
        counterColumns.addAll(COUNTERS);
        counters = new TemporalTable(jdbc, "res_unit_month", List.of("unit_kind", "unit", "conclusion_month"),
                                     counterColumns);
        days = new TemporalTable(jdbc, "res_days", List.of("unit_kind", "unit", "conclusion_month", "days"),
                                 List.of("city_code", "disputes"));
        names = new TemporalTable(jdbc, "res_unit_name", List.of("unit_kind", "unit"), List.of("name"));
    }

    @Override
    public String name() {
        return PROCESSING_GROUP;
    }

    @Override
    protected List<String> tables() {
        return List.of("res_dispute", "res_unit_month", "res_days", "res_unit_name");
    }

    @EventHandler
    void on(CommunityRegistered event, @Timestamp Instant at) {
        name(Grouping.COMMUNITY, event.code(), event.name(), at);
    }

    @EventHandler
    void on(CompoundAdded event, @Timestamp Instant at) {
        String community = names.current(writing(), NAME, Grouping.COMMUNITY.name(), event.code())
                                .map(Version::row).orElse("");
        // Compound names repeat from one community to the next (幸福小区), so the community's name goes first.
        name(Grouping.COMPOUND, compoundUnit(event.code(), event.compoundId()), community + event.name(), at);
    }

    @EventHandler
    void on(DisputeReported event, @Timestamp Instant at) {
        int generation = writing();
        record(generation, at, event.disputeId(), disputes.current(generation, DISPUTE, event.disputeId()),
               new DisputeRow(event.communityCode(), event.compoundId(), event.scale(), event.source(),
                              event.reportedAt(), 0, null, null, null, null));
    }

    @EventHandler
    void on(DisputeReclassified event, @Timestamp Instant at) {
        changeDispute(event.disputeId(), at, d -> d.withScale(event.scale()));
    }

    @EventHandler
    void on(DisputeEscalated event, @Timestamp Instant at) {
        changeDispute(event.disputeId(), at, DisputeRow::escalated);
    }

    @EventHandler
    void on(DisputeResolved event, @Timestamp Instant at) {
        changeDispute(event.disputeId(), at, d -> d.concluded(
                Outcome.RESOLVED, month(event.resolvedAt()), event.level(),
                (int) ChronoUnit.DAYS.between(LocalDate.ofInstant(d.reportedAt(), AsOf.CHINA),
                                              LocalDate.ofInstant(event.resolvedAt(), AsOf.CHINA))));
    }

    @EventHandler
    void on(DisputeReferredOut event, @Timestamp Instant at) {
        changeDispute(event.disputeId(), at, d -> d.concluded(Outcome.REFERRED, month(at), null, null));
    }

    @EventHandler
    void on(DisputeWithdrawn event, @Timestamp Instant at) {
        changeDispute(event.disputeId(), at, d -> d.concluded(Outcome.WITHDRAWN, month(at), null, null));
    }

    @EventHandler
    void on(DisputeReopened event, @Timestamp Instant at) {
        changeDispute(event.disputeId(), at, d -> d.concluded(null, null, null, null));
    }

    @QueryHandler
    public List<ResolutionStats> handle(FindResolutionStats query) {
        int generation = reading();
        String columns = ", c." + String.join(", c.", COUNTERS);
        // The versions are summed per unit here, not by GROUP BY: H2 groups through a sorted map of the group keys and
        // a hash lookup per aggregate and row, which was most of the time of a city's communities as of an instant
        // (about 10 000 versions into 1 100 units at province scale).
        Map<String, long[]> totals = new HashMap<>();
        Map<String, TreeMap<Integer, Long>> daysByUnit = new HashMap<>();
        for (Part part : parts(generation, query)) {
            jdbc.query("select c.unit" + columns + " from res_unit_month c where " + part.where(),
                       rs -> {
                           long[] counts = totals.computeIfAbsent(rs.getString(1), u -> new long[COUNTERS.size()]);
                           for (int i = 0; i < counts.length; i++) {
                               counts[i] += rs.getLong(2 + i);
                           }
                       },
                       part.args().toArray());
            jdbc.query("select c.unit, c.days, c.disputes from res_days c where " + part.where(),
                       rs -> {
                           daysByUnit.computeIfAbsent(rs.getString(1), u -> new TreeMap<>())
                                     .merge(rs.getInt(2), rs.getLong(3), Long::sum);
                       },
                       part.args().toArray());
        }
        Map<String, String> unitNames = registeredNames(generation, query);

        List<ResolutionStats> answer = new ArrayList<>();
        new TreeMap<>(totals).forEach((unit, t) -> answer.add(new ResolutionStats(
                unit, unitName(query.groupBy(), unit, unitNames.get(unit)),
                t[SMALL_CONCLUDED], t[SMALL_IN_COMPOUND], rate(t[SMALL_IN_COMPOUND], t[SMALL_CONCLUDED]),
                t[BIG_CONCLUDED], t[BIG_IN_COMMUNITY], rate(t[BIG_IN_COMMUNITY], t[BIG_CONCLUDED]),
                t[RESOLVED], t[REFERRED], t[WITHDRAWN], t[ESCALATIONS], median(daysByUnit.get(unit)), sources(t))));
        return answer;
    }

    /**
     * The names registered for the communities or compounds of the query's city (or of the province) at its instant,
     * in one statement over the codes that begin with the city's (Fuzhou's include Pingtan's, named but not asked
     * for). Cities and counties are named from the division list (unitName) and read none. The city's codes are
     * asked for as a range of the names' key: PostgreSQL reads {@code LIKE 'prefix%'} through the index only under
     * the "C" collation, and under the others (C.UTF-8 included) scanned every name in the table for one city's
     * 1 500 (bench/RESULTS.md, eleventh session).
     */
    private Map<String, String> registeredNames(int generation, FindResolutionStats query) {
        Map<String, String> unitNames = new HashMap<>();
        if (query.groupBy() != Grouping.COMMUNITY && query.groupBy() != Grouping.COMPOUND) {
            return unitNames;
        }
        Condition valid = TemporalTable.validAt("n", generation, query.asOf());
        String sql = "select n.unit, n.name from res_unit_name n where " + valid.sql() + " and n.unit_kind = ?";
        Object[] args;
        if (query.cityCode() == null) {
            args = valid.argsWith(query.groupBy().name());
        } else {
            String prefix = Divisions.communityCodePrefix(query.cityCode());
            sql += " and n.unit >= ? and n.unit < ?";
            args = valid.argsWith(query.groupBy().name(), prefix, Divisions.codeAfterPrefix(prefix));
        }
        jdbc.query(sql, rs -> {
            unitNames.put(rs.getString(1), rs.getString(2));
        }, args);
        return unitNames;
    }

    /** One statement's share of the statistics: its condition on the counters (alias c) and the arguments. */
    private record Part(String where, List<Object> args) {
    }

    /**
     * The parts the statistics are summed from, each one range of the statistics' indexes (V44, V45: unit kind,
     * city, validity, then months, and every column read): per city, the versions valid at the instant: the current
     * ones, and as of an earlier instant also those that ended after it (TemporalTable.validAtInRanges). A
     * version is in one part only, so the parts' sums add up. Without a city the province is its ten city-level
     * units, which every community belongs to (Divisions.requireCommunityCode).
     */
    private static List<Part> parts(int generation, FindResolutionStats query) {
        List<String> cities = query.cityCode() != null ? List.of(query.cityCode())
                : Divisions.cities().stream().map(Division::code).toList();
        List<Part> parts = new ArrayList<>();
        for (Condition valid : TemporalTable.validAtInRanges("c", generation, query.asOf())) {
            for (String city : cities) {
                StringBuilder sql = new StringBuilder(valid.sql()).append(" and c.unit_kind = ? and c.city_code = ?");
                List<Object> args = new ArrayList<>(valid.args());
                args.add(query.groupBy().name());
                args.add(city);
                if (query.from() != null) {
                    sql.append(" and c.conclusion_month >= ?");
                    args.add(query.from().toString());
                }
                if (query.to() != null) {
                    sql.append(" and c.conclusion_month <= ?");
                    args.add(query.to().toString());
                }
                parts.add(new Part(sql.toString(), args));
            }
        }
        return parts;
    }

    private static String unitName(Grouping grouping, String unit, String registered) {
        if (grouping == Grouping.COUNTY || grouping == Grouping.CITY) {
            return Divisions.nameOf(unit);
        }
        return registered == null ? unit : registered;
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** The median of a multiset of day counts; with an even number of values, the mean of the middle two. */
    static Double median(TreeMap<Integer, Long> counts) {
        if (counts == null) {
            return null;
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long lower = (total - 1) / 2;
        long upper = total / 2;
        Integer lowerValue = null;
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            long next = seen + entry.getValue();
            if (lowerValue == null && lower < next) {
                lowerValue = entry.getKey();
            }
            if (upper < next) {
                return (lowerValue + entry.getKey()) / 2.0;
            }
            seen = next;
        }
        throw new IllegalStateException("median beyond " + total + " values");
    }

    private static List<String> counterColumns() {
        List<String> columns = new ArrayList<>(List.of("small_concluded", "small_resolved_in_compound",
                                                       "big_concluded", "big_resolved_in_community", "resolved",
                                                       "referred", "withdrawn", "escalations"));
        for (Source source : Source.values()) {
            columns.add(sourceColumn(source));
        }
        return List.copyOf(columns);
    }

    private static String sourceColumn(Source source) {
        return "source_" + source.name().toLowerCase(Locale.ROOT);
    }

    /** The disputes per case source among a unit's summed counters, every source present. */
    private static Map<Source, Long> sources(long[] totals) {
        Map<Source, Long> all = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            all.put(source, totals[FIRST_SOURCE + source.ordinal()]);
        }
        return all;
    }

    private void name(Grouping kind, String unit, String name, Instant at) {
        int generation = writing();
        Optional<Version<String>> previous = names.current(generation, NAME, kind.name(), unit);
        names.put(generation, at, previous, new Object[]{kind.name(), unit}, name);
    }

    /** Applies a change to one dispute and moves the counters by the change in what it contributes. */
    private void changeDispute(String disputeId, Instant at, UnaryOperator<DisputeRow> change) {
        int generation = writing();
        Optional<Version<DisputeRow>> previous = disputes.current(generation, DISPUTE, disputeId);
        previous.ifPresent(p -> record(generation, at, disputeId, previous, change.apply(p.row())));
    }

    private void record(int generation, Instant at, String disputeId, Optional<Version<DisputeRow>> previous,
                        DisputeRow after) {
        DisputeRow before = previous.map(Version::row).orElse(null);
        disputes.put(generation, at, previous, new Object[]{disputeId}, after.values());

        Map<Cell, Long> delta = new HashMap<>(contribution(after));
        contribution(before).forEach((cell, count) -> delta.merge(cell, -count, Long::sum));
        delta.values().removeIf(count -> count == 0);

        Map<UnitMonth, long[]> counterDeltas = new LinkedHashMap<>();
        delta.forEach((cell, count) -> {
            if (cell.measure().equals(DAYS)) {
                moveDays(generation, at, cell, count);
            } else {
                counterDeltas.computeIfAbsent(cell.unitMonth(), u -> new long[COUNTERS.size()])
                        [COUNTERS.indexOf(cell.measure())] += count;
            }
        });
        counterDeltas.forEach((unitMonth, moved) -> moveCounters(generation, at, unitMonth, moved));
    }

    /** Everything one dispute adds to the statistics, in every unit it counts in. */
    private static Map<Cell, Long> contribution(DisputeRow dispute) {
        if (dispute == null || dispute.outcome() == null) {
            return Map.of();
        }
        Map<Cell, Long> cells = new HashMap<>();
        for (UnitMonth unitMonth : unitsOf(dispute)) {
            boolean small = dispute.scale() == Scale.SMALL;
            if (dispute.outcome() == Outcome.RESOLVED) {
                add(cells, unitMonth, COUNTERS.get(RESOLVED));
                add(cells, unitMonth, COUNTERS.get(small ? SMALL_CONCLUDED : BIG_CONCLUDED));
                if (small && dispute.resolvedLevel() == Level.COMPOUND) {
                    add(cells, unitMonth, COUNTERS.get(SMALL_IN_COMPOUND));
                }
                if (!small && dispute.resolvedLevel().isWithinCommunity()) {
                    add(cells, unitMonth, COUNTERS.get(BIG_IN_COMMUNITY));
                }
                cells.merge(new Cell(unitMonth, DAYS, Integer.toString(dispute.days())), 1L, Long::sum);
            } else if (dispute.outcome() == Outcome.REFERRED) {
                add(cells, unitMonth, COUNTERS.get(REFERRED));
                add(cells, unitMonth, COUNTERS.get(small ? SMALL_CONCLUDED : BIG_CONCLUDED));
            } else {
                add(cells, unitMonth, COUNTERS.get(WITHDRAWN));
            }
            if (dispute.escalations() > 0) {
                cells.merge(new Cell(unitMonth, COUNTERS.get(ESCALATIONS), null), (long) dispute.escalations(),
                            Long::sum);
            }
            add(cells, unitMonth, sourceColumn(dispute.source()));
        }
        return cells;
    }

    private static void add(Map<Cell, Long> cells, UnitMonth unitMonth, String counter) {
        cells.merge(new Cell(unitMonth, counter, null), 1L, Long::sum);
    }

    private static List<UnitMonth> unitsOf(DisputeRow dispute) {
        String community = dispute.communityCode();
        String city = Divisions.cityOf(community);
        List<UnitMonth> units = new ArrayList<>(4);
        if (dispute.compoundId() != null) {
            units.add(new UnitMonth(Grouping.COMPOUND, compoundUnit(community, dispute.compoundId()), dispute.month(),
                                    city));
        }
        units.add(new UnitMonth(Grouping.COMMUNITY, community, dispute.month(), city));
        units.add(new UnitMonth(Grouping.COUNTY, Divisions.countyOf(community), dispute.month(), city));
        units.add(new UnitMonth(Grouping.CITY, city, dispute.month(), city));
        return units;
    }

    private void moveCounters(int generation, Instant at, UnitMonth unitMonth, long[] moved) {
        Optional<Version<long[]>> previous = counters.current(generation, COUNTER_ROW, unitMonth.key());
        long[] counts = previous.map(v -> v.row().clone()).orElseGet(() -> new long[COUNTERS.size()]);
        boolean empty = true;
        for (int i = 0; i < counts.length; i++) {
            counts[i] += moved[i];
            empty &= counts[i] == 0;
        }
        if (empty) {
            // Nothing counted here any more (a reopened dispute left): the row goes, as if it had never been.
            previous.ifPresent(p -> counters.end(generation, at, p, unitMonth.key()));
            return;
        }
        Object[] values = new Object[counts.length + 1];
        values[0] = unitMonth.cityCode();
        for (int i = 0; i < counts.length; i++) {
            values[i + 1] = counts[i];
        }
        counters.put(generation, at, previous, unitMonth.key(), values);
    }

    private void moveDays(int generation, Instant at, Cell cell, long moved) {
        UnitMonth unitMonth = cell.unitMonth();
        Object[] key = {unitMonth.kind().name(), unitMonth.unit(), unitMonth.month(), Integer.valueOf(cell.detail())};
        Optional<Version<Long>> previous = days.current(generation, DISPUTES, key);
        long count = previous.map(Version::row).orElse(0L) + moved;
        if (count == 0) {
            previous.ifPresent(p -> days.end(generation, at, p, key));
        } else {
            days.put(generation, at, previous, key, unitMonth.cityCode(), count);
        }
    }

    private static String compoundUnit(String communityCode, String compoundId) {
        return communityCode + "/" + compoundId;
    }

    private static String month(Instant instant) {
        return YearMonth.from(instant.atZone(AsOf.CHINA)).toString();
    }
}
