package vn.hoctap.standards.core.expression;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The indicator for one group (e.g. a commune) or for all persons: the aggregates' values, the numerator, the
 * denominator and the value.
 *
 * <p>When the indicator is a division at its top level ({@code … / X}), {@link #numerator()} is the part before the
 * last {@code /} and {@link #denominator()} is {@code X}; otherwise the numerator is the value and the denominator 1.
 * Any division by 0 gives {@code NaN} (never an infinity).
 */
public final class GroupValue {

    private final String group;
    private final long persons;
    private final long[] aggregates;
    private final double numerator;
    private final double denominator;
    private final double value;

    GroupValue(String group, long persons, long[] aggregates, double numerator, double denominator, double value) {
        this.group = group;
        this.persons = persons;
        this.aggregates = aggregates.clone();
        this.numerator = numerator;
        this.denominator = denominator;
        this.value = value;
    }

    /** The group key (null for the total). */
    public String group() { return group; }

    /** Number of persons fed into this group. */
    public long persons() { return persons; }

    /** The value of aggregate {@code i} of {@link CompiledIndicator#aggregates()} (a count or a sum). */
    public long aggregate(int i) { return aggregates[i]; }

    public List<Long> aggregates() {
        List<Long> l = new ArrayList<>(aggregates.length);
        for (long a : aggregates) l.add(a);
        return Collections.unmodifiableList(l);
    }

    public double numerator() { return numerator; }

    public double denominator() { return denominator; }

    /** The indicator's value; NaN when a denominator is 0. */
    public double value() { return value; }

    @Override
    public String toString() {
        return (group == null ? "total" : group) + ": " + numerator + " / " + denominator + " = " + value;
    }
}
