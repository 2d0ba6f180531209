package vn.hoctap.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RecentlyVerifiedPasswordsTest {

    /** BCrypt (cost 4, for speed) counting its checks. */
    static final class Counting implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Counting bcrypt = new Counting();
    final MovableClock clock = new MovableClock();
    final RecentlyVerifiedPasswords encoder = new RecentlyVerifiedPasswords(bcrypt, clock);

    @Test
    void aRepeatedCorrectPasswordIsCheckedOnceWithinTheWindow() {
        String hash = encoder.encode("mật khẩu đúng");
        assertThat(hash).startsWith("$2a$");
        assertThat(encoder.matches("mật khẩu đúng", hash)).isTrue();
        assertThat(encoder.matches("mật khẩu đúng", hash)).isTrue();
        assertThat(encoder.matches("mật khẩu đúng", hash)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMillis(RecentlyVerifiedPasswords.TTL_MILLIS + 1));
        assertThat(encoder.matches("mật khẩu đúng", hash)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefused() {
        String hash = encoder.encode("secret-1");
        assertThat(encoder.matches("secret-1", hash)).isTrue();
        assertThat(encoder.matches("secret-2", hash)).isFalse();
        assertThat(encoder.matches("secret-2", hash)).isFalse();
        assertThat(encoder.matches("secret-1x", hash)).isFalse();
        assertThat(bcrypt.checks.get()).isEqualTo(4);
    }

    @Test
    void aChangedPasswordHashIsNotAnsweredFromTheOldMatch() {
        String oldHash = encoder.encode("old-password");
        assertThat(encoder.matches("old-password", oldHash)).isTrue();
        String newHash = encoder.encode("new-password");
        // the old password against the new stored hash must go to BCrypt and fail
        assertThat(encoder.matches("old-password", newHash)).isFalse();
        assertThat(encoder.matches("new-password", newHash)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }
}
