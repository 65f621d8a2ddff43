package org.jinlin.app.privacy;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One AES-256 key per data subject (a household, a dispute), in its own table. Erasing a subject deletes its key:
 * its personal data in the immutable events can no longer be read. When {@code jinlin.privacy.master-key} is set
 * (32 bytes, Base64), keys are stored wrapped with it, so a copy of the database alone reveals nothing.
 */
@Component
public class PersonalDataKeys {

    private static final int CACHE_SIZE = 10_000;
    /** How long another node may go on using a cached key after an erasure elsewhere. */
    private static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record Cached(SecretKey key, Instant loadedAt) {
    }

    public PersonalDataKeys(JdbcTemplate jdbc, Clock clock, PrivacyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.masterKey = properties.masterKey() == null || properties.masterKey().isBlank() ? null
                : new SecretKeySpec(Base64.getDecoder().decode(properties.masterKey().trim()), "AES");
    }

    /** The subject's key, created on first use; empty once the subject was erased. */
    public Optional<SecretKey> keyFor(String subject) {
        Optional<SecretKey> existing = find(subject);
        if (existing.isPresent() || isErased(subject)) {
            return existing;
        }
        try {
            SecretKey key = KeyGenerator.getInstance("AES").generateKey();
            jdbc.update("insert into personal_data_key (subject_id, key_material, created_at) values (?, ?, ?)",
                        subject, wrap(key.getEncoded()), Timestamp.from(clock.instant()));
            remember(subject, key);
            return Optional.of(key);
        } catch (DuplicateKeyException createdConcurrently) {
            return find(subject);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** The subject's key if it exists and was not erased. */
    public Optional<SecretKey> find(String subject) {
        synchronized (cache) {
            Cached cached = cache.get(subject);
            if (cached != null && cached.loadedAt().plus(CACHE_TTL).isAfter(clock.instant())) {
                return Optional.of(cached.key());
            }
        }
        Optional<SecretKey> stored = jdbc.query(
                "select key_material from personal_data_key where subject_id = ? and key_material is not null",
                rs -> rs.next() ? Optional.of(unwrap(rs.getBytes(1))) : Optional.<SecretKey>empty(), subject);
        stored.ifPresent(key -> remember(subject, key));
        return stored;
    }

    /** Deletes the subject's key for good; returns whether there was one. */
    public boolean erase(String subject, String reason) {
        forget(subject);
        int erased = jdbc.update("update personal_data_key set key_material = null, erased_at = ?, erasure_reason = ? "
                                 + "where subject_id = ? and key_material is not null",
                                 Timestamp.from(clock.instant()), reason, subject);
        if (erased == 0 && !isErased(subject)) {
            jdbc.update("insert into personal_data_key (subject_id, key_material, created_at, erased_at, erasure_reason)"
                        + " values (?, null, ?, ?, ?)", subject, Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()), reason);
        }
        return erased > 0;
    }

    public boolean isErased(String subject) {
        Integer count = jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ? "
                                            + "and erased_at is not null", Integer.class, subject);
        return count != null && count > 0;
    }

    public void forget(String subject) {
        synchronized (cache) {
            cache.remove(subject);
        }
    }

    private void remember(String subject, SecretKey key) {
        synchronized (cache) {
            cache.put(subject, new Cached(key, clock.instant()));
        }
    }

    private byte[] wrap(byte[] key) throws GeneralSecurityException {
        if (masterKey == null) {
            return key;
        }
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(128, iv));
        byte[] sealed = aes.doFinal(key);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    private SecretKey unwrap(byte[] material) {
        if (masterKey == null) {
            return new SecretKeySpec(material, "AES");
        }
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(128, material, 0, 12));
            return new SecretKeySpec(aes.doFinal(material, 12, material.length - 12), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a personal-data key cannot be unwrapped: is jinlin.privacy.master-key "
                                            + "the one it was stored with?", e);
        }
    }
}
