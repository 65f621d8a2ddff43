package org.jinlin.kernel.household;

import org.jinlin.kernel.privacy.PersonalData;

import java.time.LocalDate;

/**
 * A member of a household as the events record it. {@code memberNo} numbers the members within the household and
 * is what events and rules refer to, so nothing depends on the id-card number and name, which are personal data
 * (encrypted, and erasable). Birth date and sex stay readable: the rules and the statistics need the ages.
 */
public record Member(int memberNo, @PersonalData String idNumber, @PersonalData String name, LocalDate birthDate,
                     Sex sex, Relation relation, EmploymentStatus employment, Integer disabilityGrade,
                     DisabilityKind disabilityKind, SelfCare selfCare, boolean severeIllness, Integer graduationYear,
                     boolean orphan, boolean unsupported, boolean noIncomeSource, boolean noLegalSupporter) {

    /** Age in whole years on a date: a person turns 80 on their 80th birthday. */
    public int ageOn(LocalDate date) {
        int age = date.getYear() - birthDate.getYear();
        return birthDate.plusYears(age).isAfter(date) ? age - 1 : age;
    }

    public boolean disabled() {
        return disabilityGrade != null;
    }
}
