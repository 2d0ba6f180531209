package vn.hoctap.accounts.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    private static final LoginThrottlePolicy P = LoginThrottlePolicy.ACCOUNT;
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    private static LoginThrottlePolicy.State fail(int times, Instant start, Duration gap) {
        LoginThrottlePolicy.State s = LoginThrottlePolicy.State.NONE;
        for (int i = 0; i < times; i++) {
            s = P.afterFailure(s, start.plus(gap.multipliedBy(i)));
        }
        return s;
    }

    @Test
    void threeFreeFailuresThenTheWaitDoubles() {
        // 1st and 2nd failure: no wait; after the 3rd: 1 s; 4th: 2 s; 5th: 4 s; 9th: 64 s
        assertThat(P.waitBefore(fail(2, T0, Duration.ofHours(1)), T0.plus(Duration.ofHours(1)))).isZero();
        LoginThrottlePolicy.State three = fail(3, T0, Duration.ZERO);
        assertThat(P.waitBefore(three, T0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(P.waitBefore(three, T0.plusMillis(400))).isEqualTo(Duration.ofMillis(600));
        assertThat(P.waitBefore(three, T0.plusSeconds(1))).isZero();
        assertThat(P.waitBefore(fail(4, T0, Duration.ZERO), T0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(P.waitBefore(fail(5, T0, Duration.ZERO), T0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(P.waitBefore(fail(9, T0, Duration.ZERO), T0)).isEqualTo(Duration.ofSeconds(64));
    }

    @Test
    void theTenthFailureLocksForFifteenMinutesThenTheCountStartsAgain() {
        LoginThrottlePolicy.State ten = fail(10, T0, Duration.ofMinutes(2));
        Instant tenth = T0.plus(Duration.ofMinutes(18));
        assertThat(ten.lockedUntil()).isEqualTo(tenth.plus(Duration.ofMinutes(15)));
        assertThat(P.waitBefore(ten, tenth.plusSeconds(60))).isEqualTo(Duration.ofMinutes(14));
        // a failure while locked does not extend the lockout
        LoginThrottlePolicy.State eleven = P.afterFailure(ten, tenth.plusSeconds(60));
        assertThat(eleven.lockedUntil()).isEqualTo(ten.lockedUntil());
        // after it expired: free again, the next failure counts as the first
        Instant later = tenth.plus(Duration.ofMinutes(16));
        assertThat(P.waitBefore(ten, later)).isZero();
        assertThat(P.afterFailure(ten, later)).isEqualTo(new LoginThrottlePolicy.State(1, later, null));
    }

    @Test
    void failuresAreForgottenAfterADayAndTheDelayIsCapped() {
        LoginThrottlePolicy.State eight = fail(8, T0, Duration.ZERO);
        assertThat(P.waitBefore(eight, T0.plus(Duration.ofHours(25)))).isZero();
        assertThat(P.afterFailure(eight, T0.plus(Duration.ofHours(25))).failures()).isEqualTo(1);
        // the client policy never locks and caps at 5 minutes: after 40 failures the wait is 300 s
        LoginThrottlePolicy.State s = LoginThrottlePolicy.State.NONE;
        for (int i = 0; i < 40; i++) {
            s = LoginThrottlePolicy.CLIENT.afterFailure(s, T0);
        }
        assertThat(s.lockedUntil()).isNull();
        assertThat(LoginThrottlePolicy.CLIENT.waitBefore(s, T0)).isEqualTo(Duration.ofMinutes(5));
    }
}
