package crudbaseline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The CRUD baseline's current-state tables: what a plain Spring Data JPA application would keep for the same
 * facts, updated in place, without history. Ids are the natural keys; {@code @Version} makes new rows inserts
 * without a preceding select and guards updates, as such an application would.
 */
final class Rows {

    private Rows() {
    }

    @Entity
    @Table(name = "crud_community")
    static class Community {
        @Id
        String code;
        String name;
        String kind;
        String townshipName;
        int residentPopulation;
        boolean disputeProminent;
        @Version
        Long version;
    }

    @Entity
    @Table(name = "crud_compound")
    static class Compound {
        @Id
        String id;
        String communityCode;
        String name;
        @Version
        Long version;
    }

    @Entity
    @Table(name = "crud_city_policy")
    static class CityPolicy {
        @Id
        String cityCode;
        BigDecimal dibaoStandard;
        LocalDate effectiveFrom;
        @Version
        Long version;
    }

    @Entity
    @Table(name = "crud_mediator")
    static class Mediator {
        @Id
        String id;
        String name;
        String employment;
        @Version
        Long version;
    }

    @Entity
    @Table(name = "crud_appointment")
    static class Appointment {
        @Id
        String id;
        String mediatorId;
        String communityCode;
        boolean active;
        @Version
        Long version;
    }

    @Entity
    @Table(name = "crud_household")
    static class Household {
        @Id
        String id;
        String communityCode;
        String compoundId;
        BigDecimal monthlyIncome;
        boolean migrant;
        @Version
        Long version;
    }

    @Entity
    @Table(name = "crud_member")
    static class Member {
        @Id
        String id;
        String householdId;
        String idNumber;
        String name;
        String relation;
        String employment;
        @Version
        Long version;
    }

    @Entity
    @Table(name = "crud_dispute")
    static class Dispute {
        @Id
        String id;
        String communityCode;
        String compoundId;
        String category;
        String scale;
        String source;
        @Column(length = 2000)
        String summary;
        @Column(length = 2000)
        String parties;
        Instant reportedAt;
        String status;
        String mediatorId;
        int steps;
        @Column(length = 2000)
        String agreementSummary;
        Instant resolvedAt;
        @Version
        Long version;
    }

    @Entity
    @Table(name = "crud_step")
    static class Step {
        @Id
        String id;
        String disputeId;
        String kind;
        @Column(length = 2000)
        String note;
        Instant occurredAt;
        @Version
        Long version;
    }
}
