package vn.hoctap.accounts.core;

import java.time.Duration;
import java.time.Instant;

/**
 * Chống dò mật khẩu: growing delays after failed sign-ins, and a temporary lockout. After {@code freeFailures}
 * consecutive failures the next attempt must wait {@code firstDelay}, doubling with each further failure up to
 * {@code maxDelay}; at {@code lockAfter} failures (0 = never) the key is locked for {@code lockFor} (an administrator
 * may lift it earlier). A failure more than {@link #FORGET_AFTER} after the previous one, or after a lockout has
 * expired, starts the count again. Pure: the caller keeps the state and gives the time. Decided here (OWASP
 * Authentication Cheat Sheet, "Protect against automated attacks": delays and lockouts, no fixed numbers given).
 */
public record LoginThrottlePolicy(int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter, Duration lockFor) {

    /** Per account (username tried): 3 free, then 1 s, 2 s, 4 s … 64 s; locked 15 minutes at the 10th failure. */
    public static final LoginThrottlePolicy ACCOUNT =
            new LoginThrottlePolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5), 10, Duration.ofMinutes(15));
    /** Per client address (many usernames from one place): 10 free, then 1 s doubling to 5 minutes; never locked. */
    public static final LoginThrottlePolicy CLIENT =
            new LoginThrottlePolicy(10, Duration.ofSeconds(1), Duration.ofMinutes(5), 0, Duration.ZERO);

    public static final Duration FORGET_AFTER = Duration.ofHours(24);

    /** Consecutive failures, the time of the last one, and the end of a lockout (null: not locked). */
    public record State(int failures, Instant lastFailure, Instant lockedUntil) {
        public static final State NONE = new State(0, null, null);

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    /** How long the key must still wait before its next attempt is even checked (zero: it may try now). */
    public Duration waitBefore(State s, Instant now) {
        if (s.lockedAt(now)) {
            return Duration.between(now, s.lockedUntil());
        }
        if (s.lockedUntil() != null || s.lastFailure() == null || s.failures() < freeFailures
                || s.lastFailure().plus(FORGET_AFTER).isBefore(now)) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now, s.lastFailure().plus(delayAfter(s.failures())));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** The delay imposed after the {@code failures}-th consecutive failure. */
    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(30, failures - freeFailures);
        Duration d = firstDelay.multipliedBy(1L << doublings);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** The state after one more failure at {@code now}. */
    public State afterFailure(State s, Instant now) {
        boolean fresh = s.lastFailure() == null || s.lastFailure().plus(FORGET_AFTER).isBefore(now)
                || (s.lockedUntil() != null && !s.lockedAt(now));
        int failures = (fresh ? 0 : s.failures()) + 1;
        Instant locked = s.lockedAt(now) ? s.lockedUntil() : null;
        if (locked == null && lockAfter > 0 && failures >= lockAfter) {
            locked = now.plus(lockFor);
        }
        return new State(failures, now, locked);
    }
}
