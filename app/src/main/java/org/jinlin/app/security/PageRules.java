package org.jinlin.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may open which page: each page names the API operation it reads or sends, and takes that operation's roles
 * from {@link AccessRules}, so the pages and the API can never disagree about who may do what.
 */
public final class PageRules {

    /** Requests of {@code method} on the page {@code pattern} may be made by {@code roles}. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles, RequestMatcher matcher) {
    }

    public static final List<Rule> RULES = List.of(
            // The mediator's workbench (调解工作台): the queue, a case, the forms that act on it.
            page(GET, "/workbench", GET, "/api/disputes"),
            page(GET, "/disputes/new", POST, "/api/disputes"),
            page(POST, "/disputes", POST, "/api/disputes"),
            page(GET, "/disputes/*", GET, "/api/disputes/*"),
            page(POST, "/disputes/*/assignment", POST, "/api/disputes/*/assignment"),
            page(POST, "/disputes/*/steps", POST, "/api/disputes/*/steps"),
            page(POST, "/disputes/*/escalation", POST, "/api/disputes/*/escalation"),
            page(POST, "/disputes/*/resolution", POST, "/api/disputes/*/resolution"),
            page(POST, "/disputes/*/referral", POST, "/api/disputes/*/referral"),
            // The registrar's pages (登记管理).
            page(GET, "/registry/communities", GET, "/api/communities"),
            page(POST, "/registry/communities", POST, "/api/communities"),
            page(GET, "/registry/communities/*", GET, "/api/communities/*"),
            page(POST, "/registry/communities/*/compounds", POST, "/api/communities/*/compounds"),
            page(GET, "/registry/mediators", GET, "/api/mediators"),
            page(POST, "/registry/mediators", POST, "/api/mediators"),
            page(GET, "/registry/mediators/*", GET, "/api/mediators/*"),
            page(POST, "/registry/mediators/*/appointments", POST, "/api/mediators/*/appointments"),
            page(POST, "/registry/mediators/*/reliefs", POST, "/api/mediators/*/reliefs"),
            page(GET, "/registry/households", GET, "/api/households/*"),
            page(GET, "/registry/households/new", POST, "/api/households"),
            page(POST, "/registry/households", POST, "/api/households"),
            page(GET, "/registry/households/*", GET, "/api/households/*"),
            page(GET, "/registry/city-policies", PUT, "/api/city-policies/*"),
            page(POST, "/registry/city-policies", PUT, "/api/city-policies/*"),
            // The analyst's dashboard (统计分析) and its CSV downloads; the roster section has the roster's roles.
            page(GET, "/dashboard", GET, "/api/stats/**"),
            page(GET, "/dashboard/*.csv", GET, "/api/stats/**"),
            // The auditor's pages (审计).
            page(GET, "/audit", GET, "/api/audit/**"),
            page(GET, "/audit/**", GET, "/api/audit/**"));

    private PageRules() {
    }

    /** The rule deciding this page request, if any. */
    public static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
    }

    /** The role in which a user with {@code held} roles makes this page request, as {@link AccessRules} picks it. */
    public static Optional<Role> actingRole(HttpServletRequest request, Set<Role> held) {
        return ruleFor(request).flatMap(rule -> rule.roles().stream().sorted().filter(held::contains).findFirst());
    }

    /** The roles of the API operation {@code apiMethod apiPattern}, as {@link AccessRules} declares them. */
    public static Set<Role> rolesOf(HttpMethod apiMethod, String apiPattern) {
        return AccessRules.RULES.stream()
                                .filter(rule -> rule.method().equals(apiMethod) && rule.pattern().equals(apiPattern))
                                .findFirst()
                                .map(rule -> (Set<Role>) EnumSet.copyOf(rule.roles()))
                                .orElseThrow(() -> new IllegalStateException(
                                        "no API rule for " + apiMethod + " " + apiPattern));
    }

    static String[] names(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).toArray(String[]::new);
    }

    private static Rule page(HttpMethod method, String pattern, HttpMethod apiMethod, String apiPattern) {
        return new Rule(method, pattern, rolesOf(apiMethod, apiPattern),
                        PathPatternRequestMatcher.withDefaults().matcher(method, pattern));
    }
}
