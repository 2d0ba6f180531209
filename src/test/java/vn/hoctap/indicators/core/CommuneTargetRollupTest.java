package vn.hoctap.indicators.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The communes' targets against the city's: weighted by the baseline denominators, the difference shown. */
class CommuneTargetRollupTest {

    @Test
    void weightedByTheBaselineDenominators() {
        Map<String, TargetSpec> t = new LinkedHashMap<>();
        t.put("A", TargetSpec.parse("≥ 60"));
        t.put("B", TargetSpec.parse("≥ 40"));
        // (60 × 3000 + 40 × 1000) / 4000 = 55; city 50 → +5
        var r = CommuneTargetRollup.of(TargetSpec.parse("50"), t, Map.of("A", 3000.0, "B", 1000.0));
        assertThat(r.communes()).isEqualTo(2);
        assertThat(r.weighted()).isTrue();
        assertThat(r.aggregate()).isCloseTo(55.0, within(1e-9));
        assertThat(r.difference()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void aPlainMeanWhenAWeightIsMissing() {
        Map<String, TargetSpec> t = Map.of("A", TargetSpec.parse("≥ 60"), "B", TargetSpec.parse("≥ 40"));
        var r = CommuneTargetRollup.of(TargetSpec.parse("≥ 52"), t, Map.of("A", 3000.0));
        assertThat(r.weighted()).isFalse();
        assertThat(r.aggregate()).isCloseTo(50.0, within(1e-9));
        assertThat(r.difference()).isCloseTo(-2.0, within(1e-9));
    }

    @Test
    void statusTargetsAreCounted() {
        var r = CommuneTargetRollup.of(TargetSpec.parse("met"), Map.of("A", TargetSpec.parse("met"), "B", TargetSpec.parse("met")), Map.of());
        assertThat(r.statusTargets()).isTrue();
        assertThat(r.aggregate()).isCloseTo(100.0, within(1e-9));
        assertThat(CommuneTargetRollup.of(TargetSpec.parse("50"), Map.of(), Map.of())).isNull();
    }
}
