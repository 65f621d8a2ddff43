package crudbaseline;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data repositories of the CRUD baseline. */
final class Repositories {

    private Repositories() {
    }

    interface Communities extends JpaRepository<Rows.Community, String> {
    }

    interface Compounds extends JpaRepository<Rows.Compound, String> {
    }

    interface CityPolicies extends JpaRepository<Rows.CityPolicy, String> {
    }

    interface Mediators extends JpaRepository<Rows.Mediator, String> {
    }

    interface Appointments extends JpaRepository<Rows.Appointment, String> {
    }

    interface Households extends JpaRepository<Rows.Household, String> {
    }

    interface Members extends JpaRepository<Rows.Member, String> {
    }

    interface Disputes extends JpaRepository<Rows.Dispute, String> {
    }

    interface Steps extends JpaRepository<Rows.Step, String> {
    }
}
