package org.jinlin.query.directory;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registrar's directory: each community (社区/村) with its compounds (小区) and the mediators appointed to it,
 * each mediator (调解员) with the communities they serve. Also gives each aggregate's version for {@code If-Match}.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
public class DirectoryProjection {

    public static final String PROCESSING_GROUP = "directory";

    private final DirCommunityRepository communities;
    private final DirCompoundRepository compounds;
    private final DirMediatorRepository mediators;
    private final DirAppointmentRepository appointments;

    DirectoryProjection(DirCommunityRepository communities, DirCompoundRepository compounds,
                        DirMediatorRepository mediators, DirAppointmentRepository appointments) {
        this.communities = communities;
        this.compounds = compounds;
        this.mediators = mediators;
        this.appointments = appointments;
    }

    @EventHandler
    void on(CommunityRegistered event, @SequenceNumber long version) {
        DirCommunityRow row = new DirCommunityRow(event.code());
        row.name = event.name();
        row.kind = event.kind().name();
        row.townshipName = event.townshipName();
        row.residentPopulation = event.residentPopulation();
        row.cityCode = Divisions.cityOf(event.code());
        row.countyCode = Divisions.countyOf(event.code());
        row.version = version;
        communities.save(row);
    }

    @EventHandler
    void on(CompoundAdded event, @SequenceNumber long version) {
        compounds.save(new DirCompoundRow(event.code(), event.compoundId(), event.name()));
        community(event.code(), version, row -> { });
    }

    @EventHandler
    void on(ResidentPopulationUpdated event, @SequenceNumber long version) {
        community(event.code(), version, row -> row.residentPopulation = event.residentPopulation());
    }

    @EventHandler
    void on(CommunityFlaggedDisputeProminent event, @SequenceNumber long version) {
        community(event.code(), version, row -> {
            row.disputeProminent = true;
            row.disputeProminentReason = event.reason();
        });
    }

    @EventHandler
    void on(CommunityDisputeProminenceCleared event, @SequenceNumber long version) {
        community(event.code(), version, row -> {
            row.disputeProminent = false;
            row.disputeProminentReason = null;
        });
    }

    @EventHandler
    void on(MediatorRegistered event, @SequenceNumber long version) {
        DirMediatorRow row = new DirMediatorRow(event.mediatorId());
        row.name = event.name();
        row.employment = event.employment().name();
        row.version = version;
        mediators.save(row);
    }

    @EventHandler
    void on(MediatorAppointed event, @SequenceNumber long version, @Timestamp Instant at) {
        appointments.save(new DirAppointmentRow(event.mediatorId(), event.communityCode(), at));
        mediator(event.mediatorId(), version, row -> { });
    }

    @EventHandler
    void on(MediatorRelieved event, @SequenceNumber long version) {
        appointments.deleteById(new DirAppointmentRow.Key(event.mediatorId(), event.communityCode()));
        mediator(event.mediatorId(), version, row -> { });
    }

    @EventHandler
    void on(MediatorEmploymentChanged event, @SequenceNumber long version) {
        mediator(event.mediatorId(), version, row -> row.employment = event.employment().name());
    }

    @ResetHandler
    void reset() {
        appointments.deleteAllInBatch();
        mediators.deleteAllInBatch();
        compounds.deleteAllInBatch();
        communities.deleteAllInBatch();
    }

    @QueryHandler
    Optional<CommunityDetails> handle(FindCommunity query) {
        return communities.findById(query.code()).map(row -> {
            List<DirAppointmentRow> appointed = appointments.findByKeyCommunityCodeOrderByAppointedAt(row.code);
            Map<String, DirMediatorRow> names = mediatorsById(appointed.stream().map(a -> a.key.mediatorId()).toList());
            List<AppointedMediator> serving = appointed.stream()
                    .filter(a -> names.containsKey(a.key.mediatorId()))
                    .map(a -> {
                        DirMediatorRow m = names.get(a.key.mediatorId());
                        return new AppointedMediator(m.mediatorId, m.name, MediatorEmployment.valueOf(m.employment),
                                                     a.appointedAt);
                    })
                    .toList();
            List<Compound> compoundList = compounds.findByKeyCommunityCodeOrderByKeyCompoundId(row.code).stream()
                                                   .map(c -> new Compound(c.key.compoundId(), c.name))
                                                   .toList();
            return new CommunityDetails(row.code, row.name, CommunityKind.valueOf(row.kind), row.townshipName,
                                        row.residentPopulation, row.cityCode, Divisions.nameOf(row.cityCode),
                                        row.countyCode, Divisions.nameOf(row.countyCode), row.disputeProminent,
                                        row.disputeProminentReason, compoundList, serving, row.version);
        });
    }

