package vn.hoctap.accounts;


import vn.hoctap.accounts.core.LoginThrottlePolicy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.NotFoundException;

/**
 * Bảo vệ đăng nhập: throttles sign-in attempts per account (the username tried) and per client address with
 * growing delays ({@link LoginThrottlePolicy}), locks an account temporarily after repeated failures (an
 * administrator can lift the lockout), caps the failed attempts of one client with a token bucket (Bucket4j: 30 a minute; correct sign-ins cost nothing),
 * and records every failed attempt (username tried, client, time, form or HTTP Basic; never the password) in
 * {@code login_failure} and the audit trail. The check runs before the password is looked at, so a remembered
 * password ({@code RecentlyVerifiedPasswords}) does not bypass it. Account states are stored (they survive a
 * restart); client states are kept in memory.
 */
@Service
public class LoginProtection {

    /** Why an attempt is refused without checking the password, and for how long. */
    public record Refusal(boolean locked, long retryAfterSeconds) {
    }

    /** A failed attempt as shown to administrators. */
    public record FailedLogin(long id, Instant at, String usernameTried, String client, String channel, String outcome) {
    }

    /** A username currently locked or slowed down. */
    public record AccountState(String username, int failures, Instant lastFailure, Instant lockedUntil, boolean locked) {
    }

    public static final int FAILURES_PER_CLIENT_PER_MINUTE = 30;
    static final int MAX_CLIENTS = 50_000;
    public static final Duration KEEP_FAILURES = Duration.ofDays(180);

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, ClientState> clients = new ConcurrentHashMap<>();

