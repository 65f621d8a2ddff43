package org.jinlin.query.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A registered community with its facts and the version of its stream (for {@code If-Match}). */
@Entity
@Table(name = "dir_community")
class DirCommunityRow {

    @Id
    String code;
    String name;
    String kind;
    @Column(name = "township_name")
    String townshipName;
    @Column(name = "resident_population")
    int residentPopulation;
    @Column(name = "city_code")
    String cityCode;
    @Column(name = "county_code")
    String countyCode;
    @Column(name = "dispute_prominent")
    boolean disputeProminent;
    @Column(name = "dispute_prominent_reason")
    String disputeProminentReason;
    long version;

    protected DirCommunityRow() {
    }

    DirCommunityRow(String code) {
        this.code = code;
    }
}

@Entity
@Table(name = "dir_compound")
class DirCompoundRow {

    @EmbeddedId
    Key key;
    String name;

    protected DirCompoundRow() {
    }

    DirCompoundRow(String communityCode, String compoundId, String name) {
        this.key = new Key(communityCode, compoundId);
        this.name = name;
    }

    @Embeddable
    record Key(@Column(name = "community_code") String communityCode,
               @Column(name = "compound_id") String compoundId) implements Serializable {
    }
}

@Entity
@Table(name = "dir_mediator")
class DirMediatorRow {

    @Id
    @Column(name = "mediator_id")
    String mediatorId;
    String name;
    String employment;
    long version;

    protected DirMediatorRow() {
    }

    DirMediatorRow(String mediatorId) {
        this.mediatorId = mediatorId;
    }
}

@Entity
@Table(name = "dir_appointment")
class DirAppointmentRow {

    @EmbeddedId
    Key key;
    @Column(name = "appointed_at")
    Instant appointedAt;

    protected DirAppointmentRow() {
    }

    DirAppointmentRow(String mediatorId, String communityCode, Instant appointedAt) {
        this.key = new Key(mediatorId, communityCode);
        this.appointedAt = appointedAt;
    }

    @Embeddable
    record Key(@Column(name = "mediator_id") String mediatorId,
               @Column(name = "community_code") String communityCode) implements Serializable {
    }
}