    @QueryHandler
    Optional<MediatorDetails> handle(FindMediator query) {
        return mediators.findById(query.mediatorId()).map(row -> {
            List<DirAppointmentRow> held = appointments.findByKeyMediatorIdOrderByAppointedAt(row.mediatorId);
            Map<String, String> communityNames = communities
                    .findByCodeIn(held.stream().map(a -> a.key.communityCode()).toList()).stream()
                    .collect(Collectors.toMap(c -> c.code, c -> c.name));
            return new MediatorDetails(row.mediatorId, row.name, MediatorEmployment.valueOf(row.employment),
                                       held.stream()
                                           .map(a -> new Appointment(a.key.communityCode(),
                                                                     communityNames.get(a.key.communityCode()),
                                                                     a.appointedAt))
                                           .toList(),
                                       row.version);
        });
    }

    @QueryHandler
    CommunityPage handle(ListCommunities query) {
        Page<DirCommunityRow> page = communities.search(query.cityCode(), query.countyCode(),
                                                        PageRequest.of(query.page(), query.size()));
        List<String> codes = page.stream().map(c -> c.code).toList();
        List<DirAppointmentRow> appointed = appointments.findByKeyCommunityCodeIn(codes);
        Map<String, DirMediatorRow> byId = mediatorsById(appointed.stream().map(a -> a.key.mediatorId()).toList());
        Map<String, Long> fullTime = appointed.stream()
                .filter(a -> byId.containsKey(a.key.mediatorId())
                             && MediatorEmployment.FULL_TIME.name().equals(byId.get(a.key.mediatorId()).employment))
                .collect(Collectors.groupingBy(a -> a.key.communityCode(), Collectors.counting()));
        return new CommunityPage(page.stream()
                                     .map(c -> new CommunitySummary(c.code, c.name, CommunityKind.valueOf(c.kind),
                                                                    c.cityCode, c.countyCode, c.residentPopulation,
                                                                    c.disputeProminent,
                                                                    fullTime.getOrDefault(c.code, 0L).intValue()))
                                     .toList(),
                                 query.page(), query.size(), page.getTotalElements());
    }

    @QueryHandler
    MediatorPage handle(ListMediators query) {
        Page<DirMediatorRow> page = mediators.search(query.communityCode(), PageRequest.of(query.page(), query.size()));
        Map<String, Long> held = appointments.findByKeyMediatorIdIn(page.stream().map(m -> m.mediatorId).toList())
                                             .stream()
                                             .collect(Collectors.groupingBy(a -> a.key.mediatorId(), Collectors.counting()));
        return new MediatorPage(page.stream()
                                    .map(m -> new MediatorSummary(m.mediatorId, m.name,
                                                                  MediatorEmployment.valueOf(m.employment),
                                                                  held.getOrDefault(m.mediatorId, 0L).intValue()))
                                    .toList(),
                                query.page(), query.size(), page.getTotalElements());
    }

    private Map<String, DirMediatorRow> mediatorsById(List<String> ids) {
        return mediators.findByMediatorIdIn(ids).stream()
                        .collect(Collectors.toMap(m -> m.mediatorId, Function.identity()));
    }

    private void community(String code, long version, java.util.function.Consumer<DirCommunityRow> change) {
        communities.findById(code).ifPresent(row -> {
            change.accept(row);
            row.version = version;
        });
    }

    private void mediator(String mediatorId, long version, java.util.function.Consumer<DirMediatorRow> change) {
        mediators.findById(mediatorId).ifPresent(row -> {
            change.accept(row);
            row.version = version;
        });
    }
}
