package vn.hoctap.indicators.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.hoctap.units.core.HanoiReferenceData;
import vn.hoctap.units.core.Succession;

class MergerApportionmentTest {

    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    @Test
    void fullRowsCarryEverythingAndPartialRowsSplitByPopulation() {
        List<Succession> s = List.of(
                new Succession("A", "X", REFORM, Succession.Kind.FULL, "t"),
                new Succession("B", "X", REFORM, Succession.Kind.PARTIAL, "t"),
                new Succession("B", "Y", REFORM, Succession.Kind.PARTIAL, "t"));
        MergerApportionment m = new MergerApportionment(s, Map.of("X", 30_000L, "Y", 10_000L));
        assertThat(m.weight("A", "X")).isEqualTo(1.0);
        assertThat(m.weight("B", "X")).isEqualTo(0.75);
        assertThat(m.weight("B", "Y")).isEqualTo(0.25);
        Map<String, double[]> out = m.apportion(Map.of("A", new long[] {10, 20}, "B", new long[] {40, 80}));
        assertThat(out.get("X")).containsExactly(10 + 30, 20 + 60);
        assertThat(out.get("Y")).containsExactly(10, 20);
    }

    @Test
    void onHanoisMappingEveryPreReformCommuneIsSharedOutWhole() {
        var history = HanoiReferenceData.load();
        Map<String, Long> pop = new HashMap<>();
        HanoiReferenceData.population().forEach(p -> pop.put(p.code(), p.population()));
        MergerApportionment m = new MergerApportionment(history.successions(), pop);
        Map<String, long[]> counts = new HashMap<>();
        history.unitsOn(LocalDate.of(2025, 6, 30)).stream().filter(v -> v.level() == vn.hoctap.units.core.UnitLevel.COMMUNE)
                .forEach(v -> counts.put(v.code(), new long[] {100, 1000}));
        double num = m.apportion(counts).values().stream().mapToDouble(a -> a[0]).sum();
        double den = m.apportion(counts).values().stream().mapToDouble(a -> a[1]).sum();
        // 526 communes × 100 and × 1000, nothing lost or created
        assertThat(num).isCloseTo(52_600, within(1e-6));
        assertThat(den).isCloseTo(526_000, within(1e-6));
        assertThat(m.apportion(counts)).hasSize(126);
    }
}
