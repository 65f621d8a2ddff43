package org.jinlin.app.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.jinlin.app.security.PageRules;
import org.jinlin.app.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What every page shows around its content: the sections the reader may open, the language switch, who is in. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    /** A link in the navigation: its message key, its address, and the API operation that decides who sees it. */
    record Section(String key, String href, Set<Role> roles) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("nav.workbench", "/workbench", PageRules.rolesOf(HttpMethod.GET, "/api/disputes")),
            new Section("nav.report", "/disputes/new", PageRules.rolesOf(HttpMethod.POST, "/api/disputes")),
            new Section("nav.communities", "/registry/communities", PageRules.rolesOf(HttpMethod.POST, "/api/communities")),
            new Section("nav.mediators", "/registry/mediators", PageRules.rolesOf(HttpMethod.POST, "/api/mediators")),
            new Section("nav.households", "/registry/households", PageRules.rolesOf(HttpMethod.POST, "/api/households")),
            new Section("nav.policies", "/registry/city-policies",
                        PageRules.rolesOf(HttpMethod.PUT, "/api/city-policies/*")),
            new Section("nav.dashboard", "/dashboard", PageRules.rolesOf(HttpMethod.GET, "/api/stats/**")),
            new Section("nav.audit", "/audit", PageRules.rolesOf(HttpMethod.GET, "/api/audit/**")));

    /** Form fields are plain public fields of small form classes. */
    @InitBinder
    void fields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @ModelAttribute("sections")
    List<Section> sections() {
        Set<Role> held = heldRoles();
        return SECTIONS.stream().filter(section -> section.roles().stream().anyMatch(held::contains)).toList();
    }

    @ModelAttribute("username")
    String username() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who == null || !who.isAuthenticated() || "anonymousUser".equals(who.getName()) ? null : who.getName();
    }

    /** This page in the other language: the same address with {@code lang} set (a form's answer links to home). */
    @ModelAttribute("languageLinks")
    LanguageLinks languageLinks(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            Object page = request.getAttribute(PAGE_ADDRESS);
            String base = page == null ? "/" : page.toString();
            return new LanguageLinks(base + "?lang=zh-CN", base + "?lang=en");
        }
        return new LanguageLinks(sameWith(request, "zh-CN"), sameWith(request, "en"));
    }

    private static String sameWith(HttpServletRequest request, String language) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                                   .replaceQueryParam(PagesConfiguration.LANGUAGE_PARAMETER, language)
                                   .build().toUriString();
    }

    record LanguageLinks(String chinese, String english) {
    }

    /** A request attribute naming the page a refused form belongs to, for the language switch. */
    static final String PAGE_ADDRESS = PageModel.class.getName() + ".page";

    static Set<Role> heldRoles() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null) {
            return Set.of();
        }
        return who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                  .filter(a -> a.startsWith("ROLE_"))
                  .map(a -> a.substring(5))
                  .filter(name -> Set.of(Role.values()).stream().anyMatch(r -> r.name().equals(name)))
                  .map(Role::valueOf)
                  .collect(Collectors.toSet());
    }

    /** Whether the reader holds one of the roles of an API operation. */
    static boolean may(HttpMethod method, String apiPattern) {
        Set<Role> held = heldRoles();
        return PageRules.rolesOf(method, apiPattern).stream().anyMatch(held::contains);
    }
}
