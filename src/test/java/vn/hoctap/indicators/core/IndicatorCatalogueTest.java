package vn.hoctap.indicators.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class IndicatorCatalogueTest {

    static final Map<String, IndicatorDefinition> BY_ID = IndicatorCatalogue.load().stream()
            .collect(Collectors.toMap(IndicatorDefinition::id, Function.identity()));

    @Test
    void theTwentyFiveTargetsOfTheResolution() {
        // the 25 targets of NQ 23, plus the indicators proposed by the platform, which have no target and say so in their
        // name: the centres' (issue 12) and the association's two (issue 13)
        List<IndicatorDefinition> proposed = IndicatorCatalogue.load().stream().filter(d -> d.nameVi().contains("chỉ số do nền tảng đề xuất")).toList();
        assertThat(proposed).extracting(IndicatorDefinition::id).containsExactly("clc.active", "assoc.members", "assoc.communes_with_branches");
        assertThat(proposed).allSatisfy(d -> assertThat(d.target2025()).as(d.id()).isNull());
        List<IndicatorDefinition> all = IndicatorCatalogue.load().stream().filter(d -> !proposed.contains(d)).toList();
        assertThat(IndicatorCatalogue.load()).hasSize(28);
        assertThat(all).hasSize(25);
        assertThat(all).extracting(IndicatorDefinition::group).containsOnly(1, 2, 3, 4);
        assertThat(all.stream().filter(d -> d.group() == 1)).hasSize(6);
        assertThat(all.stream().filter(d -> d.group() == 4)).hasSize(6);
        assertThat(all).allSatisfy(d -> assertThat(d.target2025()).as(d.id()).isNotNull());
    }

    @Test
    void targetsAsWrittenInTheResolution() {
        assertThat(BY_ID.get("lit.rate_15_60").target2025().judge(99.5)).isEqualTo(TargetSpec.Outcome.MET);
        assertThat(BY_ID.get("lit.rate_15_60").target2025().judge(99.49)).isEqualTo(TargetSpec.Outcome.NOT_MET);
        TargetSpec band = BY_ID.get("lab.trained").target2025();
        assertThat(band.judge(74.9)).isEqualTo(TargetSpec.Outcome.NOT_MET);
        assertThat(band.judge(75)).isEqualTo(TargetSpec.Outcome.MET);
        assertThat(band.judge(80)).isEqualTo(TargetSpec.Outcome.MET);
        assertThat(band.judge(80.1)).isEqualTo(TargetSpec.Outcome.EXCEEDED);
        TargetSpec more = BY_ID.get("lab.trained").target2030();
        assertThat(more.judge(80)).isEqualTo(TargetSpec.Outcome.NOT_MET);
        assertThat(more.judge(80.01)).isEqualTo(TargetSpec.Outcome.MET);
        assertThat(BY_ID.get("xmc.level2").target2025()).isInstanceOf(TargetSpec.Status.class);
        assertThat(BY_ID.get("model.learning_city").target2030().text()).isEqualTo("recognised");
    }

    @Test
    void districtTargetsKeepTheirWordingAndARebasedOne() {
        IndicatorDefinition d = BY_ID.get("pcgd.mn5_units");
        assertThat(d.nameVi()).startsWith("Quận, huyện, thị xã");
        assertThat(d.rebasedVi()).startsWith("Xã, phường");
        assertThat(BY_ID.get("model.learning_districts").rebasedVi()).contains("xã học tập");
        assertThat(BY_ID.get("lit.rate_15_60").rebasedVi()).isNull();
    }

    @Test
    void nationalTargetsForComparison() {
        assertThat(BY_ID.get("cap.university_15plus").national2025().threshold()).isEqualTo(12.0);
        assertThat(BY_ID.get("cap.university_15plus").national2030().threshold()).isEqualTo(15.0);
        assertThat(BY_ID.get("cap.university_15plus").nationalSource()).contains("1373");
    }

    @Test
    void theTargetOfADataYear() {
        IndicatorDefinition d = BY_ID.get("model.learning_citizens");
        assertThat(d.targetFor(2025).threshold()).isEqualTo(50.0);
        assertThat(d.targetFor(2026).threshold()).isEqualTo(70.0);
        assertThat(d.targetYearFor(2026)).isEqualTo(2030);
        IndicatorDefinition noLater = BY_ID.get("cap.information");
        assertThat(noLater.targetFor(2027).threshold()).isEqualTo(50.0);
    }

    @Test
    void nationalTargetsAreSetBesideOnlyWhatTheyMeasure() {
        // issue 15: a share of provinces (Đề án 1373) is not set beside the city's yes/no or a share of its communes;
        // QĐ 387's per-part targets are not set beside the pooled families value
        for (String id : List.of("xmc.level2", "pcgd.th3", "pcgd.mn5_units", "pcgd.thcs3_units", "model.learning_families")) {
            assertThat(BY_ID.get(id).nationalComparable()).as(id).isFalse();
        }
        for (String id : List.of("cap.university_15plus", "inst.clc_it", "model.learning_units", "lit.rate_15_60")) {
            assertThat(BY_ID.get(id).nationalComparable()).as(id).isTrue();
        }
    }
}
