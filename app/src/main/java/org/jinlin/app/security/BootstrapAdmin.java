package org.jinlin.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * The first ADMIN. With {@code JINLIN_ADMIN_PASSWORD} set, user {@code admin} gets that password at every start.
 * Without it, the embedded default generates one the first time and prints it once on the console (never to
 * the log files); shared deployments must set it.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAdministration users;
    private final SecurityProperties properties;

    BootstrapAdmin(UserAdministration users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = properties.adminPassword();
        if (configured != null && !configured.isBlank()) {
            users.setAdminPassword(configured);
            log.info("User 'admin' uses the password from JINLIN_ADMIN_PASSWORD");
            return;
        }
        if (users.exists(UserAdministration.ADMIN_USER)) {
            return;
        }
        if (!properties.generateAdminPassword()) {
            log.warn("No user 'admin' exists and JINLIN_ADMIN_PASSWORD is not set: nobody can administer users. "
                     + "Set JINLIN_ADMIN_PASSWORD and restart.");
            return;
        }
        String generated = generate();
        users.setAdminPassword(generated);
        System.out.println("""

                ================================================================
                  近邻 Jinlin: first start. Administrator account created:
                    user:     admin
                    password: %s
                  This password is shown only once. Keep it safe, or set
                  JINLIN_ADMIN_PASSWORD to choose your own.
                ================================================================
                """.formatted(generated));
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
