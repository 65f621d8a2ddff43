package org.jinlin.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword          the bootstrap ADMIN's password ({@code JINLIN_ADMIN_PASSWORD}); when set, user
 *                               {@code admin} has it after every start
 * @param generateAdminPassword  when no admin exists and no password is given, generate one and print it once
 *                               (the embedded default; off for shared deployments)
 * @param bcryptStrength         the cost of new password hashes
 */
@ConfigurationProperties("jinlin.security")
public record SecurityProperties(String adminPassword,
                                 @DefaultValue("false") boolean generateAdminPassword,
                                 @DefaultValue("10") int bcryptStrength) {
}
