package org.jinlin.app.demo;

import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.security.UserAdministration.NewUser;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * One user per role for trying the service out, only in profile {@code demo}: registrar, mediator (acting as one
 * of the generated mediators), coordinator, analyst and auditor. Each gets a random password, printed once on the
 * console when the user is created (never to the log); a user that exists already is left as it is.
 */
@Component
@Profile("demo")
class DemoUsers {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAdministration users;
    private final SecureRandom random = new SecureRandom();

    DemoUsers(UserAdministration users) {
        this.users = users;
    }

    record Created(String username, String role, String password, String mediatorId) {
    }

    List<Created> ensure(String demoMediatorId, PrintStream console) {
        List<Created> created = new ArrayList<>();
        create(Actor.REGISTRAR_USER, "REGISTRAR", null, created);
        create(Actor.MEDIATOR_USER, "MEDIATOR", demoMediatorId, created);
        create(Actor.COORDINATOR_USER, "COORDINATOR", null, created);
        create("analyst", "ANALYST", null, created);
        create("auditor", "AUDITOR", null, created);
        if (created.isEmpty()) {
            console.println("近邻 Jinlin demo users exist already (registrar, mediator, coordinator, analyst, auditor); "
                            + "their passwords were shown when they were created.");
            return created;
        }
        StringBuilder box = new StringBuilder("""

                ================================================================
                  近邻 Jinlin demo mode (演示模式): demo users created.
                """);
        for (Created user : created) {
            box.append(String.format("    %-12s %-12s password: %s%s%n", user.username(), user.role(),
                                     user.password(),
                                     user.mediatorId() == null ? "" : "  (mediatorId " + user.mediatorId() + ")"));
        }
        box.append("""
                  These passwords are shown only once. Demo users exist only in
                  the demo profile; never run it with real data.
                ================================================================
                """);
        console.print(box);
        console.flush();
        return created;
    }

    private void create(String username, String role, String mediatorId, List<Created> created) {
        if (users.exists(username)) {
            return;
        }
        String password = password();
        users.create(new NewUser(username, password, List.of(role), mediatorId, null));
        created.add(new Created(username, role, password, mediatorId));
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
