package org.jinlin.query.ratio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether a mediator is full-time, so an appointment or a change of employment moves the right counters. */
@Entity
@Table(name = "ratio_mediator")
class RatioMediatorRow {

    @Id
    @Column(name = "mediator_id")
    private String mediatorId;
    @Column(name = "full_time")
    private boolean fullTime;

    protected RatioMediatorRow() {
    }

    RatioMediatorRow(String mediatorId, boolean fullTime) {
        this.mediatorId = mediatorId;
        this.fullTime = fullTime;
    }

    boolean fullTime() {
        return fullTime;
    }

    void fullTime(boolean fullTime) {
        this.fullTime = fullTime;
    }
}
