package org.jinlin.query.ratio;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** An active appointment of a mediator to a community. */
@Entity
@Table(name = "ratio_appointment")
class RatioAppointmentRow {

    @EmbeddedId
    private Key key;

    protected RatioAppointmentRow() {
    }

    RatioAppointmentRow(String mediatorId, String communityCode) {
        this.key = new Key(mediatorId, communityCode);
    }

    String communityCode() {
        return key.communityCode();
    }

    @Embeddable
    record Key(@Column(name = "mediator_id") String mediatorId,
               @Column(name = "community_code") String communityCode) implements Serializable {
    }
}
