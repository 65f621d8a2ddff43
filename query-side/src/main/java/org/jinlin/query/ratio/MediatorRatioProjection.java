package org.jinlin.query.ratio;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.jinlin.kernel.community.CommunityDisputeProminenceCleared;
import org.jinlin.kernel.community.CommunityFlaggedDisputeProminent;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.ResidentPopulationUpdated;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.mediator.MediatorAppointed;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.jinlin.kernel.mediator.MediatorEmploymentChanged;
import org.jinlin.kernel.mediator.MediatorRegistered;
import org.jinlin.kernel.mediator.MediatorRelieved;
import org.jinlin.kernel.ratio.MediatorRatioQueries.FindMediatorGaps;
import org.jinlin.kernel.ratio.MediatorRatioQueries.FindMediatorRatios;
import org.jinlin.kernel.ratio.MediatorRatioQueries.MediatorGap;
import org.jinlin.kernel.ratio.MediatorRatioQueries.MediatorRatio;
import org.jinlin.query.readmodel.GenerationalProjection;
import org.jinlin.query.readmodel.Generations;
import org.jinlin.query.readmodel.TemporalTable;
import org.jinlin.query.readmodel.TemporalTable.Condition;
import org.jinlin.query.readmodel.TemporalTable.Version;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * 专职调解员配备率 (read model 2): per city-level unit, communities registered and communities with at least one
 * active full-time mediator, against the policy's target "以设区市为单位配备率不低于3%"; and the priority communities
 * (矛盾纠纷较突出、常住人口基数较大) that still lack one.
 * <p>
 * Counters are kept incrementally: every change to a community moves its city's counters by the difference of
 * its contribution before and after, so the answer never depends on the order in which a community's and its
 * mediators' events arrive. Both tables keep their versions, so the answer as of any instant costs what the
 * current one does.
 */
@Component
@ProcessingGroup(MediatorRatioProjection.PROCESSING_GROUP)
@EnableConfigurationProperties(MediatorRatioProperties.class)
public class MediatorRatioProjection extends GenerationalProjection {

    public static final String PROCESSING_GROUP = "mediator-ratios";

    private record CityCounts(long communities, long withFullTimeMediator) {
    }

    private record CommunityRow(String cityCode, boolean registered, String name, int residentPopulation,
                                boolean disputeProminent, int fullTimeMediators) {

        boolean counted() {
            return registered;
        }

        boolean covered() {
            return registered && fullTimeMediators > 0;
        }

        Object[] values() {
            return new Object[]{cityCode, registered, name, residentPopulation, disputeProminent, fullTimeMediators};
        }
    }

    private static final RowMapper<CityCounts> CITY = (rs, n) ->
            new CityCounts(rs.getLong("communities"), rs.getLong("with_full_time_mediator"));
    private static final RowMapper<CommunityRow> COMMUNITY = (rs, n) ->
            new CommunityRow(rs.getString("city_code"), rs.getBoolean("registered"), rs.getString("name"),
                             rs.getInt("resident_population"), rs.getBoolean("dispute_prominent"),
                             rs.getInt("full_time_mediators"));

    private final TemporalTable cities;
    private final TemporalTable communities;
    private final MediatorRatioProperties properties;

    public MediatorRatioProjection(JdbcTemplate jdbc, Generations generations, MediatorRatioProperties properties) {
        super(jdbc, generations);
        this.properties = properties;
        this.cities = new TemporalTable(jdbc, "ratio_city", List.of("city_code"),
                                        List.of("communities", "with_full_time_mediator"));
        this.communities = new TemporalTable(jdbc, "ratio_community", List.of("code"),
                                             List.of("city_code", "registered", "name", "resident_population",
                                                     "dispute_prominent", "full_time_mediators"));
    }

    @Override
    public String name() {
        return PROCESSING_GROUP;
    }

    @Override
    protected List<String> tables() {
        return List.of("ratio_city", "ratio_community", "ratio_mediator", "ratio_appointment");
    }

    @EventHandler
    void on(CommunityRegistered event, @Timestamp Instant at) {
        changeCommunity(event.code(), at, c -> new CommunityRow(c.cityCode(), true, event.name(),
                                                                event.residentPopulation(), c.disputeProminent(),
                                                                c.fullTimeMediators()));
    }

    @EventHandler
    void on(ResidentPopulationUpdated event, @Timestamp Instant at) {
        changeCommunity(event.code(), at, c -> new CommunityRow(c.cityCode(), c.registered(), c.name(),
                                                                event.residentPopulation(), c.disputeProminent(),
                                                                c.fullTimeMediators()));
    }

    @EventHandler
    void on(CommunityFlaggedDisputeProminent event, @Timestamp Instant at) {
        changeCommunity(event.code(), at, c -> prominent(c, true));
    }

    @EventHandler
    void on(CommunityDisputeProminenceCleared event, @Timestamp Instant at) {
        changeCommunity(event.code(), at, c -> prominent(c, false));
    }

    @EventHandler
    void on(MediatorRegistered event) {
        setFullTime(event.mediatorId(), event.employment() == MediatorEmployment.FULL_TIME);
    }

    @EventHandler
    void on(MediatorAppointed event, @Timestamp Instant at) {
        jdbc.update("insert into ratio_appointment (generation, mediator_id, community_code) values (?, ?, ?)",
                    writing(), event.mediatorId(), event.communityCode());
        if (isFullTime(event.mediatorId())) {
            changeCommunity(event.communityCode(), at, c -> withFullTimeMediators(c, 1));
        }
    }

