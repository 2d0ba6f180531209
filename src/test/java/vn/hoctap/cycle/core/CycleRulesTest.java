package vn.hoctap.cycle.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.hoctap.indicators.core.TargetSpec;

/** The yearly cycle's named policies, each with cases worked out by hand. */
class CycleRulesTest {

    @Test
    void aCommuneBehindTheCityGetsTheCityTarget() {
        var p = CommuneTargetDefault.propose(TargetSpec.parse("≥ 99.5"), 97.25, 2025);
        assertThat(p.spec().text()).isEqualTo("≥ 99.5");
        assertThat(p.basisVi()).contains("97.25").contains("2025");
    }

    @Test
    void aCommuneAheadOfTheCityKeepsItsLevel() {
        // 63.78 ≥ 50: keep 63.7 (rounded down to one decimal, so the commune meets its own target today)
        var p = CommuneTargetDefault.propose(TargetSpec.parse("50"), 63.78, 2025);
        assertThat(p.spec().text()).isEqualTo("≥ 63.7");
        assertThat(p.spec().judge(63.78)).isEqualTo(TargetSpec.Outcome.MET);
    }

    @Test
    void noBaselineABandOrAStatusGiveTheCityTarget() {
        assertThat(CommuneTargetDefault.propose(TargetSpec.parse("50"), null, 2025).spec().text()).isEqualTo("≥ 50");
        assertThat(CommuneTargetDefault.propose(TargetSpec.parse("75-80"), 90.0, 2025).spec().text()).isEqualTo("75–80");
        assertThat(CommuneTargetDefault.propose(TargetSpec.parse("met"), 1.0, 2025).spec().text()).isEqualTo("met");
        // exactly at the city's target: the city's target (nothing above it to keep)
        assertThat(CommuneTargetDefault.propose(TargetSpec.parse("50"), 50.04, 2025).spec().text()).isEqualTo("≥ 50");
    }

    @Test
    void decisionsAreComparedWithTheComputedStandards() {
        Map<DecisionComparison.Key, Boolean> computed = new LinkedHashMap<>();
        computed.put(new DecisionComparison.Key("00004", "XMC2"), true);    // meets, has a decision: agrees
        computed.put(new DecisionComparison.Key("00008", "XMC2"), true);    // meets, no decision: flagged
        computed.put(new DecisionComparison.Key("00011", "XMC2"), false);   // does not meet, decision: flagged
        computed.put(new DecisionComparison.Key("00012", "XMC2"), false);   // does not meet, no decision: fine
        Map<DecisionComparison.Key, String> decisions = Map.of(
                new DecisionComparison.Key("00004", "XMC2"), "1/QĐ-UBND",
                new DecisionComparison.Key("00011", "XMC2"), "2/QĐ-UBND",
                new DecisionComparison.Key("00015", "TH3"), "3/QĐ-UBND");   // no computed value at all: flagged, meets unknown
        var r = DecisionComparison.compare(computed, decisions);
        assertThat(r.agreeing()).isEqualTo(1);
        assertThat(r.meetsWithoutDecision()).extracting(DecisionComparison.Mismatch::unitCode).containsExactly("00008");
        assertThat(r.decisionWithoutMeets()).extracting(DecisionComparison.Mismatch::unitCode).containsExactly("00011", "00015");
        assertThat(r.decisionWithoutMeets().get(0).meets()).isFalse();
        assertThat(r.decisionWithoutMeets().get(1).meets()).isNull();
    }

    static VisitRules.ItemResult item(String code, String rating) {
        return new VisitRules.ItemResult(code, rating, "", null, null, null);
    }

    @Test
    void everyItemIsRatedAndAnItemNotMetNeedsAnActionWithOwnerAndDeadline() {
        LocalDate visit = LocalDate.of(2026, 10, 15);
        Set<String> codes = Set.of("X1", "X2", "X3");
        assertThat(VisitRules.check(codes, List.of(item("X1", "GOOD"), item("X2", "MET"), item("X3", "MET")), visit)).isEmpty();
        assertThat(VisitRules.check(codes, List.of(item("X1", "GOOD"), item("X2", "MET")), visit))
                .containsEntry("item.X3", "cycle.error.item-unrated");
        assertThat(VisitRules.check(codes, List.of(item("X1", "GOOD"), item("X2", "BAD"), item("X3", "MET"), item("X9", "MET")), visit))
                .containsEntry("item.X2", "cycle.error.item-unrated").containsEntry("item.X9", "cycle.error.item-unknown");
        assertThat(VisitRules.check(codes, List.of(item("X1", "NOT_MET"), item("X2", "MET"), item("X3", "MET")), visit))
                .containsEntry("action.X1", "cycle.error.action-missing");
        var noOwner = new VisitRules.ItemResult("X1", "NOT_MET", "", "Bổ sung", " ", "2026-11-15");
        assertThat(VisitRules.check(codes, List.of(noOwner, item("X2", "MET"), item("X3", "MET")), visit))
                .containsEntry("owner.X1", "cycle.error.action-owner");
        var sameDay = new VisitRules.ItemResult("X1", "NOT_MET", "", "Bổ sung", "UBND", "2026-10-15");
        assertThat(VisitRules.check(codes, List.of(sameDay, item("X2", "MET"), item("X3", "MET")), visit))
                .containsEntry("deadline.X1", "cycle.error.action-deadline");
        var ok = new VisitRules.ItemResult("X1", "NOT_MET", "", "Bổ sung", "UBND", "2026-10-16");
        assertThat(VisitRules.check(codes, List.of(ok, item("X2", "MET"), item("X3", "MET")), visit)).isEmpty();
    }

    @Test
    void aResendWithTheSameKeyIsTheSameSubmission() {
        assertThat(VisitRules.idempotency(null, "k-1234567")).isEqualTo(VisitRules.Submission.RECORD);
        assertThat(VisitRules.idempotency("k-1234567", "k-1234567")).isEqualTo(VisitRules.Submission.ALREADY_RECORDED_SAME);
        assertThat(VisitRules.idempotency("k-1234567", "k-7654321")).isEqualTo(VisitRules.Submission.REFUSED_OTHER);
        assertThat(VisitRules.validKey("0b0f6c1e-1d2a-4c55-9c3e-8a7b6c5d4e3f")).isTrue();
        assertThat(VisitRules.validKey("short")).isFalse();
        assertThat(VisitRules.validKey("bad key with spaces")).isFalse();
    }
}
