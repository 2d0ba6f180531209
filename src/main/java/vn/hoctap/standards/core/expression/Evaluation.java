package vn.hoctap.standards.core.expression;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import vn.hoctap.standards.core.Person;

/**
 * Accumulates one indicator over a stream of persons for one data year, per group. Feed it persons with
 * {@link #accept(Person)} (grouped by commune code) or {@link #accept(String, Person)} (any group key), then read
 * {@link #result()}. Work per person: one group lookup (the last group is cached, so input sorted by group is
 * cheapest) and one compiled test per distinct aggregate. Not thread-safe: use one per thread and
 * {@link #merge(Evaluation)}.
 */
public final class Evaluation implements Consumer<Person> {

    private final CompiledIndicator indicator;
    private final int year;
    private final Aggregate[] aggs;
    private final Map<String, long[]> groups = new HashMap<>();
    private String lastKey;
    private long[] lastCounters;

    Evaluation(CompiledIndicator indicator, int year) {
        this.indicator = indicator;
        this.year = year;
        this.aggs = indicator.aggregates().toArray(new Aggregate[0]);
    }

    public int year() { return year; }

    public CompiledIndicator indicator() { return indicator; }

    /** Adds a person to the group of its commune code. */
    @Override
    public void accept(Person p) { accept(p.communeCode(), p); }

    /** Adds a person to group {@code group}. */
    public void accept(String group, Person p) {
        long[] c;
        if (group == lastKey || (lastKey != null && lastKey.equals(group))) {
            c = lastCounters;
        } else {
            c = groups.computeIfAbsent(group, g -> new long[aggs.length + 1]);
            lastKey = group;
            lastCounters = c;
        }
        for (int i = 0; i < aggs.length; i++) c[i] += aggs[i].contribution(p, year);
        c[aggs.length]++;
    }

    /** Adds the counts of another evaluation of the same indicator and year (e.g. from another thread). */
    public Evaluation merge(Evaluation other) {
        if (other.indicator != indicator || other.year != year) {
            throw new IllegalArgumentException("not the same indicator and year");
        }
        other.groups.forEach((k, v) -> {
            long[] c = groups.computeIfAbsent(k, g -> new long[aggs.length + 1]);
            for (int i = 0; i < c.length; i++) c[i] += v[i];
        });
        return this;
    }

    /** The values per group (sorted by key) and in total. The evaluation can go on receiving persons. */
    public IndicatorResult result() {
        Map<String, GroupValue> out = new TreeMap<>();
        long[] total = new long[aggs.length + 1];
        groups.forEach((k, c) -> {
            out.put(k, indicator.value(k, c[aggs.length], java.util.Arrays.copyOf(c, aggs.length)));
            for (int i = 0; i < c.length; i++) total[i] += c[i];
        });
        return new IndicatorResult(java.util.Collections.unmodifiableMap(out),
                indicator.value(null, total[aggs.length], java.util.Arrays.copyOf(total, aggs.length)));
    }
}
