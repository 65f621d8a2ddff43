package org.jinlin.app.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import org.jinlin.app.security.Role;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The way in: the login page, the home address that leads each user group to its own page, and the refusal page. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Each user group's own page, in the order of {@link Role}: a user with several roles lands on the first. */
    private static final Map<Role, String> LANDING = new EnumMap<>(Map.of(
            Role.REGISTRAR, "/registry/communities", Role.MEDIATOR, "/workbench", Role.COORDINATOR, "/workbench",
            Role.AUDITOR, "/audit", Role.ANALYST, "/dashboard", Role.ADMIN, "/dashboard"));

    @GetMapping("/")
    String home() {
        Set<Role> held = PageModel.heldRoles();
        return LANDING.entrySet().stream().filter(entry -> held.contains(entry.getKey())).findFirst()
                      .map(entry -> "redirect:" + entry.getValue()).orElse("home");
    }

    /** Where Spring Security forwards a request the reader's roles do not allow. */
    @RequestMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "denied";
    }
}
