package org.jinlin.query.web;

import org.jinlin.kernel.caseview.CaseViewQueries.CaseReader;
import org.jinlin.kernel.privacy.Masking;
import org.jinlin.kernel.roster.RosterQueries.RosterEntry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the current reader sees personal data in full. Registrars, auditors, administrators and those who
 * handle cases (mediators, coordinators) do; a reader who is only a policy analyst sees names and id-card
 * numbers masked ({@link Masking}).
 */
@Component
public class Viewer {

    private static final Set<String> SEES_PERSONAL_DATA = Set.of("ROLE_REGISTRAR", "ROLE_AUDITOR", "ROLE_ADMIN",
                                                                 "ROLE_MEDIATOR", "ROLE_COORDINATOR");

    /** Those who read every dispute case; a mediator reads only the cases they hold or have held. */
    private static final Set<String> READ_EVERY_CASE = Set.of("ROLE_COORDINATOR", "ROLE_AUDITOR", "ROLE_ADMIN");
    /** Those who see the names and notes of every case; an analyst sees them masked, a mediator only their own. */
    private static final Set<String> SEE_EVERY_CASE_IN_FULL = Set.of("ROLE_COORDINATOR", "ROLE_AUDITOR", "ROLE_ADMIN");

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
    public static RosterEntry masked(RosterEntry e) {
        return new RosterEntry(
                e.householdId(), Masking.idNumber(e.idNumber()), Masking.name(e.name()), e.age(), e.sex(),
                e.communityCode(), e.countyCode(), e.cityCode(), e.householdCategories(), e.memberCategories());
    }

    /** What the current reader may see of dispute cases. */
    public CaseReader caseReader() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null) {
            return new CaseReader(false, false, null);
        }
        Set<String> roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        String mediatorId = roles.contains("ROLE_MEDIATOR") && who.getPrincipal() instanceof MediatorPrincipal mediator
                            ? mediator.mediatorId() : null;
        return new CaseReader(roles.stream().anyMatch(READ_EVERY_CASE::contains),
                              roles.stream().anyMatch(SEE_EVERY_CASE_IN_FULL::contains), mediatorId);
    }
}
