package org.jinlin.kernel.household;

import org.jinlin.kernel.Check;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a registrar records about one member of a household. Birth date and sex are not given: they are read
 * from the id-card number. Absent yes/no facts mean no; absent self-care means capable.
 */
public record MemberFacts(String idNumber, String name, Relation relation, EmploymentStatus employment,
                          Integer disabilityGrade, DisabilityKind disabilityKind, SelfCare selfCare,
                          Boolean severeIllness, Integer graduationYear, Boolean orphan, Boolean unsupported,
                          Boolean noIncomeSource, Boolean noLegalSupporter) {

    /** Checks every fact, naming fields as {@code prefix + name}, e.g. {@code members[1].idNumber}. */
    public Check check(Check check, String prefix) {
        check.valid(() -> IdCardNumber.parse(prefix + "idNumber", idNumber))
             .notBlank(prefix + "name", name, 50)
             .notNull(prefix + "relation", relation)
             .notNull(prefix + "employment", employment);
        if (disabilityGrade != null) {
            check.that(disabilityGrade >= 1 && disabilityGrade <= 4, prefix + "disabilityGrade",
                       "must be 1 (most severe) to 4")
                 .that(disabilityKind != null, prefix + "disabilityKind", "is required with a disability grade");
        } else {
            check.that(disabilityKind == null, prefix + "disabilityGrade", "is required with a disability kind");
        }
        if (graduationYear != null) {
            int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            check.that(graduationYear >= 1950 && graduationYear <= thisYear + 1, prefix + "graduationYear",
                       "must be a year between 1950 and " + (thisYear + 1));
        }
        return check;
    }

    public IdCardNumber id() {
        return IdCardNumber.parse("idNumber", idNumber);
    }

    /** The member as the events record it, numbered within the household. */
    public Member asMember(int memberNo) {
        IdCardNumber id = id();
        return new Member(memberNo, id.value(), name.strip(), id.birthDate(), id.sex(), relation, employment,
                          disabilityGrade, disabilityKind, selfCare == null ? SelfCare.CAPABLE : selfCare,
                          yes(severeIllness), graduationYear, yes(orphan), yes(unsupported), yes(noIncomeSource),
                          yes(noLegalSupporter));
    }

    private static boolean yes(Boolean fact) {
        return Boolean.TRUE.equals(fact);
    }
}
