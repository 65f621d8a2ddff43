package org.jinlin.query.roster;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.Check;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.household.AssistanceRecorded;
import org.jinlin.kernel.household.CarePartnerAssigned;
import org.jinlin.kernel.household.HardshipAssessed;
import org.jinlin.kernel.household.HouseholdCategory;
import org.jinlin.kernel.household.HouseholdDeregistered;
import org.jinlin.kernel.household.HouseholdIncomeReported;
import org.jinlin.kernel.household.HouseholdMoved;
import org.jinlin.kernel.household.HouseholdPersonalDataErased;
import org.jinlin.kernel.privacy.Erased;
import org.jinlin.kernel.household.HouseholdRegistered;
import org.jinlin.kernel.household.Member;
import org.jinlin.kernel.household.MemberAdded;
import org.jinlin.kernel.household.MemberCategory;
import org.jinlin.kernel.household.MemberRemoved;
import org.jinlin.kernel.household.MemberUpdated;
import org.jinlin.kernel.roster.RosterQueries.FindHousehold;
import org.jinlin.kernel.roster.RosterQueries.FindLowIncomeRoster;
import org.jinlin.kernel.roster.RosterQueries.FindRosterSummary;
import org.jinlin.kernel.roster.RosterQueries.HouseholdView;
import org.jinlin.kernel.roster.RosterQueries.MemberView;
import org.jinlin.kernel.roster.RosterQueries.RosterEntry;
import org.jinlin.kernel.roster.RosterQueries.RosterPage;
import org.jinlin.kernel.roster.RosterQueries.RosterSummary;
import org.jinlin.query.readmodel.GenerationalProjection;
import org.jinlin.query.readmodel.Generations;
import org.jinlin.query.readmodel.TemporalTable;
import org.jinlin.query.readmodel.TemporalTable.Condition;
import org.jinlin.query.readmodel.TemporalTable.Version;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * 低收入人口名册 (read model 1): the policy's 困难群体 — every member who has a member category or whose household
 * has a household category (低保、低收入、单人保、特困、困境儿童、空巢老人、残疾人、就业援助对象、进城务工人员及随迁子女), with community,
 * county and city; deregistered households drop out, moved households move. The counts per unit and category are
 * kept incrementally, and every table keeps its versions, so the roster and the summary answer as of any instant.
 */
@Component
@ProcessingGroup(LowIncomeRosterProjection.PROCESSING_GROUP)
public class LowIncomeRosterProjection extends GenerationalProjection {

    public static final String PROCESSING_GROUP = "low-income-roster";
    static final String EVERYONE = "*";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** What the projection knows of one household while it handles an event. */
    private static final class HouseholdState {
        Version<HouseholdRow> householdVersion;
        HouseholdRow household;
        final Map<Integer, Version<MemberRow>> memberVersions = new TreeMap<>();
        final Map<Integer, MemberRow> members = new TreeMap<>();
    }

    record HouseholdRow(String communityCode, String compoundId, BigDecimal monthlyIncome, boolean migrant,
                        Set<String> categories, boolean active, String policyVersion, LocalDate assessedOn,
                        String reasons, int carePartners, int assistanceRecords, long version) {

        HouseholdRow with(Consumer<Builder> change) {
            Builder b = new Builder(this);
            change.accept(b);
            return b.build();
        }
    }

    static final class Builder {
        String communityCode;
        String compoundId;
        BigDecimal monthlyIncome;
        boolean migrant;
        Set<String> categories;
        boolean active;
        String policyVersion;
        LocalDate assessedOn;
        String reasons;
        int carePartners;
        int assistanceRecords;
        long version;

        Builder(HouseholdRow r) {
            communityCode = r.communityCode();
            compoundId = r.compoundId();
            monthlyIncome = r.monthlyIncome();
            migrant = r.migrant();
            categories = r.categories();
            active = r.active();
            policyVersion = r.policyVersion();
            assessedOn = r.assessedOn();
            reasons = r.reasons();
            carePartners = r.carePartners();
            assistanceRecords = r.assistanceRecords();
            version = r.version();
        }

        HouseholdRow build() {
            return new HouseholdRow(communityCode, compoundId, monthlyIncome, migrant, categories, active,
                                    policyVersion, assessedOn, reasons, carePartners, assistanceRecords, version);
        }
    }

