package org.jinlin.query.ratio;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * 专职调解员配备率 (read model 2): per city-level unit, communities registered and communities with at least one
 * active full-time mediator, against the policy's target "以设区市为单位配备率不低于3%"; and the priority communities
 * (矛盾纠纷较突出、常住人口基数较大) that still lack one.
 * <p>
 * Counters are kept incrementally: every change to a community's row moves the city counters by the difference
 * of its contribution before and after, so the answer never depends on the order in which a community's and its
 * mediators' events arrive.
 */
@Component
@ProcessingGroup(MediatorRatioProjection.PROCESSING_GROUP)
@EnableConfigurationProperties(MediatorRatioProperties.class)
public class MediatorRatioProjection {

    public static final String PROCESSING_GROUP = "mediator-ratios";

    private final RatioCommunityRepository communities;
    private final RatioCityRepository cities;
    private final RatioMediatorRepository mediators;
    private final RatioAppointmentRepository appointments;
    private final MediatorRatioProperties properties;

    MediatorRatioProjection(RatioCommunityRepository communities, RatioCityRepository cities,
                            RatioMediatorRepository mediators, RatioAppointmentRepository appointments,
                            MediatorRatioProperties properties) {
        this.communities = communities;
        this.cities = cities;
        this.mediators = mediators;
        this.appointments = appointments;
        this.properties = properties;
    }

    @EventHandler
    void on(CommunityRegistered event) {
        changeCommunity(event.code(), c -> c.register(event.name(), event.residentPopulation()));
    }

    @EventHandler
    void on(ResidentPopulationUpdated event) {
        changeCommunity(event.code(), c -> c.residentPopulation(event.residentPopulation()));
    }

    @EventHandler
    void on(CommunityFlaggedDisputeProminent event) {
        changeCommunity(event.code(), c -> c.disputeProminent(true));
    }

    @EventHandler
    void on(CommunityDisputeProminenceCleared event) {
        changeCommunity(event.code(), c -> c.disputeProminent(false));
    }

    @EventHandler
    void on(MediatorRegistered event) {
        mediators.save(new RatioMediatorRow(event.mediatorId(), event.employment() == MediatorEmployment.FULL_TIME));
    }

    @EventHandler
    void on(MediatorAppointed event) {
        appointments.save(new RatioAppointmentRow(event.mediatorId(), event.communityCode()));
        if (isFullTime(event.mediatorId())) {
            changeCommunity(event.communityCode(), c -> c.addFullTimeMediators(1));
        }
    }

    @EventHandler
    void on(MediatorRelieved event) {
        appointments.deleteById(new RatioAppointmentRow.Key(event.mediatorId(), event.communityCode()));
        if (isFullTime(event.mediatorId())) {
            changeCommunity(event.communityCode(), c -> c.addFullTimeMediators(-1));
        }
    }

    @EventHandler
    void on(MediatorEmploymentChanged event) {
        RatioMediatorRow mediator = mediators.findById(event.mediatorId())
                                             .orElseGet(() -> new RatioMediatorRow(event.mediatorId(), false));
        boolean fullTime = event.employment() == MediatorEmployment.FULL_TIME;
        if (mediator.fullTime() != fullTime) {
            int delta = fullTime ? 1 : -1;
            for (RatioAppointmentRow appointment : appointments.findByKeyMediatorId(event.mediatorId())) {
                changeCommunity(appointment.communityCode(), c -> c.addFullTimeMediators(delta));
            }
        }
        mediator.fullTime(fullTime);
        mediators.save(mediator);
    }

    @ResetHandler
    void reset() {
        appointments.deleteAllInBatch();
        mediators.deleteAllInBatch();
        communities.deleteAllInBatch();
        cities.deleteAllInBatch();
    }

    @QueryHandler
    List<MediatorRatio> handle(FindMediatorRatios query) {
        BigDecimal target = properties.target();
        return cities.findByCommunitiesGreaterThanOrderByCityCode(0).stream()
                     .map(city -> new MediatorRatio(
                             city.cityCode(), Divisions.nameOf(city.cityCode()), city.communities(),
                             city.withFullTimeMediator(),
                             (double) city.withFullTimeMediator() / city.communities(), target,
                             BigDecimal.valueOf(city.withFullTimeMediator())
                                       .compareTo(target.multiply(BigDecimal.valueOf(city.communities()))) >= 0))
                     .toList();
    }

    @QueryHandler
    List<MediatorGap> handle(FindMediatorGaps query) {
        Divisions.requireCityCode("cityCode", query.cityCode());
        return communities.priorityWithoutFullTimeMediator(query.cityCode(), properties.priorityPopulation())
                          .stream()
                          .map(c -> new MediatorGap(c.code(), c.name(), c.residentPopulation(), c.disputeProminent()))
                          .toList();
    }

    private boolean isFullTime(String mediatorId) {
        return mediators.findById(mediatorId).map(RatioMediatorRow::fullTime).orElse(false);
    }

    /** Applies a change to one community and moves its city's counters by the change in its contribution. */
    private void changeCommunity(String code, Consumer<RatioCommunityRow> change) {
        RatioCommunityRow community = communities.findById(code)
                                                 .orElseGet(() -> new RatioCommunityRow(code, Divisions.cityOf(code)));
        boolean countedBefore = community.countsAsCommunity();
        boolean coveredBefore = community.countsAsCovered();
        change.accept(community);
        communities.save(community);
        long communityDelta = delta(countedBefore, community.countsAsCommunity());
        long coveredDelta = delta(coveredBefore, community.countsAsCovered());
        if (communityDelta != 0 || coveredDelta != 0) {
            RatioCityRow city = cities.findById(community.cityCode())
                                      .orElseGet(() -> new RatioCityRow(community.cityCode()));
            city.add(communityDelta, coveredDelta);
            cities.save(city);
        }
    }

    private static long delta(boolean before, boolean after) {
        return (after ? 1 : 0) - (before ? 1 : 0);
    }
}