    @EventHandler
    void on(MediatorRelieved event, @Timestamp Instant at) {
        jdbc.update("delete from ratio_appointment where generation = ? and mediator_id = ? and community_code = ?",
                    writing(), event.mediatorId(), event.communityCode());
        if (isFullTime(event.mediatorId())) {
            changeCommunity(event.communityCode(), at, c -> withFullTimeMediators(c, -1));
        }
    }

    @EventHandler
    void on(MediatorEmploymentChanged event, @Timestamp Instant at) {
        boolean fullTime = event.employment() == MediatorEmployment.FULL_TIME;
        if (isFullTime(event.mediatorId()) != fullTime) {
            int delta = fullTime ? 1 : -1;
            List<String> served = jdbc.queryForList(
                    "select community_code from ratio_appointment where generation = ? and mediator_id = ?",
                    String.class, writing(), event.mediatorId());
            for (String community : served) {
                changeCommunity(community, at, c -> withFullTimeMediators(c, delta));
            }
        }
        setFullTime(event.mediatorId(), fullTime);
    }

    @QueryHandler
    public List<MediatorRatio> handle(FindMediatorRatios query) {
        BigDecimal target = properties.target();
        // As of an instant: the versions still current and those that ended after it, each a range of
        // ix_ratio_city_now; "valid_to is null or valid_to > ?" made the database read every version of every city.
        Condition valid = TemporalTable.unionOfRanges("", reading(), query.asOf(), range ->
                "select city_code, communities, with_full_time_mediator from ratio_city where " + range
                + " and communities > 0");
        return jdbc.query(valid.sql() + " order by 1",
                          (rs, n) -> {
                              String city = rs.getString(1);
                              long all = rs.getLong(2);
                              long covered = rs.getLong(3);
                              return new MediatorRatio(city, Divisions.nameOf(city), all, covered,
                                                       (double) covered / all, target,
                                                       BigDecimal.valueOf(covered)
                                                                 .compareTo(target.multiply(BigDecimal.valueOf(all))) >= 0);
                          },
                          valid.args().toArray());
    }

    @QueryHandler
    public List<MediatorGap> handle(FindMediatorGaps query) {
        Divisions.requireCityCode("cityCode", query.cityCode());
        // The same two ranges, of ix_ratio_community_city.
        Condition valid = TemporalTable.unionOfRanges("", reading(), query.asOf(), range ->
                "select code, name, resident_population, dispute_prominent from ratio_community where " + range
                + " and city_code = ? and registered = true and full_time_mediators = 0"
                + " and (dispute_prominent = true or resident_population >= ?)",
                query.cityCode(), properties.priorityPopulation());
        return jdbc.query(valid.sql() + " order by 4 desc, 3 desc, 1",
                          (rs, n) -> new MediatorGap(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)),
                          valid.args().toArray());
    }

    private static CommunityRow prominent(CommunityRow c, boolean prominent) {
        return new CommunityRow(c.cityCode(), c.registered(), c.name(), c.residentPopulation(), prominent,
                                c.fullTimeMediators());
    }

    private static CommunityRow withFullTimeMediators(CommunityRow c, int delta) {
        return new CommunityRow(c.cityCode(), c.registered(), c.name(), c.residentPopulation(), c.disputeProminent(),
                                c.fullTimeMediators() + delta);
    }

    private boolean isFullTime(String mediatorId) {
        List<Boolean> found = jdbc.queryForList(
                "select full_time from ratio_mediator where generation = ? and mediator_id = ?", Boolean.class,
                writing(), mediatorId);
        return !found.isEmpty() && found.get(0);
    }

    private void setFullTime(String mediatorId, boolean fullTime) {
        int updated = jdbc.update("update ratio_mediator set full_time = ? where generation = ? and mediator_id = ?",
                                  fullTime, writing(), mediatorId);
        if (updated == 0) {
            jdbc.update("insert into ratio_mediator (generation, mediator_id, full_time) values (?, ?, ?)",
                        writing(), mediatorId, fullTime);
        }
    }

    /** Applies a change to one community and moves its city's counters by the change in its contribution. */
    private void changeCommunity(String code, Instant at, UnaryOperator<CommunityRow> change) {
        int generation = writing();
        Optional<Version<CommunityRow>> previous = communities.current(generation, COMMUNITY, code);
        CommunityRow before = previous.map(Version::row)
                                      .orElseGet(() -> new CommunityRow(Divisions.cityOf(code), false, null, 0, false, 0));
        CommunityRow after = change.apply(before);
        communities.put(generation, at, previous, new Object[]{code}, after.values());
        long communityDelta = delta(before.counted(), after.counted());
        long coveredDelta = delta(before.covered(), after.covered());
        if (communityDelta != 0 || coveredDelta != 0) {
            Optional<Version<CityCounts>> city = cities.current(generation, CITY, after.cityCode());
            CityCounts counts = city.map(Version::row).orElse(new CityCounts(0, 0));
            cities.put(generation, at, city, new Object[]{after.cityCode()},
                       counts.communities() + communityDelta, counts.withFullTimeMediator() + coveredDelta);
        }
    }

    private static long delta(boolean before, boolean after) {
        return (after ? 1 : 0) - (before ? 1 : 0);
    }
}