    record MemberRow(String idNumber, String name, LocalDate birthDate, String sex, String relation,
                     Set<String> categories) {
    }

    /** A member's current row with its number in the household. */
    private record NumberedMember(int memberNo, MemberRow member) {
    }

    private static final RowMapper<NumberedMember> NUMBERED_MEMBER = (rs, n) -> new NumberedMember(
            rs.getInt("member_no"),
            new MemberRow(rs.getString("id_number"), rs.getString("name"), rs.getDate("birth_date").toLocalDate(),
                          rs.getString("sex"), rs.getString("relation"), split(rs.getString("member_categories"))));

    private static final RowMapper<HouseholdRow> HOUSEHOLD = (rs, n) -> new HouseholdRow(
            rs.getString("community_code"), rs.getString("compound_id"), rs.getBigDecimal("monthly_income"),
            rs.getBoolean("migrant"), split(rs.getString("household_categories")), rs.getBoolean("active"),
            rs.getString("policy_version"), rs.getDate("assessed_on") == null ? null : rs.getDate("assessed_on").toLocalDate(),
            rs.getString("reasons"), rs.getInt("care_partners"), rs.getInt("assistance_records"), rs.getLong("version"));

    private final TemporalTable households;
    private final TemporalTable members;
    private final TemporalTable counts;
    /** H2 2.4 pages a city's roster through ix_roster_member_city and sorts it; the page index needs no sort. */
    private final String pageIndexHint;

    public LowIncomeRosterProjection(JdbcTemplate jdbc, Generations generations) {
        super(jdbc, generations);
        households = new TemporalTable(jdbc, "roster_household", List.of("household_id"),
                                       List.of("community_code", "compound_id", "county_code", "city_code",
                                               "monthly_income", "migrant", "household_categories", "active",
                                               "policy_version", "assessed_on", "reasons", "care_partners",
                                               "assistance_records", "version"));
        members = new TemporalTable(jdbc, "roster_member", List.of("household_id", "member_no"),
                                    List.of("id_number", "name", "birth_date", "sex", "relation", "community_code",
                                            "county_code", "city_code", "household_categories", "member_categories",
                                            "on_roster"));
        counts = new TemporalTable(jdbc, "roster_count", List.of("unit_level", "unit_code", "category"),
                                   List.of("households", "persons"));
        pageIndexHint = TemporalTable.h2IndexHint(jdbc, "ix_roster_member_page");
    }

    @Override
    public String name() {
        return PROCESSING_GROUP;
    }

    @Override
    protected List<String> tables() {
        return List.of("roster_household", "roster_member", "roster_count", "roster_community");
    }

    @EventHandler
    void on(CommunityRegistered event) {
        jdbc.update("insert into roster_community (generation, code, name) values (?, ?, ?)", writing(), event.code(),
                    event.name());
    }

