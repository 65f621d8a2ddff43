package org.jinlin.app.security;

import org.jinlin.kernel.Check;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.RuleViolation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Creates and removes users. Users are administration data, not case records, so they are not event-sourced. */
@Service
public class UserAdministration {

    public static final String ADMIN_USER = "admin";
    static final int MIN_PASSWORD_LENGTH = 10;

    private final AppUserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserAdministration(AppUserRepository users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    public record NewUser(String username, String password, List<String> roles, String mediatorId,
                          String countyCode) {
    }

    @Transactional
    public AppUser create(NewUser request) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Check check = Check.fields()
                           .that(request.username() != null && request.username().matches("[A-Za-z0-9._-]{3,64}"),
                                 "username", "must be 3 to 64 letters, digits, '.', '-' or '_'")
                           .that(request.password() != null && request.password().length() >= MIN_PASSWORD_LENGTH
                                 && request.password().length() <= 128,
                                 "password", "must be " + MIN_PASSWORD_LENGTH + " to 128 characters")
                           .that(request.roles() != null && !request.roles().isEmpty(), "roles",
                                 "at least one role is required");
        if (request.roles() != null) {
            for (String role : request.roles()) {
                try {
                    roles.add(Role.valueOf(role));
                } catch (IllegalArgumentException | NullPointerException unknown) {
                    check.fail("roles", "unknown role '" + role + "'; roles are " + List.of(Role.values()));
                }
            }
        }
        check.optionalText("mediatorId", request.mediatorId(), 64)
             .that(request.countyCode() == null || request.countyCode().matches("35\\d{4}"), "countyCode",
                   "must be a 6-digit Fujian county code")
             .orThrow();
        if (users.existsById(request.username())) {
            throw new RuleViolation("user " + request.username() + " already exists");
        }
        return users.save(new AppUser(request.username(), passwords.encode(request.password()), roles,
                                      request.mediatorId(), request.countyCode(), clock.instant()));
    }

    @Transactional
    public void delete(String username) {
        AppUser user = users.findById(username).orElseThrow(() -> new NotFound("user " + username + " does not exist"));
        boolean lastAdmin = user.roles().contains(Role.ADMIN)
                            && users.findAll().stream().filter(u -> u.roles().contains(Role.ADMIN)).count() == 1;
        if (lastAdmin) {
            throw new RuleViolation("user " + username + " is the last ADMIN; create another ADMIN first");
        }
        users.delete(user);
    }

    @Transactional(readOnly = true)
    public List<AppUser> all() {
        return users.findAllByOrderByUsername();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.existsById(username);
    }

    /** Creates user {@code admin} with this password, or gives the existing one this password. */
    @Transactional
    public void setAdminPassword(String password) {
        users.findById(ADMIN_USER).ifPresentOrElse(
                admin -> admin.passwordHash(passwords.encode(password)),
                () -> users.save(new AppUser(ADMIN_USER, passwords.encode(password), EnumSet.of(Role.ADMIN), null,
                                             null, clock.instant())));
    }
}
