package org.jinlin.app.support;

import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.security.UserAdministration.NewUser;

import java.util.List;

/** One user per role, all with the same password, created once per application context. */
public final class TestUsers {

    public static final String PASSWORD = "test-password-1";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    public static final String REGISTRAR = "registrar";
    public static final String MEDIATOR = "mediator";
    public static final String COORDINATOR = "coordinator";
    public static final String AUDITOR = "auditor";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private TestUsers() {
    }

    public static void ensure(UserAdministration users) {
        create(users, REGISTRAR, "REGISTRAR", null);
        create(users, MEDIATOR, "MEDIATOR", "M-TEST");
        create(users, COORDINATOR, "COORDINATOR", null);
        create(users, AUDITOR, "AUDITOR", null);
        create(users, ANALYST, "ANALYST", null);
    }

    private static void create(UserAdministration users, String username, String role, String mediatorId) {
        if (!users.exists(username)) {
            users.create(new NewUser(username, PASSWORD, List.of(role), mediatorId, null));
        }
    }
}