    @EventHandler
    void on(HouseholdRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, (Registration) state -> state.household = new HouseholdRow(
                event.communityCode(), event.compoundId(), event.monthlyIncome(), event.migrant(), Set.of(), true,
                null, null, null, 0, 0, version));
    }

    @EventHandler
    void on(MemberAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, state -> {
            state.members.put(event.member().memberNo(), row(event.member(), Set.of()));
            state.household = state.household.with(h -> h.version = version);
        });
    }

    @EventHandler
    void on(MemberUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, state -> {
            MemberRow before = state.members.get(event.member().memberNo());
            state.members.put(event.member().memberNo(), row(event.member(), before == null ? Set.of() : before.categories()));
            state.household = state.household.with(h -> h.version = version);
        });
    }

    @EventHandler
    void on(MemberRemoved event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, state -> {
            state.members.remove(event.memberNo());
            state.household = state.household.with(h -> h.version = version);
        });
    }

    @EventHandler
    void on(HouseholdIncomeReported event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, state -> state.household = state.household.with(h -> {
            h.monthlyIncome = event.monthlyIncome();
            h.version = version;
        }));
    }

    @EventHandler
    void on(HouseholdMoved event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, state -> state.household = state.household.with(h -> {
            h.communityCode = event.communityCode();
            h.compoundId = event.compoundId();
            h.version = version;
        }));
    }

    @EventHandler
    void on(CarePartnerAssigned event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, state -> state.household = state.household.with(h -> {
            h.carePartners++;
            h.version = version;
        }));
    }

    @EventHandler
    void on(AssistanceRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, state -> state.household = state.household.with(h -> {
            h.assistanceRecords++;
            h.version = version;
        }));
    }

    @EventHandler
    void on(HouseholdDeregistered event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, state -> {
            state.household = state.household.with(h -> {
                h.active = false;
                h.version = version;
            });
            state.members.clear();
        });
    }

    @EventHandler
    void on(HardshipAssessed event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.householdId(), at, state -> {
            state.household = state.household.with(h -> {
                h.categories = names(event.householdCategories());
                h.policyVersion = event.policyVersion();
                h.assessedOn = event.assessedOn();
                h.reasons = String.join("\n", event.reasons());
                h.version = version;
            });
            for (Map.Entry<Integer, MemberRow> member : state.members.entrySet()) {
                List<MemberCategory> categories = event.memberCategories().getOrDefault(member.getKey(), List.of());
                MemberRow m = member.getValue();
                member.setValue(new MemberRow(m.idNumber(), m.name(), m.birthDate(), m.sex(), m.relation(),
                                              names(categories)));
            }
        });
    }

    /** Every version, in every generation, shows the placeholder from now on; the counts stay. */
    @EventHandler
    void on(HouseholdPersonalDataErased event) {
        erase(event.householdId(), Erased.PLACEHOLDER);
    }

    @QueryHandler
    public RosterPage handle(FindLowIncomeRoster query) {
        Check.fields()
             .that(query.category() == null || isCategory(query.category()), "category",
                   "must be one of " + Arrays.toString(HouseholdCategory.values()) + " or "
                   + Arrays.toString(MemberCategory.values()))
             .orThrow();
        Condition valid = TemporalTable.validAt("m", reading(), query.asOf());
        StringBuilder where = new StringBuilder(" where " + valid.sql());
        List<Object> args = new ArrayList<>(valid.args());
        rosterFilter(where, args, query.cityCode(), query.countyCode(), query.communityCode(), query.category());
        long total = total(query).orElseGet(() -> {
            Long counted = jdbc.queryForObject("select count(*) from roster_member m" + where, Long.class,
                                               args.toArray());
            return counted == null ? 0 : counted;
        });
        LocalDate on = dateOf(query.asOf());
        long offset = (long) query.page() * query.size();
        List<RosterEntry> items;
        if (query.asOf() == null) {
            List<Object> paged = new ArrayList<>(args);
            paged.add(offset);
            paged.add(query.size());
            items = jdbc.query("select * from " + rosterMembers(null) + where + rosterOrder(null)
                               + " offset ? rows fetch next ? rows only", (rs, n) -> entry(rs, on), paged.toArray());
        } else {
            items = pageAsOf(query, offset, on);
        }
        return new RosterPage(items, query.page(), query.size(), total);
    }

    /**
     * A page of the roster as it stood at an instant, in two parts merged in roster order: the versions still current
     * that began by then (read through the page index in order), and those that ended after it (few, sorted).
     * "valid_to is null or valid_to > ?" made the database read every version that was ever on the roster to find
     * a page (seconds at province scale for a category).
     */
    private List<RosterEntry> pageAsOf(FindLowIncomeRoster query, long offset, LocalDate on) {
        record Keyed(RosterEntry entry, int memberNo) {
        }
        List<Keyed> merged = new ArrayList<>();
        List<Condition> parts = TemporalTable.validAtInRanges("m", reading(), query.asOf());
        for (int p = 0; p < parts.size(); p++) {
            StringBuilder where = new StringBuilder(" where " + parts.get(p).sql());
            List<Object> args = new ArrayList<>(parts.get(p).args());
            rosterFilter(where, args, query.cityCode(), query.countyCode(), query.communityCode(), query.category());
            args.add(0L);
            args.add(offset + query.size());
            // The current versions through the page index in roster order; those that ended after asOf sorted.
            String from = p == 0 ? rosterMembers(null) + where + rosterOrder(null)
                                 : "roster_member m" + where + rosterOrder(query.asOf());
            merged.addAll(jdbc.query("select * from " + from + " offset ? rows fetch next ? rows only",
                                     (rs, n) -> new Keyed(entry(rs, on), rs.getInt("member_no")), args.toArray()));
        }
        merged.sort(Comparator.comparing((Keyed k) -> k.entry().cityCode())
                              .thenComparing(k -> k.entry().countyCode())
                              .thenComparing(k -> k.entry().communityCode())
                              .thenComparing(k -> k.entry().householdId())
                              .thenComparingInt(Keyed::memberNo));
        return merged.subList((int) Math.min(offset, merged.size()),
                              (int) Math.min(offset + query.size(), merged.size()))
                     .stream().map(Keyed::entry).toList();
    }

    /**
     * The number of roster entries the query matches, read from the counts kept per unit and category (persons)
     * instead of counting the entries, which at province scale means reading hundreds of thousands of rows per
     * page. The counts hold exactly the entries a unit and a category select (a household category lists every
     * member, a member category that member; {@link #EVERYONE} everyone on the roster). Empty when more than one
     * unit is given: then the entries are counted.
     */
    private Optional<Long> total(FindLowIncomeRoster query) {
        String[][] units = {{"city", query.cityCode()}, {"county", query.countyCode()},
                            {"community", query.communityCode()}};
        List<String[]> given = Arrays.stream(units).filter(u -> u[1] != null && !u[1].isBlank()).toList();
        if (given.size() > 1) {
            return Optional.empty();
        }
        Condition valid = TemporalTable.validAt("c", reading(), query.asOf());
        String category = query.category() == null ? EVERYONE : query.category();
        Long persons = given.isEmpty()
                ? jdbc.queryForObject("select coalesce(sum(c.persons), 0) from roster_count c where " + valid.sql()
                                      + " and c.unit_level = 'city' and c.category = ?", Long.class,
                                      valid.argsWith(category))
                : jdbc.queryForObject("select coalesce(sum(c.persons), 0) from roster_count c where " + valid.sql()
                                      + " and c.unit_level = ? and c.unit_code = ? and c.category = ?", Long.class,
                                      valid.argsWith(given.get(0)[0], given.get(0)[1], category));
        return Optional.of(persons == null ? 0 : persons);
    }

    /** Every roster entry matching the filters, in roster order, one at a time (for CSV exports). */
    public void forEachEntry(String cityCode, String countyCode, String communityCode, String category, Instant asOf,
                             Consumer<RosterEntry> consumer) {
        Condition valid = TemporalTable.validAt("m", reading(), asOf);
        StringBuilder where = new StringBuilder(" where " + valid.sql());
        List<Object> args = new ArrayList<>(valid.args());
        rosterFilter(where, args, cityCode, countyCode, communityCode, category);
        LocalDate on = dateOf(asOf);
        jdbc.query("select * from " + rosterMembers(asOf) + where + rosterOrder(asOf),
                   (RowCallbackHandler) rs -> consumer.accept(entry(rs, on)), args.toArray());
    }

    @QueryHandler
    public List<RosterSummary> handle(FindRosterSummary query) {
        String level = query.groupBy() == null ? "" : query.groupBy();
        Check.fields().that(level.equals("city") || level.equals("county") || level.equals("community"), "groupBy",
                            "must be city, county or community").orThrow();
        boolean communities = level.equals("community");
        // Every count of the level valid at the instant, read from ix_roster_count_summary alone (V42): at province
        // scale the community level is 15 000 units in one answer, and reading their rows from the table loaded
        // most of its pages on every request. As of an earlier instant, the two ranges of TemporalTable, each its own
        // statement, streamed: H2 would hold a union's rows in memory first.
        // Each range is read in unit order and the units are merged in that order, with their names, without a map:
        // looking 45 000 counts and 15 000 names up by code in hash maps was a fifth of the community level's time,
        // and sorting the units another tenth (profile of the province benchmark). The current versions come in
        // unit order from the index itself (the ORDER BY names its columns, which H2 needs to read it so); those
        // that ended after an earlier instant come in the order they ended and are sorted here (UnitRun): ordered by
        // the database, PostgreSQL would sort the codes by its collation, which took 19 ms for 15 000 names.
        int generation = reading();
        List<Condition> ranges = TemporalTable.validAtInRanges("c", generation, query.asOf());
        List<UnitTotals> units = null;
        for (int r = 0; r < ranges.size(); r++) {
            Condition range = ranges.get(r);
            String order = r == 0 ? " order by c.generation, c.unit_level, c.valid_to, c.unit_code" : "";
            UnitRun run = new UnitRun();
            jdbc.query("select c.unit_code, c.category, c.households, c.persons from roster_count c"
                       + " where " + range.sql() + " and c.unit_level = ? and (c.households > 0 or c.persons > 0)"
                       + order,
                       (RowCallbackHandler) rs -> run.add(rs.getString(1), rs.getString(2), rs.getLong(3),
                                                          rs.getLong(4)),
                       range.argsWith(level));
            units = units == null ? run.inCodeOrder() : UnitTotals.merge(units, run.inCodeOrder());
        }
        UnitNames names = communities ? registeredNames(generation) : null;
        List<RosterSummary> summary = new ArrayList<>(units.size());
        for (UnitTotals unit : units) {
            String name = communities ? names.nameOf(unit.code) : Divisions.nameOf(unit.code);
            unit.addTo(summary, name == null ? unit.code : name);
        }
        return summary;
    }

    /**
     * The communities' registered names, in code order, for a walk alongside the units in the same order. Read
     * without an ORDER BY: H2 returns them in its primary key's order anyway, and PostgreSQL sorted the 15 000 codes
     * by their collation in 19 ms, where the check and, if need be, the sort here take a few.
     */
    private UnitNames registeredNames(int generation) {
        UnitNames names = new UnitNames();
        jdbc.query("select code, name from roster_community where generation = ?",
                   (RowCallbackHandler) rs -> names.add(rs.getString(1), rs.getString(2)), generation);
        return names.inCodeOrder();
    }

    /** Codes and names in code order; {@link #nameOf} is asked for codes in ascending order and walks along. */
    private static final class UnitNames {
        private record Named(String code, String name) {
        }

        private final List<Named> named = new ArrayList<>(16_384);
        private boolean ordered = true;
        private int next;

        void add(String code, String name) {
            if (!named.isEmpty() && named.get(named.size() - 1).code().compareTo(code) > 0) {
                ordered = false;
            }
            named.add(new Named(code, name));
        }

        UnitNames inCodeOrder() {
            if (!ordered) {
                named.sort(Comparator.comparing(Named::code));
                ordered = true;
            }
            return this;
        }

        /** The name of {@code code}, or null; each call's code is at least the previous call's. */
        String nameOf(String code) {
            while (next < named.size() && named.get(next).code().compareTo(code) < 0) {
                next++;
            }
            return next < named.size() && named.get(next).code().equals(code) ? named.get(next).name() : null;
        }
    }

    /** One range's counts, read in unit order: each unit's counts in a row, ending up as one UnitTotals. */
    private static final class UnitRun {
        private final List<UnitTotals> units = new ArrayList<>(16_384);
        private UnitTotals last;
        private boolean ordered = true;

        void add(String code, String category, long households, long persons) {
            if (last == null || !last.code.equals(code)) {
                if (last != null && last.code.compareTo(code) > 0) {
                    ordered = false;
                }
                last = new UnitTotals(code);
                units.add(last);
            }
            last.add(category, households, persons);
        }

        /** The units in code order, each once (sorted and joined here should the database order otherwise). */
        List<UnitTotals> inCodeOrder() {
            if (ordered) {
                return units;
            }
            List<UnitTotals> sorted = new ArrayList<>(units);
            sorted.sort(Comparator.comparing(unit -> unit.code));
            List<UnitTotals> joined = new ArrayList<>(sorted.size());
            for (UnitTotals unit : sorted) {
                UnitTotals previous = joined.isEmpty() ? null : joined.get(joined.size() - 1);
                if (previous != null && previous.code.equals(unit.code)) {
                    previous.addAll(unit);
                } else {
                    joined.add(unit);
                }
            }
            return joined;
        }
    }

    /** One unit's rows of roster_count, becoming its line of the summary. */
    private static final class UnitTotals {
        final String code;
        long households;
        long persons;
        /** The categories' counts as read, made into sorted maps only for a unit that is answered. */
        final List<CategoryCount> categories = new ArrayList<>(4);

        record CategoryCount(String category, long households, long persons) {
        }

        UnitTotals(String code) {
            this.code = code;
        }

        void add(String category, long households, long persons) {
            if (EVERYONE.equals(category)) {
                this.households = households;
                this.persons = persons;
                return;
            }
            categories.add(new CategoryCount(category, households, persons));
        }

        /**
         * Adds the counts of the same unit from another range. A count (unit and category) has one version valid at
         * an instant, so each category, "everyone" included, comes from one range only.
         */
        void addAll(UnitTotals other) {
            households += other.households;
            persons += other.persons;
            categories.addAll(other.categories);
        }

        /** Two lists of units in code order, merged in that order, a unit in both joined into one. */
        static List<UnitTotals> merge(List<UnitTotals> a, List<UnitTotals> b) {
            List<UnitTotals> merged = new ArrayList<>(a.size() + b.size());
            int i = 0;
            int j = 0;
            while (i < a.size() || j < b.size()) {
                int order = i == a.size() ? 1 : j == b.size() ? -1 : a.get(i).code.compareTo(b.get(j).code);
                if (order < 0) {
                    merged.add(a.get(i++));
                } else if (order > 0) {
                    merged.add(b.get(j++));
                } else {
                    UnitTotals unit = a.get(i++);
                    unit.addAll(b.get(j++));
                    merged.add(unit);
                }
            }
            return merged;
        }

        /** A unit whose every count is back to zero is left out, as a unit with no rows is. */
        void addTo(List<RosterSummary> summary, String name) {
            if (households == 0 && persons == 0) {
                return;
            }
            Map<String, Long> personsByCategory = categories.isEmpty() ? Map.of() : new TreeMap<>();
            Map<String, Long> householdsByCategory = categories.isEmpty() ? Map.of() : new TreeMap<>();
            for (CategoryCount count : categories) {
                householdsByCategory.put(count.category(), count.households());
                personsByCategory.put(count.category(), count.persons());
            }
            summary.add(new RosterSummary(code, name, households, persons, personsByCategory, householdsByCategory));
        }
    }

    @QueryHandler
    public Optional<HouseholdView> handle(FindHousehold query) {
        int generation = reading();
        Condition h = TemporalTable.validAt("h", generation, query.asOf());
        List<HouseholdRow> found = jdbc.query("select * from roster_household h where " + h.sql() + " and h.household_id = ?",
                                              HOUSEHOLD, h.argsWith(query.householdId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HouseholdRow household = found.get(0);
        LocalDate on = dateOf(query.asOf());
        Condition m = TemporalTable.validAt("m", generation, query.asOf());
        List<MemberView> memberViews = jdbc.query(
                "select * from roster_member m where " + m.sql() + " and m.household_id = ? order by m.member_no",
                (rs, n) -> {
                    LocalDate birth = rs.getDate("birth_date").toLocalDate();
                    return new MemberView(rs.getInt("member_no"), rs.getString("id_number"), rs.getString("name"), birth,
                                          rs.getString("sex"), age(birth, on), rs.getString("relation"),
                                          List.copyOf(split(rs.getString("member_categories"))));
                },
                m.argsWith(query.householdId()));
        return Optional.of(new HouseholdView(
                query.householdId(), household.active(), household.communityCode(), household.compoundId(),
                Divisions.countyOf(household.communityCode()), Divisions.cityOf(household.communityCode()),
                household.monthlyIncome(), household.migrant(), List.copyOf(household.categories()), memberViews,
                household.reasons() == null || household.reasons().isEmpty() ? List.of()
                        : List.of(household.reasons().split("\n")),
                household.policyVersion(), household.assessedOn(), household.carePartners(),
                household.assistanceRecords(), household.version()));
    }

    /** Erasure: every version of the household's members shows the placeholder from now on, in every generation. */
    public void erase(String householdId, String placeholder) {
        members.flush();
        jdbc.update("update roster_member set id_number = ?, name = ? where household_id = ?", placeholder,
                    placeholder, householdId);
    }

    // ---- writing

    /** Loads the household, applies the change, writes what changed, and moves the counts by the difference. */
    private void change(String householdId, Instant at, Consumer<HouseholdState> change) {
        int generation = writing();
        HouseholdState state = load(generation, householdId);
        Map<String, long[]> before = contribution(state);
        if (state.household == null && !(change instanceof Registration)) {
            // Only a registration starts a household; other events of an unknown one have nothing to change.
            return;
        }
        change.accept(state);
        writeBack(generation, householdId, at, state);
        Map<String, long[]> after = contribution(state);
        moveCounts(generation, at, before, after);
    }

    /** The one change that may start a household the projection does not know yet. */
    private interface Registration extends Consumer<HouseholdState> {
    }

    private HouseholdState load(int generation, String householdId) {
        HouseholdState state = new HouseholdState();
        Optional<Version<HouseholdRow>> household = households.current(generation, HOUSEHOLD, householdId);
        household.ifPresent(v -> {
            state.householdVersion = v;
            state.household = v.row();
        });
        for (Version<NumberedMember> member : members.currentOf(generation, NUMBERED_MEMBER, householdId)) {
            MemberRow row = member.row().member();
            state.members.put(member.row().memberNo(), row);
            state.memberVersions.put(member.row().memberNo(), new Version<>(row, member.validFrom()));
        }
        return state;
    }

    private void writeBack(int generation, String householdId, Instant at, HouseholdState state) {
        HouseholdRow h = state.household;
        String county = Divisions.countyOf(h.communityCode());
        String city = Divisions.cityOf(h.communityCode());
        String householdCategories = join(h.categories());
        if (!h.equals(state.householdVersion == null ? null : state.householdVersion.row())) {
            households.put(generation, at, Optional.ofNullable(state.householdVersion), new Object[]{householdId},
                           h.communityCode(), h.compoundId(), county, city, h.monthlyIncome(), h.migrant(),
                           householdCategories, h.active(), h.policyVersion(),
                           h.assessedOn() == null ? null : Date.valueOf(h.assessedOn()), h.reasons(), h.carePartners(),
                           h.assistanceRecords(), h.version());
        }
        boolean placeChanged = state.householdVersion != null
                               && (!state.householdVersion.row().communityCode().equals(h.communityCode())
                                   || !state.householdVersion.row().categories().equals(h.categories()));
        for (Map.Entry<Integer, Version<MemberRow>> existing : state.memberVersions.entrySet()) {
            if (!state.members.containsKey(existing.getKey())) {
                members.end(generation, at, existing.getValue(), householdId, existing.getKey());
            }
        }
        for (Map.Entry<Integer, MemberRow> member : state.members.entrySet()) {
            Version<MemberRow> previous = state.memberVersions.get(member.getKey());
            MemberRow m = member.getValue();
            if (previous != null && previous.row().equals(m) && !placeChanged) {
                continue;
            }
            boolean onRoster = !h.categories().isEmpty() || !m.categories().isEmpty();
            members.put(generation, at, Optional.ofNullable(previous), new Object[]{householdId, member.getKey()},
                        m.idNumber(), m.name(), Date.valueOf(m.birthDate()), m.sex(), m.relation(), h.communityCode(),
                        county, city, householdCategories, join(m.categories()), onRoster);
        }
    }

    /** What one household adds to the counts: per (level|unit|category), households and persons. */
    private static Map<String, long[]> contribution(HouseholdState state) {
        Map<String, long[]> contribution = new HashMap<>();
        if (state.household == null || !state.household.active() || state.members.isEmpty()) {
            return contribution;
        }
        HouseholdRow h = state.household;
        Set<String> categories = new TreeSet<>(h.categories());
        state.members.values().forEach(m -> categories.addAll(m.categories()));
        Map<String, long[]> byCategory = new TreeMap<>();
        long onRoster = 0;
        for (MemberRow m : state.members.values()) {
            if (!h.categories().isEmpty() || !m.categories().isEmpty()) {
                onRoster++;
            }
        }
        for (String category : categories) {
            long persons = h.categories().contains(category) ? state.members.size()
                    : state.members.values().stream().filter(m -> m.categories().contains(category)).count();
            byCategory.put(category, new long[]{1, persons});
        }
        if (onRoster > 0) {
            byCategory.put(EVERYONE, new long[]{1, onRoster});
        }
        String[][] units = {{"city", Divisions.cityOf(h.communityCode())},
                            {"county", Divisions.countyOf(h.communityCode())},
                            {"community", h.communityCode()}};
        for (String[] unit : units) {
            byCategory.forEach((category, values) -> contribution.put(unit[0] + "|" + unit[1] + "|" + category, values));
        }
        return contribution;
    }

    private void moveCounts(int generation, Instant at, Map<String, long[]> before, Map<String, long[]> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            long[] b = before.getOrDefault(key, new long[2]);
            long[] a = after.getOrDefault(key, new long[2]);
            long households = a[0] - b[0];
            long persons = a[1] - b[1];
            if (households == 0 && persons == 0) {
                continue;
            }
            String[] parts = key.split("\\|");
            Object[] id = {parts[0], parts[1], parts[2]};
            Optional<Version<long[]>> current = counts.current(generation,
                                                               (rs, n) -> new long[]{rs.getLong("households"), rs.getLong("persons")},
                                                               id);
            long[] now = current.map(Version::row).orElse(new long[2]);
            counts.put(generation, at, current, id, now[0] + households, now[1] + persons);
        }
    }

    // ---- reading

    private RosterEntry entry(java.sql.ResultSet rs, LocalDate on) throws java.sql.SQLException {
        LocalDate birth = rs.getDate("birth_date").toLocalDate();
        return new RosterEntry(rs.getString("household_id"), rs.getString("id_number"), rs.getString("name"),
                               age(birth, on), rs.getString("sex"), rs.getString("community_code"),
                               rs.getString("county_code"), rs.getString("city_code"),
                               List.copyOf(split(rs.getString("household_categories"))),
                               List.copyOf(split(rs.getString("member_categories"))));
    }

    /** The members' table for a listing in roster order: the current roster through its page index. */
    private String rosterMembers(Instant asOf) {
        return "roster_member m" + (asOf == null ? pageIndexHint : "");
    }

    /**
     * Roster order: city, county, community, household, member. For the current roster the columns every entry
     * shares (generation, on the roster, still valid) lead, so that the order is that of the page index (V38) and
     * a page reads its own entries instead of sorting the whole roster; as of an instant the versions' valid_to
     * differ, and the entries are sorted.
     */
    private static String rosterOrder(Instant asOf) {
        return (asOf == null ? " order by m.generation, m.on_roster, m.valid_to," : " order by")
               + " m.city_code, m.county_code, m.community_code, m.household_id, m.member_no";
    }

    /** The conditions every roster listing adds to its validity: on the roster, in the units, of the category. */
    private static void rosterFilter(StringBuilder where, List<Object> args, String cityCode, String countyCode,
                                     String communityCode, String category) {
        where.append(" and m.on_roster = true");
        unitFilter(where, args, cityCode, countyCode, communityCode);
        if (category != null) {
            where.append(" and (m.household_categories like ? or m.member_categories like ?)");
            args.add("%," + category + ",%");
            args.add("%," + category + ",%");
        }
    }

    /**
     * The unit filters. A county or a community also fixes the units above it, and says so in the condition: the
     * page index leads with city, county, community, so a county's page is found without walking other cities.
     */
    private static void unitFilter(StringBuilder where, List<Object> args, String cityCode, String countyCode,
                                   String communityCode) {
        String city = blankToNull(cityCode);
        String county = blankToNull(countyCode);
        String community = blankToNull(communityCode);
        if (community != null && community.matches("\\d{12}")) {
            county = county == null ? Divisions.countyOf(community) : county;
            city = city == null ? Divisions.cityOf(community) : city;
        } else if (county != null && county.matches("\\d{6}")) {
            city = city == null ? Divisions.cityOf(county) : city;
        }
        filter(where, args, "m.city_code", city);
        filter(where, args, "m.county_code", county);
        filter(where, args, "m.community_code", community);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void filter(StringBuilder where, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static boolean isCategory(String category) {
        return Arrays.stream(HouseholdCategory.values()).anyMatch(c -> c.name().equals(category))
               || Arrays.stream(MemberCategory.values()).anyMatch(c -> c.name().equals(category));
    }

    static LocalDate dateOf(Instant asOf) {
        return LocalDate.ofInstant(asOf == null ? Instant.now() : asOf, AsOf.CHINA);
    }

    static int age(LocalDate birth, LocalDate on) {
        int age = on.getYear() - birth.getYear();
        return birth.plusYears(age).isAfter(on) ? age - 1 : age;
    }

    private static MemberRow row(Member member, Set<String> categories) {
        return new MemberRow(member.idNumber(), member.name(), member.birthDate(), member.sex().name(),
                             member.relation().name(), categories);
    }

    private static Set<String> names(List<? extends Enum<?>> categories) {
        Set<String> names = new TreeSet<>();
        categories.forEach(c -> names.add(c.name()));
        return names;
    }

    static Set<String> split(String stored) {
        Set<String> values = new TreeSet<>();
        if (stored != null) {
            for (String value : stored.split(",")) {
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    static String join(Set<String> values) {
        return values.isEmpty() ? "," : "," + String.join(",", values) + ",";
    }
}
