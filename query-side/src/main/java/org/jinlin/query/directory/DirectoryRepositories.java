package org.jinlin.query.directory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;

interface DirCommunityRepository extends JpaRepository<DirCommunityRow, String> {

    @Query("""
           select c from DirCommunityRow c
           where (:cityCode is null or c.cityCode = :cityCode) and (:countyCode is null or c.countyCode = :countyCode)
           order by c.code""")
    Page<DirCommunityRow> search(String cityCode, String countyCode, Pageable page);

    List<DirCommunityRow> findByCodeIn(Collection<String> codes);
}

interface DirCompoundRepository extends JpaRepository<DirCompoundRow, DirCompoundRow.Key> {

    List<DirCompoundRow> findByKeyCommunityCodeOrderByKeyCompoundId(String communityCode);
}

interface DirMediatorRepository extends JpaRepository<DirMediatorRow, String> {

    @Query("""
           select m from DirMediatorRow m
           where :communityCode is null
              or exists (select a from DirAppointmentRow a
                         where a.key.mediatorId = m.mediatorId and a.key.communityCode = :communityCode)
           order by m.mediatorId""")
    Page<DirMediatorRow> search(String communityCode, Pageable page);

    List<DirMediatorRow> findByMediatorIdIn(Collection<String> ids);
}

interface DirAppointmentRepository extends JpaRepository<DirAppointmentRow, DirAppointmentRow.Key> {

    List<DirAppointmentRow> findByKeyCommunityCodeOrderByAppointedAt(String communityCode);

    List<DirAppointmentRow> findByKeyMediatorIdOrderByAppointedAt(String mediatorId);

    List<DirAppointmentRow> findByKeyCommunityCodeIn(Collection<String> communityCodes);

    List<DirAppointmentRow> findByKeyMediatorIdIn(Collection<String> mediatorIds);
}
