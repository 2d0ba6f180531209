package vn.hoctap.titles.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * When a scorecard passes: a minimum total, a minimum for every indicator, minimum subtotals for
 * required criteria. Every part carries its own verification status and source. All conditions are
 * "at least" conditions, so raising points never turns a pass into a fail (monotone).
 */
public record PassRule(Integer minTotal, Integer minPerIndicator, Map<String, Integer> minPerCriterion,
        Map<String, VerificationStatus> statusOf, Map<String, String> sourceOf) {

    /** Keys of {@link #statusOf()}/{@link #sourceOf()}: {@code min_total}, {@code min_indicator}, {@code criterion:<id>}. */
    public static final String MIN_TOTAL = "min_total";
    public static final String MIN_INDICATOR = "min_indicator";

    public PassRule {
        minPerCriterion = Map.copyOf(new LinkedHashMap<>(minPerCriterion));
        statusOf = Map.copyOf(statusOf);
        sourceOf = Map.copyOf(sourceOf);
    }

    public OptionalInt minimumTotal() { return minTotal == null ? OptionalInt.empty() : OptionalInt.of(minTotal); }

    public OptionalInt minimumPerIndicator() {
        return minPerIndicator == null ? OptionalInt.empty() : OptionalInt.of(minPerIndicator);
    }

    public VerificationStatus status(String key) { return Objects.requireNonNullElse(statusOf.get(key), VerificationStatus.M); }

    /** True when any part of the rule is a draft (M/NF). */
    public boolean isUnverified() { return statusOf.values().stream().anyMatch(VerificationStatus::isUnverified); }
}
