package org.jinlin.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.jinlin.app.security.Role.ADMIN;
import static org.jinlin.app.security.Role.ANALYST;
import static org.jinlin.app.security.Role.AUDITOR;
import static org.jinlin.app.security.Role.COORDINATOR;
import static org.jinlin.app.security.Role.MEDIATOR;
import static org.jinlin.app.security.Role.REGISTRAR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call what: the one table the security filter chain is built from, and from which a command's acting
 * role is read. The first rule that matches a request decides; a request under {@code /api/} that no rule names
 * is refused, so a new endpoint is closed until it is declared here.
 */
public final class AccessRules {

    /** One line of the table: requests of {@code method} on {@code pattern} may be made by {@code roles}. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles, RequestMatcher matcher) {

        boolean matches(HttpServletRequest request) {
            return matcher.matches(request);
        }
    }

    private static final Set<Role> READERS_OF_REGISTRY = EnumSet.of(REGISTRAR, COORDINATOR, MEDIATOR, AUDITOR, ADMIN);
    private static final Set<Role> READERS_OF_STATS = EnumSet.of(ANALYST, AUDITOR, ADMIN, REGISTRAR, COORDINATOR);
    private static final Set<Role> READERS_OF_CASES = EnumSet.of(MEDIATOR, COORDINATOR, AUDITOR, ADMIN);

    public static final List<Rule> RULES = List.of(
            // Registrars keep communities, mediators and appointments up to date.
            rule(POST, "/api/communities", REGISTRAR),
            rule(POST, "/api/communities/*/compounds", REGISTRAR),
            rule(PUT, "/api/communities/*/population", REGISTRAR),
            rule(POST, "/api/communities/*/dispute-prominence", REGISTRAR),
            rule(POST, "/api/mediators", REGISTRAR),
            rule(POST, "/api/mediators/*/appointments", REGISTRAR),
            rule(POST, "/api/mediators/*/reliefs", REGISTRAR),
            rule(PUT, "/api/mediators/*/employment", REGISTRAR),
            rule(PUT, "/api/city-policies/*", REGISTRAR),
            rule(POST, "/api/households", REGISTRAR),
            rule(POST, "/api/households/*/members", REGISTRAR),
            rule(PUT, "/api/households/*/members/*", REGISTRAR),
            rule(DELETE, "/api/households/*/members/*", REGISTRAR),
            rule(POST, "/api/households/*/income", REGISTRAR),
            rule(POST, "/api/households/*/move", REGISTRAR),
            rule(POST, "/api/households/*/care-partners", REGISTRAR),
            rule(POST, "/api/households/*/assistance", REGISTRAR),
            rule(POST, "/api/households/*/deregistration", REGISTRAR),
            rule(GET, "/api/communities", READERS_OF_REGISTRY),
            rule(GET, "/api/communities/*", READERS_OF_REGISTRY),
            rule(GET, "/api/mediators", READERS_OF_REGISTRY),
            rule(GET, "/api/mediators/*", READERS_OF_REGISTRY),
            // Dispute cases (矛盾纠纷). These are the roles; which mediator may act on which case (the assigned one,
            // the one who resolved it) and a coordinator's county are checked by the Dispute aggregate.
            rule(POST, "/api/disputes", MEDIATOR, COORDINATOR),
            rule(POST, "/api/disputes/*/classification", MEDIATOR, COORDINATOR),
            rule(POST, "/api/disputes/*/assignment", COORDINATOR),
            rule(POST, "/api/disputes/*/steps", MEDIATOR),
            rule(POST, "/api/disputes/*/escalation", COORDINATOR),
            rule(POST, "/api/disputes/*/resolution", MEDIATOR),
            rule(POST, "/api/disputes/*/referral", COORDINATOR),
            rule(POST, "/api/disputes/*/withdrawal", MEDIATOR, COORDINATOR),
            rule(POST, "/api/disputes/*/reopening", COORDINATOR),
            rule(POST, "/api/disputes/*/follow-ups", MEDIATOR, COORDINATOR),
            rule(GET, "/api/households/*", REGISTRAR, AUDITOR, ADMIN),
            rule(GET, "/api/rosters/**", ANALYST, REGISTRAR, AUDITOR, ADMIN),
            // Case views and work queues: a mediator reads only the cases they hold or have held (decided by the
            // case-view read model). Analysts read statistics and rosters, not cases.
            rule(GET, "/api/disputes", READERS_OF_CASES),
            rule(GET, "/api/disputes/*", READERS_OF_CASES),
            // Policy analysts, auditors and administrators read the statistics.
            rule(GET, "/api/stats/**", READERS_OF_STATS),
            // Auditors (and administrators) read every stream, its state at any instant, and verify the chain.
            rule(GET, "/api/audit/**", AUDITOR, ADMIN),
            // Administration.
            rule(POST, "/api/admin/users", ADMIN),
            rule(GET, "/api/admin/users", ADMIN),
            rule(DELETE, "/api/admin/users/*", ADMIN),
            rule(GET, "/api/admin/projections", ADMIN),
            rule(GET, "/api/admin/projections/*", ADMIN),
            rule(POST, "/api/admin/projections/*/replay", ADMIN),
            rule(POST, "/api/admin/backups", ADMIN),
            rule(POST, "/api/admin/erasure/households/*", ADMIN),
            rule(POST, "/api/admin/legal-holds/households/*", ADMIN),
            rule(DELETE, "/api/admin/legal-holds/households/*", ADMIN),
            rule(GET, "/api/admin/dead-letters", ADMIN),
            rule(POST, "/api/admin/dead-letters/*/retry", ADMIN),
            rule(POST, "/api/admin/dead-letters/*/*/eviction", ADMIN));

    private AccessRules() {
    }

    /** The rule deciding this request, if any. */
    public static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matches(request)).findFirst();
    }

    /**
     * The role under which a user with {@code held} roles makes this request: the first of the rule's roles the
     * user holds, in {@link Role} order.
     */
    public static Optional<Role> actingRole(HttpServletRequest request, Set<Role> held) {
        return ruleFor(request).flatMap(rule -> rule.roles().stream().sorted().filter(held::contains).findFirst());
    }

    private static Rule rule(HttpMethod method, String pattern, Role first, Role... more) {
        return rule(method, pattern, EnumSet.of(first, more));
    }

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
        return new Rule(method, pattern, Set.copyOf(roles),
                        PathPatternRequestMatcher.withDefaults().matcher(method, pattern));
    }

    static String[] authorities(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    static List<Role> parse(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                     .map(Role::valueOf).toList();
    }
}