    private static final class ClientState {
        LoginThrottlePolicy.State state = LoginThrottlePolicy.State.NONE;
        final Bucket failures = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(FAILURES_PER_CLIENT_PER_MINUTE)
                        .refillGreedy(FAILURES_PER_CLIENT_PER_MINUTE, Duration.ofMinutes(1)).build())
                .build();
        volatile Instant lastSeen;
    }

    public LoginProtection(JdbcTemplate jdbc, AuditLog audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = Clock.systemUTC();
    }

    static String key(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return u.length() > 100 ? u.substring(0, 100) : u;
    }

    private static String clip(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }

    /**
     * Checks an attempt before its password is verified; returns the refusal, or null when it may go on. A refused
     * attempt is recorded as such (it did not test the password).
     */
    public Refusal check(String username, String client, String channel) {
        Instant now = clock.instant();
        ClientState c = client(client, now);
        long wait;
        synchronized (c) {
            wait = ceilSeconds(LoginThrottlePolicy.CLIENT.waitBefore(c.state, now));
        }
        // the bucket counts failures only: a client signing in correctly (an API client on every request) is never slowed
        EstimationProbe probe = c.failures.estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            wait = Math.max(wait, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
        }
        LoginThrottlePolicy.State account = accountState(key(username));
        Duration accountWait = LoginThrottlePolicy.ACCOUNT.waitBefore(account, now);
        boolean locked = account.lockedAt(now);
        long seconds = Math.max(wait, ceilSeconds(accountWait));
        if (seconds <= 0 && !locked) {
            return null;
        }
        jdbc.update("insert into login_failure (username_tried, client, channel, outcome) values (?, ?, ?, 'refused')",
                clip(username, 100), clip(client, 64), channel);
        return new Refusal(locked, Math.max(1, seconds));
    }

    private static long ceilSeconds(Duration d) {
        return d.isZero() || d.isNegative() ? 0 : (d.toMillis() + 999) / 1000;
    }

    /** A wrong password (or an unknown username): recorded, audited, and counted for both keys. */
    public void failed(String username, String client, String channel) {
        Instant now = clock.instant();
        ClientState c = client(client, now);
        synchronized (c) {
            c.state = LoginThrottlePolicy.CLIENT.afterFailure(c.state, now);
        }
        c.failures.tryConsume(1);
        String key = key(username);
        tx.executeWithoutResult(status -> {
            jdbc.update("insert into login_failure (username_tried, client, channel, outcome) values (?, ?, ?, 'wrong')",
                    clip(username, 100), clip(client, 64), channel);
            // the row lock serialises concurrent failures of one username
            jdbc.update("insert into login_account_state (username, failures, last_failure) values (?, 0, ?) on conflict do nothing",
                    key, Timestamp.from(now));
            LoginThrottlePolicy.State before = jdbc.queryForObject(
                    "select failures, last_failure, locked_until from login_account_state where username = ? for update",
                    (rs, i) -> new LoginThrottlePolicy.State(rs.getInt(1), rs.getInt(1) == 0 ? null : rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()), key);
            LoginThrottlePolicy.State after = LoginThrottlePolicy.ACCOUNT.afterFailure(before, now);
            jdbc.update("update login_account_state set failures = ?, last_failure = ?, locked_until = ? where username = ?",
                    after.failures(), Timestamp.from(now), after.lockedUntil() == null ? null : Timestamp.from(after.lockedUntil()), key);
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("client", clip(client, 64));
            what.put("channel", channel);
            what.put("consecutive_failures", after.failures());
            audit.record("login-failed", "login", clip(username, 100), null, null, what,
                    "Đăng nhập sai: " + clip(username, 100));
            if (after.lockedUntil() != null && !before.lockedAt(now)) {
                audit.record("lock", "login", key, null, null, Map.of("locked_until", after.lockedUntil().toString(),
                        "failures", after.failures()), "Tạm khóa đăng nhập: " + key);
            }
        });
    }

    /** A successful sign-in: the account's count starts again (the client's does not: one good account must not
     * hide a client trying many others). */
    public void succeeded(String username) {
        jdbc.update("delete from login_account_state where username = ? and (locked_until is null or locked_until <= now())",
                key(username));
    }

    private LoginThrottlePolicy.State accountState(String key) {
        List<LoginThrottlePolicy.State> s = jdbc.query(
                "select failures, last_failure, locked_until from login_account_state where username = ?",
                (rs, i) -> new LoginThrottlePolicy.State(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()), key);
        return s.isEmpty() ? LoginThrottlePolicy.State.NONE : s.get(0);
    }

    private ClientState client(String client, Instant now) {
        if (clients.size() > MAX_CLIENTS) {
            Instant old = now.minus(LoginThrottlePolicy.CLIENT.maxDelay()).minus(Duration.ofMinutes(1));
            clients.values().removeIf(c -> c.lastSeen != null && c.lastSeen.isBefore(old));
        }
        ClientState c = clients.computeIfAbsent(clip(client, 64), k -> new ClientState());
        c.lastSeen = now;
        return c;
    }

    /** The most recent failed attempts, newest first (administrators). */
    public List<FailedLogin> recentFailures(String username, int limit) {
        String where = username == null || username.isBlank() ? "" : " where lower(username_tried) = ?";
        Object[] args = where.isEmpty() ? new Object[] {Math.min(Math.max(limit, 1), 1000)}
                : new Object[] {key(username), Math.min(Math.max(limit, 1), 1000)};
        return jdbc.query("select id, at, username_tried, client, channel, outcome from login_failure" + where
                        + " order by at desc, id desc limit ?",
                (rs, i) -> new FailedLogin(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), args);
    }

    /** Usernames with consecutive failures (locked ones first). */
    public List<AccountState> accountStates() {
        Instant now = clock.instant();
        return jdbc.query("""
                select username, failures, last_failure, locked_until from login_account_state
                order by (locked_until is not null and locked_until > now()) desc, last_failure desc limit 500""",
                (rs, i) -> {
                    Instant until = rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant();
                    return new AccountState(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), until,
                            until != null && now.isBefore(until));
                });
    }

    /** Lifts the lockout (and the delays) of a username; audited. Throws NotFoundException when it has none. */
    public void lift(String username) {
        String key = key(username);
        tx.executeWithoutResult(status -> {
            List<Map<String, Object>> before = jdbc.queryForList(
                    "select failures, locked_until::text as locked_until from login_account_state where username = ? for update", key);
            if (before.isEmpty()) {
                throw new NotFoundException("security.error.no-lockout", username);
            }
            jdbc.update("delete from login_account_state where username = ?", key);
            audit.record("unlock", "login", key, null, before.get(0), Map.of("failures", 0),
                    "Mở khóa đăng nhập: " + key);
        });
    }

    /** Drops failed attempts older than {@link #KEEP_FAILURES} (daily). */
    @Scheduled(fixedDelay = 24, timeUnit = java.util.concurrent.TimeUnit.HOURS, initialDelay = 1)
    public void purge() {
        jdbc.update("delete from login_failure where at < ?", Timestamp.from(clock.instant().minus(KEEP_FAILURES)));
        jdbc.update("delete from login_account_state where last_failure < ? and (locked_until is null or locked_until < now())",
                Timestamp.from(clock.instant().minus(LoginThrottlePolicy.FORGET_AFTER)));
    }
}
