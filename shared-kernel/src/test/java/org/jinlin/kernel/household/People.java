package org.jinlin.kernel.household;

import java.time.LocalDate;

/** Household members for tests, built fact by fact; ids are valid numbers made for the birth date and sex. */
final class People {

    private int memberNo = 1;
    private LocalDate birthDate = LocalDate.of(1985, 5, 20);
    private Sex sex = Sex.MALE;
    private EmploymentStatus employment = EmploymentStatus.EMPLOYED;
    private Integer disabilityGrade;
    private DisabilityKind disabilityKind;
    private SelfCare selfCare = SelfCare.CAPABLE;
    private boolean severeIllness;
    private Integer graduationYear;
    private boolean orphan;
    private boolean unsupported;
    private boolean noIncomeSource;
    private boolean noLegalSupporter;

    static People member(int memberNo) {
        People people = new People();
        people.memberNo = memberNo;
        return people;
    }

    People born(LocalDate date) {
        birthDate = date;
        return this;
    }

    /** Born exactly {@code years} years before {@code on}: that is their birthday. */
    People aged(int years, LocalDate on) {
        birthDate = on.minusYears(years);
        return this;
    }

    People woman() {
        sex = Sex.FEMALE;
        return this;
    }

    People man() {
        sex = Sex.MALE;
        return this;
    }

    People employment(EmploymentStatus status) {
        employment = status;
        return this;
    }

    People disability(int grade, DisabilityKind kind) {
        disabilityGrade = grade;
        disabilityKind = kind;
        return this;
    }

    People selfCare(SelfCare care) {
        selfCare = care;
        return this;
    }

    People severelyIll() {
        severeIllness = true;
        return this;
    }

    People graduated(int year) {
        graduationYear = year;
        return this;
    }

    People orphan() {
        orphan = true;
        return this;
    }

    People unsupported() {
        unsupported = true;
        return this;
    }

    People withoutIncomeOrSupporter() {
        noIncomeSource = true;
        noLegalSupporter = true;
        return this;
    }

    Member build() {
        return new Member(memberNo, idFor(birthDate, sex, memberNo), "成员" + memberNo, birthDate, sex, Relation.OTHER,
                          employment, disabilityGrade, disabilityKind, selfCare, severeIllness, graduationYear, orphan,
                          unsupported, noIncomeSource, noLegalSupporter);
    }

    /** A valid id-card number of someone from 新罗区 born on this date, of this sex. */
    static String idFor(LocalDate birthDate, Sex sex, int sequence) {
        String sequenceDigits = String.format("%02d", sequence % 100) + (sex == Sex.MALE ? "1" : "2");
        String first17 = "350802" + birthDate.toString().replace("-", "") + sequenceDigits;
        return first17 + IdCardNumber.checkCharacter(first17);
    }
}
