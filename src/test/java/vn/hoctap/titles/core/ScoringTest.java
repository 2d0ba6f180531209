package vn.hoctap.titles.core;


import vn.hoctap.titles.core.CriteriaSet;
import vn.hoctap.titles.core.CriteriaSetLoader;
import vn.hoctap.titles.core.Evaluation;
import vn.hoctap.titles.core.Indicator;
import vn.hoctap.titles.core.Reason;
import vn.hoctap.titles.core.ScoreResult;
import vn.hoctap.titles.core.Scoring;
import vn.hoctap.titles.core.ScoringException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScoringTest {

    static final CriteriaSet RESIDENTS = CriteriaSetLoader.loadResource("titles/cdht-residents-v1.txt");

    static Map<String, Integer> all(CriteriaSet set, int points) {
        var m = new LinkedHashMap<String, Integer>();
        set.indicators().keySet().forEach(id -> m.put(id, points));
        return m;
    }

    @Test
    void eightyWithEveryIndicatorAtLeastFivePasses() {
        var points = all(RESIDENTS, 8); // 10 indicators × 8 = 80
        ScoreResult r = Scoring.score(RESIDENTS, points);
        assertThat(r.total()).isEqualTo(80);
        assertThat(r.maxTotal()).isEqualTo(100);
        assertThat(r.subtotals()).containsEntry("1", 32).containsEntry("2", 24).containsEntry("3", 24);
        assertThat(r.passed()).isTrue();
        assertThat(r.unverifiedRules()).isTrue();
        assertThat(r.reasons().get(0).vi()).startsWith("Đạt: tổng điểm 80/100");
    }

    @Test
    void oneIndicatorBelowFiveFailsEvenWithAHighTotal() {
        var points = all(RESIDENTS, 10);
        points.put("2.3", 4); // total 94
        ScoreResult r = Scoring.score(RESIDENTS, points);
        assertThat(r.total()).isEqualTo(94);
        assertThat(r.passed()).isFalse();
        assertThat(r.reasons()).contains(new Reason("Chỉ số 2.3 được 4 điểm, dưới mức tối thiểu 5",
                "Indicator 2.3 scored 4 points, below the minimum 5"));
    }

    @Test
    void seventyNineFails() {
        var points = all(RESIDENTS, 8);
        points.put("1.1", 7);
        ScoreResult r = Scoring.score(RESIDENTS, points);
        assertThat(r.passed()).isFalse();
        assertThat(r.reasons().get(0).vi()).isEqualTo("Tổng điểm 79/100, dưới mức đạt 80");
    }

    @Test
    void missingIndicatorsScoreZero() {
        var points = all(RESIDENTS, 10);
        points.remove("3.3");
        ScoreResult r = Scoring.score(RESIDENTS, points);
        assertThat(r.total()).isEqualTo(90);
        assertThat(r.passed()).isFalse();
        assertThat(r.reasons()).extracting(Reason::vi).contains("Chỉ số 3.3 được 0 điểm, dưới mức tối thiểu 5");
    }

    @Test
    void pointsOutOfRangeAndUnknownIndicatorsAreNamedErrors() {
        var points = all(RESIDENTS, 8);
        points.put("1.2", 11);
        points.put("2.1", -1);
        points.put("9.9", 3);
        assertThatThrownBy(() -> Scoring.score(RESIDENTS, points))
                .isInstanceOfSatisfying(ScoringException.class, e -> assertThat(e.problems()).extracting(Reason::en)
                        .containsExactlyInAnyOrder("Indicator 1.2: 11 points is outside 0–10", "Indicator 2.1: -1 points is outside 0–10",
                                "Indicator 9.9 is not in criteria set cdht-residents@1"));
    }

    @Test
    void requiredCriterionMinimum_familySet() {
        CriteriaSet g = CriteriaSetLoader.loadResource("titles/gdht-v1.txt");
        var points = all(g, 10);
        points.put("1.1", 0); // criterion 1 = 20 = its minimum, total 90
        assertThat(Scoring.score(g, points).passed()).isTrue();
        points.put("1.2", 9); // criterion 1 = 19
        ScoreResult r = Scoring.score(g, points);
        assertThat(r.passed()).isFalse();
        assertThat(r.reasons()).extracting(Reason::vi).contains("Tiêu chí 1 được 19 điểm, dưới mức yêu cầu 20");
    }

    @Test
    void anEvaluationKeepsItsVersion() {
        var eval = new Evaluation("cdht-residents", 1, all(RESIDENTS, 9), Map.of("1.1", List.of("minh-chung/giay-chung-nhan.pdf")));
        assertThat(Scoring.score(RESIDENTS, eval).passed()).isTrue();
        var v2 = new CriteriaSet(RESIDENTS.id(), 2, RESIDENTS.kind(), RESIDENTS.title(), RESIDENTS.status(), RESIDENTS.source(),
                RESIDENTS.criteria(), RESIDENTS.passRule());
        assertThatThrownBy(() -> Scoring.score(v2, eval)).isInstanceOf(ScoringException.class)
                .hasMessageContaining("made with criteria set cdht-residents@1, not cdht-residents@2");
    }

    @Test
    void everyBuiltInSetScoresFullMarksAsPass() {
        for (CriteriaSet s : CriteriaSetLoader.loadBuiltIn()) {
            var full = new HashMap<String, Integer>();
            s.indicators().values().forEach(i -> full.put(i.id(), i.maxPoints()));
            assertThat(Scoring.score(s, full).passed()).as(s.key()).isTrue();
            assertThat(Scoring.score(s, Map.of()).passed()).as(s.key()).isFalse();
        }
    }
}
