package org.jinlin.query.ratio;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface RatioCommunityRepository extends JpaRepository<RatioCommunityRow, String> {

    @Query("""
           select c from RatioCommunityRow c
           where c.cityCode = :cityCode and c.registered = true and c.fullTimeMediators = 0
             and (c.disputeProminent = true or c.residentPopulation >= :priorityPopulation)
           order by c.disputeProminent desc, c.residentPopulation desc, c.code""")
    List<RatioCommunityRow> priorityWithoutFullTimeMediator(String cityCode, int priorityPopulation);
}

interface RatioCityRepository extends JpaRepository<RatioCityRow, String> {

    List<RatioCityRow> findByCommunitiesGreaterThanOrderByCityCode(long communities);
}

interface RatioMediatorRepository extends JpaRepository<RatioMediatorRow, String> {
}

interface RatioAppointmentRepository extends JpaRepository<RatioAppointmentRow, RatioAppointmentRow.Key> {

    List<RatioAppointmentRow> findByKeyMediatorId(String mediatorId);
}
