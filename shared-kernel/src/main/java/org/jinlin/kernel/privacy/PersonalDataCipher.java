package org.jinlin.kernel.privacy;

/**
 * Encrypts personal data per data subject and decrypts it for whoever may see it. A value whose subject's key
 * was erased decrypts to {@link Erased#PLACEHOLDER}.
 */
public interface PersonalDataCipher {

    /** The envelope prefix of an encrypted value as stored: {@code enc:v1:<subject>:<iv and ciphertext>}. */
    String PREFIX = "enc:v1:";

    String encrypt(String subject, String plainText);

    /** The plain text of an envelope; anything that is not an envelope comes back unchanged. */
    String decrypt(String stored);

    static boolean isEnvelope(String value) {
        return value != null && value.startsWith(PREFIX);
    }
}
