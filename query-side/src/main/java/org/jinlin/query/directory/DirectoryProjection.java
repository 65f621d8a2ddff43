package org.jinlin.query.directory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.jinlin.kernel.community.CommunityDisputeProminenceCleared;
import org.jinlin.kernel.community.CommunityFlaggedDisputeProminent;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.CompoundAdded;
import org.jinlin.kernel.community.ResidentPopulationUpdated;
import org.jinlin.kernel.directory.DirectoryQueries.AppointedMediator;
import org.jinlin.kernel.directory.DirectoryQueries.Appointment;
import org.jinlin.kernel.directory.DirectoryQueries.CommunityDetails;
import org.jinlin.kernel.directory.DirectoryQueries.CommunityPage;
import org.jinlin.kernel.directory.DirectoryQueries.CommunitySummary;
import org.jinlin.kernel.directory.DirectoryQueries.Compound;
import org.jinlin.kernel.directory.DirectoryQueries.FindCommunity;
import org.jinlin.kernel.directory.DirectoryQueries.FindMediator;
import org.jinlin.kernel.directory.DirectoryQueries.ListCommunities;
import org.jinlin.kernel.directory.DirectoryQueries.ListMediators;
import org.jinlin.kernel.directory.DirectoryQueries.MediatorDetails;
import org.jinlin.kernel.directory.DirectoryQueries.MediatorPage;
import org.jinlin.kernel.directory.DirectoryQueries.MediatorSummary;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.mediator.MediatorAppointed;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.jinlin.kernel.mediator.MediatorEmploymentChanged;
import org.jinlin.kernel.mediator.MediatorRegistered;
import org.jinlin.kernel.mediator.MediatorRelieved;
import org.jinlin.query.readmodel.GenerationalProjection;
import org.jinlin.query.readmodel.Generations;
import org.jinlin.query.readmodel.TemporalTable;
import org.jinlin.query.readmodel.TemporalTable.Condition;
import org.jinlin.query.readmodel.TemporalTable.Version;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registrar's directory: each community (社区/村) with its compounds (小区) and the mediators appointed to it,
 * each mediator (调解员) with the communities they serve, now or as of any instant. Also gives each aggregate's
 * version for {@code If-Match}.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
public class DirectoryProjection extends GenerationalProjection {

    public static final String PROCESSING_GROUP = "directory";

    private record CommunityRow(String name, String kind, String townshipName, int residentPopulation,
                                boolean disputeProminent, String disputeProminentReason, long version) {

        Object[] values(String code) {
            return new Object[]{name, kind, townshipName, residentPopulation, Divisions.cityOf(code),
                                Divisions.countyOf(code), disputeProminent, disputeProminentReason, version};
        }
    }

    private record MediatorRow(String name, String employment, long version) {
    }

    private static final RowMapper<CommunityRow> COMMUNITY = (rs, n) -> new CommunityRow(
            rs.getString("name"), rs.getString("kind"), rs.getString("township_name"),
            rs.getInt("resident_population"), rs.getBoolean("dispute_prominent"),
            rs.getString("dispute_prominent_reason"), rs.getLong("version"));
    private static final RowMapper<MediatorRow> MEDIATOR = (rs, n) -> new MediatorRow(
            rs.getString("name"), rs.getString("employment"), rs.getLong("version"));
    private static final RowMapper<Boolean> EXISTS = (rs, n) -> true;

    private final TemporalTable communities;
    private final TemporalTable compounds;
    private final TemporalTable mediators;
    private final TemporalTable appointments;

    public DirectoryProjection(JdbcTemplate jdbc, Generations generations) {
        super(jdbc, generations);
        communities = new TemporalTable(jdbc, "dir_community", List.of("code"),
                                        List.of("name", "kind", "township_name", "resident_population", "city_code",
                                                "county_code", "dispute_prominent", "dispute_prominent_reason",
                                                "version"));
        compounds = new TemporalTable(jdbc, "dir_compound", List.of("community_code", "compound_id"), List.of("name"));
        mediators = new TemporalTable(jdbc, "dir_mediator", List.of("mediator_id"),
                                      List.of("name", "employment", "version"));
        appointments = new TemporalTable(jdbc, "dir_appointment", List.of("mediator_id", "community_code"), List.of());
    }

