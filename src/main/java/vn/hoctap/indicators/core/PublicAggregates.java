package vn.hoctap.indicators.core;

/**
 * Công khai kết quả (Nghị quyết 23-NQ/TU asks that the results of building a learning society be made public): which
 * aggregates anyone may read without signing in. Decision of this platform (issue 11), not a rule of a legal text:
 * <ul>
 *   <li>public: the city's 25 indicators with value, target and status, and each commune's value (a rate or a
 *       yes/no) per indicator and year;</li>
 *   <li>a commune's rate is withheld (shown as "not published") when fewer than {@link #MIN_DENOMINATOR} persons are
 *       counted, so that a small group (e.g. the persons with a disability of one commune) cannot be singled out;</li>
 *   <li>not public: numerators and denominators, the persons behind a shortfall, organisations' reported values,
 *       the standards' criterion counts — these need an account with the unit in scope (UNIT_AGGREGATES).</li>
 * </ul>
 * Pure Java.
 */
public final class PublicAggregates {

    /** The fewest persons behind a published commune rate. */
    public static final int MIN_DENOMINATOR = 10;

    private PublicAggregates() {
    }

    /**
     * Whether a unit's value may be published: the city's always; a commune's when it has a value and, for a rate
     * computed from persons, at least {@link #MIN_DENOMINATOR} of them (a value without a denominator, such as a
     * standard's yes/no, is published).
     */
    public static boolean publishable(boolean city, double value, double denominator) {
        if (Double.isNaN(value)) return false;
        if (city) return true;
        return Double.isNaN(denominator) || denominator >= MIN_DENOMINATOR;
    }
}
