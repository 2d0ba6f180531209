package vn.hoctap.titles.core;

import java.util.List;
import java.util.Map;

/** The outcome of scoring: total, subtotal per criterion, pass/fail and why. */
public record ScoreResult(String setKey, int total, int maxTotal, Map<String, Integer> subtotals, boolean passed,
        List<Reason> reasons, boolean unverifiedRules) {
    public ScoreResult {
        subtotals = Map.copyOf(subtotals);
        reasons = List.copyOf(reasons);
    }
}