    @Override
    public String name() {
        return PROCESSING_GROUP;
    }

    @Override
    protected List<String> tables() {
        return List.of("dir_community", "dir_compound", "dir_mediator", "dir_appointment");
    }

    @EventHandler
    void on(CommunityRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        CommunityRow row = new CommunityRow(event.name(), event.kind().name(), event.townshipName(),
                                            event.residentPopulation(), false, null, version);
        communities.put(writing(), at, Optional.empty(), new Object[]{event.code()}, row.values(event.code()));
    }

    @EventHandler
    void on(CompoundAdded event, @SequenceNumber long version, @Timestamp Instant at) {
        compounds.put(writing(), at, Optional.empty(), new Object[]{event.code(), event.compoundId()}, event.name());
        changeCommunity(event.code(), at, c -> new CommunityRow(c.name(), c.kind(), c.townshipName(),
                                                                c.residentPopulation(), c.disputeProminent(),
                                                                c.disputeProminentReason(), version));
    }

    @EventHandler
    void on(ResidentPopulationUpdated event, @SequenceNumber long version, @Timestamp Instant at) {
        changeCommunity(event.code(), at, c -> new CommunityRow(c.name(), c.kind(), c.townshipName(),
                                                                event.residentPopulation(), c.disputeProminent(),
                                                                c.disputeProminentReason(), version));
    }

    @EventHandler
    void on(CommunityFlaggedDisputeProminent event, @SequenceNumber long version, @Timestamp Instant at) {
        changeCommunity(event.code(), at, c -> new CommunityRow(c.name(), c.kind(), c.townshipName(),
                                                                c.residentPopulation(), true, event.reason(), version));
    }

    @EventHandler
    void on(CommunityDisputeProminenceCleared event, @SequenceNumber long version, @Timestamp Instant at) {
        changeCommunity(event.code(), at, c -> new CommunityRow(c.name(), c.kind(), c.townshipName(),
                                                                c.residentPopulation(), false, null, version));
    }

    @EventHandler
    void on(MediatorRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        mediators.put(writing(), at, Optional.empty(), new Object[]{event.mediatorId()}, event.name(),
                      event.employment().name(), version);
    }

    @EventHandler
    void on(MediatorAppointed event, @SequenceNumber long version, @Timestamp Instant at) {
        appointments.put(writing(), at, Optional.empty(), new Object[]{event.mediatorId(), event.communityCode()});
        changeMediator(event.mediatorId(), at, m -> new MediatorRow(m.name(), m.employment(), version));
    }

    @EventHandler
    void on(MediatorRelieved event, @SequenceNumber long version, @Timestamp Instant at) {
        appointments.current(writing(), EXISTS, event.mediatorId(), event.communityCode())
                    .ifPresent(held -> appointments.end(writing(), at, held, event.mediatorId(), event.communityCode()));
        changeMediator(event.mediatorId(), at, m -> new MediatorRow(m.name(), m.employment(), version));
    }

    @EventHandler
    void on(MediatorEmploymentChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        changeMediator(event.mediatorId(), at, m -> new MediatorRow(m.name(), event.employment().name(), version));
    }

