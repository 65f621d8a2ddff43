package org.jinlin.kernel.directory;

import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.mediator.MediatorEmployment;

import java.time.Instant;
import java.util.List;

/** The registrar's directory: communities with their compounds and mediators, mediators with their appointments. */
public final class DirectoryQueries {

    private DirectoryQueries() {
    }

    public record FindCommunity(String code, Instant asOf) {
    }

    public record CommunityDetails(String code, String name, CommunityKind kind, String townshipName,
                                   int residentPopulation, String cityCode, String cityName, String countyCode,
                                   String countyName, boolean disputeProminent, String disputeProminentReason,
                                   List<Compound> compounds, List<AppointedMediator> mediators, long version) {
    }

    public record Compound(String compoundId, String name) {
    }

    public record AppointedMediator(String mediatorId, String name, MediatorEmployment employment,
                                    Instant appointedAt) {
    }

    public record FindMediator(String mediatorId, Instant asOf) {
    }

    public record MediatorDetails(String mediatorId, String name, MediatorEmployment employment,
                                  List<Appointment> appointments, long version) {
    }

    public record Appointment(String communityCode, String communityName, Instant appointedAt) {
    }

    /** Communities of a city or county, in code order, a page at a time. */
    public record ListCommunities(String cityCode, String countyCode, int page, int size, Instant asOf) {
    }

    public record CommunitySummary(String code, String name, CommunityKind kind, String cityCode, String countyCode,
                                   int residentPopulation, boolean disputeProminent, int fullTimeMediators) {
    }

    public record CommunityPage(List<CommunitySummary> items, int page, int size, long total) {
    }

    public record ListMediators(String communityCode, int page, int size, Instant asOf) {
    }

    public record MediatorSummary(String mediatorId, String name, MediatorEmployment employment,
                                  int activeAppointments) {
    }

    public record MediatorPage(List<MediatorSummary> items, int page, int size, long total) {
    }
}
