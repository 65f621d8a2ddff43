package org.jinlin.query.ratio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A community as the ratio sees it. A row can exist before the community is registered (its mediators'
 * events may be handled first); it counts only once {@code registered}.
 */
@Entity
@Table(name = "ratio_community")
class RatioCommunityRow {

    @Id
    private String code;
    @Column(name = "city_code", nullable = false)
    private String cityCode;
    private boolean registered;
    private String name;
    @Column(name = "resident_population")
    private int residentPopulation;
    @Column(name = "dispute_prominent")
    private boolean disputeProminent;
    @Column(name = "full_time_mediators")
    private int fullTimeMediators;

    protected RatioCommunityRow() {
    }

    RatioCommunityRow(String code, String cityCode) {
        this.code = code;
        this.cityCode = cityCode;
    }

    /** Whether this community counts among the city's registered communities. */
    boolean countsAsCommunity() {
        return registered;
    }

    /** Whether this community counts as one with a full-time mediator. */
    boolean countsAsCovered() {
        return registered && fullTimeMediators > 0;
    }

    String code() {
        return code;
    }

    String cityCode() {
        return cityCode;
    }

    String name() {
        return name;
    }

    int residentPopulation() {
        return residentPopulation;
    }

    boolean disputeProminent() {
        return disputeProminent;
    }

    void register(String name, int residentPopulation) {
        this.registered = true;
        this.name = name;
        this.residentPopulation = residentPopulation;
    }

    void residentPopulation(int residentPopulation) {
        this.residentPopulation = residentPopulation;
    }

    void disputeProminent(boolean disputeProminent) {
        this.disputeProminent = disputeProminent;
    }

    void addFullTimeMediators(int delta) {
        this.fullTimeMediators += delta;
    }
}
