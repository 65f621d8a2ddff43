package org.jinlin.app.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param masterKey optional Base64 AES-256 key ({@code JINLIN_PRIVACY_MASTER_KEY}) that wraps every data
 *                  subject's key in the database
 */
@ConfigurationProperties("jinlin.privacy")
public record PrivacyProperties(String masterKey) {
}
