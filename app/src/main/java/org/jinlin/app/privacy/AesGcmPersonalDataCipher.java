package org.jinlin.app.privacy;

import org.jinlin.kernel.privacy.Erased;
import org.jinlin.kernel.privacy.PersonalDataCipher;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * AES-256-GCM with a random 96-bit IV per value, the subject's id bound in as associated data so a value cannot
 * be moved to another subject. Stored as {@code enc:v1:<Base64url subject>:<Base64 IV‖ciphertext‖tag>}.
 */
@Component
public class AesGcmPersonalDataCipher implements PersonalDataCipher {

    private static final Base64.Encoder SUBJECT_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder SUBJECT_DECODER = Base64.getUrlDecoder();

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public AesGcmPersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public String encrypt(String subject, String plainText) {
        if (plainText == null) {
            return null;
        }
        Optional<SecretKey> key = keys.keyFor(subject);
        if (key.isEmpty()) {
            // The subject was erased: nothing personal is stored for it any more.
            return Erased.PLACEHOLDER;
        }
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(128, iv));
            aes.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = aes.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + SUBJECT_ENCODER.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + ":"
                   + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    @Override
    public String decrypt(String stored) {
        if (!PersonalDataCipher.isEnvelope(stored)) {
            return stored;
        }
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return stored;
        }
        String subject;
        byte[] sealed;
        try {
            subject = new String(SUBJECT_DECODER.decode(rest.substring(0, colon)), StandardCharsets.UTF_8);
            sealed = Base64.getDecoder().decode(rest.substring(colon + 1));
        } catch (IllegalArgumentException notAnEnvelope) {
            return stored;
        }
        Optional<SecretKey> key = keys.find(subject);
        if (key.isEmpty()) {
            return Erased.PLACEHOLDER;
        }
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, sealed, 0, 12));
            aes.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return new String(aes.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException tampered) {
            throw new IllegalStateException("personal data of " + subject + " fails its integrity check");
        }
    }
}
