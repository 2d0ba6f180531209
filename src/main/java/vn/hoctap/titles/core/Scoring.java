package vn.hoctap.titles.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a scorecard against a criteria set. An indicator that is not in the map scores 0. Points
 * outside [0, max] or unknown indicators are a {@link ScoringException} naming the indicator.
 */
public final class Scoring {
    private Scoring() {}

    /** Scores an evaluation with the set it was made for; a different set id or version is an error. */
    public static ScoreResult score(CriteriaSet set, Evaluation evaluation) {
        if (!set.id().equals(evaluation.setId()) || set.version() != evaluation.setVersion())
            throw new ScoringException(List.of(new Reason(
                    "Phiếu chấm theo bộ tiêu chí " + evaluation.setKey() + ", không phải " + set.key(),
                    "The evaluation was made with criteria set " + evaluation.setKey() + ", not " + set.key())));
        return score(set, evaluation.points());
    }

    public static ScoreResult score(CriteriaSet set, Map<String, Integer> points) {
        Map<String, Indicator> indicators = set.indicators();
        List<Reason> problems = new ArrayList<>();
        for (var e : points.entrySet()) {
            Indicator ind = indicators.get(e.getKey());
            Integer p = e.getValue();
            if (ind == null) {
                problems.add(new Reason("Chỉ số " + e.getKey() + " không có trong bộ tiêu chí " + set.key(),
                        "Indicator " + e.getKey() + " is not in criteria set " + set.key()));
            } else if (p == null || p < 0 || p > ind.maxPoints()) {
                problems.add(new Reason("Chỉ số " + ind.id() + " (" + ind.name() + "): " + p + " điểm nằm ngoài khoảng 0–" + ind.maxPoints(),
                        "Indicator " + ind.id() + ": " + p + " points is outside 0–" + ind.maxPoints()));
            }
        }
        if (!problems.isEmpty()) throw new ScoringException(problems);

        PassRule rule = set.passRule();
        List<Reason> reasons = new ArrayList<>();
        Map<String, Integer> subtotals = new LinkedHashMap<>();
        int total = 0;
        for (Criterion c : set.criteria()) {
            int sub = 0;
            for (Indicator i : c.indicators()) {
                int p = points.getOrDefault(i.id(), 0);
                sub += p;
                if (rule.minPerIndicator() != null && p < rule.minPerIndicator())
                    reasons.add(new Reason("Chỉ số " + i.id() + " được " + p + " điểm, dưới mức tối thiểu " + rule.minPerIndicator(),
                            "Indicator " + i.id() + " scored " + p + " points, below the minimum " + rule.minPerIndicator()));
            }
            subtotals.put(c.id(), sub);
            total += sub;
            Integer minC = rule.minPerCriterion().get(c.id());
            if (minC != null && sub < minC)
                reasons.add(new Reason("Tiêu chí " + c.id() + " được " + sub + " điểm, dưới mức yêu cầu " + minC,
                        "Criterion " + c.id() + " scored " + sub + " points, below the required " + minC));
        }
        if (rule.minTotal() != null && total < rule.minTotal())
            reasons.add(0, new Reason("Tổng điểm " + total + "/" + set.maxTotal() + ", dưới mức đạt " + rule.minTotal(),
                    "Total " + total + "/" + set.maxTotal() + ", below the pass mark " + rule.minTotal()));
        boolean passed = reasons.isEmpty();
        if (passed)
            reasons.add(new Reason("Đạt: tổng điểm " + total + "/" + set.maxTotal() + ", đủ mọi điều kiện của " + set.key(),
                    "Passed: total " + total + "/" + set.maxTotal() + ", every condition of " + set.key() + " met"));
        if (set.isUnverified())
            reasons.add(new Reason("Lưu ý: bộ tiêu chí có phần là " + CriteriaVerification.PROVISIONAL_VI,
                    "Note: parts of this criteria set are " + CriteriaVerification.PROVISIONAL_EN));
        return new ScoreResult(set.key(), total, set.maxTotal(), subtotals, passed, reasons, set.isUnverified());
    }
}
