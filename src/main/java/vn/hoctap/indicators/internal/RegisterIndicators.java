package vn.hoctap.indicators.internal;

import java.util.List;
import java.util.Map;

import vn.hoctap.indicators.core.IndicatorDefinition;

/** Computes the register-derived indicators of a data year: indicator → commune → {numerator, denominator}. */
public interface RegisterIndicators {

    Map<String, Map<String, long[]>> evaluate(int year, List<IndicatorDefinition> definitions);

    /** The expression text of a register-derived indicator, or null. */
    String expression(String indicatorId);

    /**
     * The counts of the criteria of universal preschool education for ages 3–5 (rule set nd277-2025, issue 15) for a
     * data year: criterion id → commune → {numerator, denominator}.
     */
    Map<String, Map<String, long[]>> preschool(int year);
}
