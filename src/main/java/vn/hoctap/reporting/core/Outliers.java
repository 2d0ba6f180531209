package vn.hoctap.reporting.core;

import java.util.List;

/**
 * Cảnh báo giá trị bất thường (non-blocking), against the same organisation's approved values of earlier
 * years, for numbers (not yes/no):
 * <ol>
 * <li>the change from the previous year is more than 50% of the previous year's value (when that value is
 *     positive), e.g. 40 trained staff after 20;</li>
 * <li>with at least three earlier years, the value lies outside the smallest and largest of them.</li>
 * </ol>
 * Only the first that applies is reported.
 */
public final class Outliers {

    public enum Kind { CHANGE, RANGE }

    /** A warning: which check, and the figures it is based on. */
    public record Warning(Kind kind, double value, double previous, double min, double max) {
    }

    private Outliers() {
    }

    /**
     * @param value    the value entered
     * @param previous the previous year's value (NaN when none)
     * @param history  the values of earlier years (any order; may include the previous year)
     */
    public static Warning check(double value, double previous, List<Double> history) {
        if (Double.isNaN(value)) {
            return null;
        }
        if (!Double.isNaN(previous) && previous > 0 && Math.abs(value - previous) / previous > 0.5) {
            return new Warning(Kind.CHANGE, value, previous, Double.NaN, Double.NaN);
        }
        if (history.size() >= 3) {
            double min = history.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = history.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            if (value < min || value > max) {
                return new Warning(Kind.RANGE, value, previous, min, max);
            }
        }
        return null;
    }
}
