package vn.hoctap.indicators.internal;

import java.util.List;
import java.util.Map;

import vn.hoctap.indicators.core.IndicatorDefinition;

/** Computes the register-derived indicators of a data year: indicator → commune → {numerator, denominator}. */
public interface RegisterIndicators {

    Map<String, Map<String, long[]>> evaluate(int year, List<IndicatorDefinition> definitions);

    /** The expression text of a register-derived indicator, or null. */
    String expression(String indicatorId);
}
