package org.jinlin.query.web;

import org.jinlin.kernel.privacy.Masking;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Whether the current reader sees personal data in full. Registrars, auditors, administrators and those who
 * handle cases (mediators, coordinators) do; a reader who is only a policy analyst sees names and id-card
 * numbers masked ({@link Masking}).
 */
@Component
public class Viewer {

    private static final Set<String> SEES_PERSONAL_DATA = Set.of("ROLE_REGISTRAR", "ROLE_AUDITOR", "ROLE_ADMIN",
                                                                 "ROLE_MEDIATOR", "ROLE_COORDINATOR");

    public boolean seesPersonalData() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                 .anyMatch(SEES_PERSONAL_DATA::contains);
    }

    public String name(String name) {
        return seesPersonalData() ? name : Masking.name(name);
    }

    public String idNumber(String idNumber) {
        return seesPersonalData() ? idNumber : Masking.idNumber(idNumber);
    }

    /** A roster entry as an analyst sees it. */
    public static org.jinlin.kernel.roster.RosterQueries.RosterEntry masked(
            org.jinlin.kernel.roster.RosterQueries.RosterEntry e) {
        return new org.jinlin.kernel.roster.RosterQueries.RosterEntry(
                e.householdId(), Masking.idNumber(e.idNumber()), Masking.name(e.name()), e.age(), e.sex(),
                e.communityCode(), e.countyCode(), e.cityCode(), e.householdCategories(), e.memberCategories());
    }
}
