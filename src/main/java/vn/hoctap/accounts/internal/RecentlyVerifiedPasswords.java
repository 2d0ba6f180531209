package vn.hoctap.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A BCrypt check costs about a third of a second by design; an API client using HTTP Basic pays it on
 * every request. This encoder remembers, for a few minutes, that a password matched a stored hash, so a
 * client repeating the same credentials is checked once. What is remembered is a salted SHA-256 of the
 * stored hash and the password (the salt is random per process), never the password. Only matches are
 * remembered; a changed password has a new stored hash and so misses; a disabled account is still refused
 * (Spring Security checks the account after the password). New hashes are plain BCrypt.
 */
final class RecentlyVerifiedPasswords implements PasswordEncoder {

    static final long TTL_MILLIS = 5 * 60 * 1000;
    static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    RecentlyVerifiedPasswords(PasswordEncoder delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String key = key(rawPassword, encodedPassword);
        long now = clock.millis();
        Long until = verifiedUntil.get(key);
        if (until != null && until > now) {
            return true;
        }
        boolean ok = delegate.matches(rawPassword, encodedPassword);
        if (ok) {
            if (verifiedUntil.size() >= MAX_ENTRIES) {
                verifiedUntil.values().removeIf(t -> t <= now);
                if (verifiedUntil.size() >= MAX_ENTRIES) {
                    verifiedUntil.clear();
                }
            }
            verifiedUntil.put(key, now + TTL_MILLIS);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String key(CharSequence rawPassword, String encodedPassword) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
