package org.jinlin.app.pages;

import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.household.DisabilityKind;
import org.jinlin.kernel.household.EmploymentStatus;
import org.jinlin.kernel.household.MemberFacts;
import org.jinlin.kernel.household.Relation;
import org.jinlin.kernel.household.SelfCare;
import org.jinlin.kernel.mediator.MediatorEmployment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** The registrar's forms, field for field the API's request bodies. */
final class RegistryForms {

    /** A household form offers this many member rows; the empty ones are left out. */
    static final int MEMBER_ROWS = 4;

    private RegistryForms() {
    }

    static final class CommunityForm {
        public String key = Forms.newKey();
        public String code;
        public String name;
        public CommunityKind kind;
        public String townshipName;
        public Integer residentPopulation;
    }

    static final class CompoundForm {
        public String key = Forms.newKey();
        public Long version;
        public String compoundId;
        public String name;
    }

    static final class MediatorForm {
        public String key = Forms.newKey();
        public String mediatorId;
        public String name;
        public MediatorEmployment employment;
    }

    static final class AppointmentForm {
        public String key = Forms.newKey();
        public Long version;
        public String communityCode;
        public String reason;
    }

    static final class PolicyForm {
        public String key = Forms.newKey();
        public String cityCode;
        public BigDecimal dibaoStandard;
        public String effectiveFrom;
        public BigDecimal lowIncomeMultiplier;
        public Boolean disabilityAllowanceExtended;
    }

    static final class HouseholdForm {
        public String key = Forms.newKey();
        public String householdId;
        public String communityCode;
        public String compoundId;
        public BigDecimal monthlyIncome;
        public boolean migrant;
        public List<MemberRow> members = new ArrayList<>(IntStream.range(0, MEMBER_ROWS).mapToObj(i -> new MemberRow())
                                                                  .toList());

        /** The members typed in; a row without an id-card number or a name is no member. */
        List<MemberFacts> filledMembers() {
            return members.stream().filter(MemberRow::filled).map(MemberRow::facts).toList();
        }
    }

    static final class MemberRow {
        public String idNumber;
        public String name;
        public Relation relation;
        public EmploymentStatus employment;
        public Integer disabilityGrade;
        public DisabilityKind disabilityKind;
        public SelfCare selfCare;
        public boolean severeIllness;
        public Integer graduationYear;
        public boolean orphan;
        public boolean unsupported;
        public boolean noIncomeSource;
        public boolean noLegalSupporter;

        boolean filled() {
            return idNumber != null && !idNumber.isBlank() || name != null && !name.isBlank();
        }

        MemberFacts facts() {
            return new MemberFacts(idNumber == null ? null : idNumber.trim().toUpperCase(java.util.Locale.ROOT),
                                   name, relation, employment, disabilityGrade, disabilityKind, selfCare,
                                   severeIllness, graduationYear, orphan, unsupported, noIncomeSource,
                                   noLegalSupporter);
        }
    }
}