    @QueryHandler
    public Optional<CommunityDetails> handle(FindCommunity query) {
        Condition c = TemporalTable.validAt("c", reading(), query.asOf());
        List<CommunityDetails> found = jdbc.query(
                "select * from dir_community c where " + c.sql() + " and c.code = ?",
                (rs, n) -> {
                    String code = rs.getString("code");
                    String city = rs.getString("city_code");
                    String county = rs.getString("county_code");
                    return new CommunityDetails(code, rs.getString("name"), CommunityKind.valueOf(rs.getString("kind")),
                                                rs.getString("township_name"), rs.getInt("resident_population"),
                                                city, Divisions.nameOf(city), county, Divisions.nameOf(county),
                                                rs.getBoolean("dispute_prominent"),
                                                rs.getString("dispute_prominent_reason"), List.of(), List.of(),
                                                rs.getLong("version"));
                },
                c.argsWith(query.code()));
        return found.stream().findFirst().map(details -> withCompoundsAndMediators(details, query.asOf()));
    }

    @QueryHandler
    public Optional<MediatorDetails> handle(FindMediator query) {
        int generation = reading();
        Condition m = TemporalTable.validAt("m", generation, query.asOf());
        List<MediatorDetails> found = jdbc.query(
                "select * from dir_mediator m where " + m.sql() + " and m.mediator_id = ?",
                (rs, n) -> new MediatorDetails(rs.getString("mediator_id"), rs.getString("name"),
                                               MediatorEmployment.valueOf(rs.getString("employment")), List.of(),
                                               rs.getLong("version")),
                m.argsWith(query.mediatorId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Condition a = TemporalTable.validAt("a", generation, query.asOf());
        Condition c = TemporalTable.validAt("c", generation, query.asOf());
        List<Appointment> held = jdbc.query(
                "select a.community_code, c.name, a.valid_from from dir_appointment a"
                + " left join dir_community c on c.code = a.community_code and " + c.sql()
                + " where " + a.sql() + " and a.mediator_id = ? order by a.valid_from, a.community_code",
                (rs, n) -> new Appointment(rs.getString(1), rs.getString(2), TemporalTable.instant(rs, "valid_from")),
                concat(c.args(), a.argsWith(query.mediatorId())));
        MediatorDetails details = found.get(0);
        return Optional.of(new MediatorDetails(details.mediatorId(), details.name(), details.employment(), held,
                                               details.version()));
    }

    @QueryHandler
    public CommunityPage handle(ListCommunities query) {
        int generation = reading();
        Condition c = TemporalTable.validAt("c", generation, query.asOf());
        Condition a = TemporalTable.validAt("a", generation, query.asOf());
        Condition m = TemporalTable.validAt("m", generation, query.asOf());
        StringBuilder filter = new StringBuilder(" where " + c.sql());
        List<Object> filterArgs = new ArrayList<>(c.args());
        if (query.cityCode() != null) {
            filter.append(" and c.city_code = ?");
            filterArgs.add(query.cityCode());
        }
        if (query.countyCode() != null) {
            filter.append(" and c.county_code = ?");
            filterArgs.add(query.countyCode());
        }
        Long total = jdbc.queryForObject("select count(*) from dir_community c" + filter, Long.class,
                                         filterArgs.toArray());
        List<Object> args = new ArrayList<>(m.args());
        args.addAll(a.args());
        args.addAll(filterArgs);
        args.add((long) query.page() * query.size());
        args.add(query.size());
        List<CommunitySummary> items = jdbc.query(
                "select c.code, c.name, c.kind, c.city_code, c.county_code, c.resident_population, c.dispute_prominent,"
                + " (select count(*) from dir_appointment a join dir_mediator m on m.mediator_id = a.mediator_id and "
                + m.sql() + " where " + a.sql() + " and a.community_code = c.code and m.employment = 'FULL_TIME')"
                + " from dir_community c" + filter + " order by c.code offset ? rows fetch next ? rows only",
                (rs, n) -> new CommunitySummary(rs.getString(1), rs.getString(2), CommunityKind.valueOf(rs.getString(3)),
                                                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getBoolean(7),
                                                rs.getInt(8)),
                args.toArray());
        return new CommunityPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    @QueryHandler
    public MediatorPage handle(ListMediators query) {
        int generation = reading();
        Condition m = TemporalTable.validAt("m", generation, query.asOf());
        StringBuilder filter = new StringBuilder(" where " + m.sql());
        List<Object> filterArgs = new ArrayList<>(m.args());
        if (query.communityCode() != null) {
            Condition a = TemporalTable.validAt("a", generation, query.asOf());
            filter.append(" and exists (select 1 from dir_appointment a where ").append(a.sql())
                  .append(" and a.mediator_id = m.mediator_id and a.community_code = ?)");
            filterArgs.addAll(a.args());
            filterArgs.add(query.communityCode());
        }
        Long total = jdbc.queryForObject("select count(*) from dir_mediator m" + filter, Long.class,
                                         filterArgs.toArray());
        Condition held = TemporalTable.validAt("h", generation, query.asOf());
        List<Object> args = new ArrayList<>(held.args());
        args.addAll(filterArgs);
        args.add((long) query.page() * query.size());
        args.add(query.size());
        List<MediatorSummary> items = jdbc.query(
                "select m.mediator_id, m.name, m.employment, (select count(*) from dir_appointment h where "
                + held.sql() + " and h.mediator_id = m.mediator_id) from dir_mediator m" + filter
                + " order by m.mediator_id offset ? rows fetch next ? rows only",
                (rs, n) -> new MediatorSummary(rs.getString(1), rs.getString(2),
                                               MediatorEmployment.valueOf(rs.getString(3)), rs.getInt(4)),
                args.toArray());
        return new MediatorPage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private CommunityDetails withCompoundsAndMediators(CommunityDetails details, Instant asOf) {
        int generation = reading();
        Condition k = TemporalTable.validAt("k", generation, asOf);
        List<Compound> compoundList = jdbc.query(
                "select k.compound_id, k.name from dir_compound k where " + k.sql()
                + " and k.community_code = ? order by k.compound_id",
                (rs, n) -> new Compound(rs.getString(1), rs.getString(2)), k.argsWith(details.code()));
        Condition a = TemporalTable.validAt("a", generation, asOf);
        Condition m = TemporalTable.validAt("m", generation, asOf);
        List<AppointedMediator> serving = jdbc.query(
                "select m.mediator_id, m.name, m.employment, a.valid_from from dir_appointment a"
                + " join dir_mediator m on m.mediator_id = a.mediator_id and " + m.sql()
                + " where " + a.sql() + " and a.community_code = ? order by a.valid_from, m.mediator_id",
                (rs, n) -> new AppointedMediator(rs.getString(1), rs.getString(2),
                                                 MediatorEmployment.valueOf(rs.getString(3)),
                                                 TemporalTable.instant(rs, "valid_from")),
                concat(m.args(), a.argsWith(details.code())));
        return new CommunityDetails(details.code(), details.name(), details.kind(), details.townshipName(),
                                    details.residentPopulation(), details.cityCode(), details.cityName(),
                                    details.countyCode(), details.countyName(), details.disputeProminent(),
                                    details.disputeProminentReason(), compoundList, serving, details.version());
    }

    private void changeCommunity(String code, Instant at, java.util.function.UnaryOperator<CommunityRow> change) {
        Optional<Version<CommunityRow>> previous = communities.current(writing(), COMMUNITY, code);
        previous.ifPresent(current -> communities.put(writing(), at, previous, new Object[]{code},
                                                      change.apply(current.row()).values(code)));
    }

    private void changeMediator(String mediatorId, Instant at, java.util.function.UnaryOperator<MediatorRow> change) {
        Optional<Version<MediatorRow>> previous = mediators.current(writing(), MEDIATOR, mediatorId);
        previous.ifPresent(current -> {
            MediatorRow next = change.apply(current.row());
            mediators.put(writing(), at, previous, new Object[]{mediatorId}, next.name(), next.employment(),
                          next.version());
        });
    }

    private static Object[] concat(List<Object> first, Object[] rest) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(java.util.Arrays.asList(rest));
        return all.toArray();
    }
}
