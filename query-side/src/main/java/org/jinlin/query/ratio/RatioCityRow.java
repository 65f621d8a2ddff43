package org.jinlin.query.ratio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The two counters of one city-level unit, kept incrementally so a ratio query reads ten rows at most. */
@Entity
@Table(name = "ratio_city")
class RatioCityRow {

    @Id
    @Column(name = "city_code")
    private String cityCode;
    private long communities;
    @Column(name = "with_full_time_mediator")
    private long withFullTimeMediator;

    protected RatioCityRow() {
    }

    RatioCityRow(String cityCode) {
        this.cityCode = cityCode;
    }

    String cityCode() {
        return cityCode;
    }

    long communities() {
        return communities;
    }

    long withFullTimeMediator() {
        return withFullTimeMediator;
    }

    void add(long communities, long withFullTimeMediator) {
        this.communities += communities;
        this.withFullTimeMediator += withFullTimeMediator;
    }
}
