package vn.hoctap.standards.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

import vn.hoctap.standards.core.expression.Conditions;
import vn.hoctap.standards.core.expression.PersonTest;

/**
 * Computes the standards of standards.md for a data year.
 * <p>
 * What a criterion counts is its {@code criterion} line of the rule file (a condition of the expression language,
 * compiled once here, as the columnar engine and the SQL generator compile the same line).
 * Persons are aggregated in one pass into primitive counters (twelve numerators and denominators per
 * commune, in arrays indexed by commune ordinal); no person is retained. Then every commune's levels are
 * decided from its counts and the {@link RuleSet}, then districts from their communes and the city from
 * its districts (or from its communes when it has none).
 * <pre>{@code
 * StandardsEngine engine = new StandardsEngine(units, RuleSet.defaults(), 2025);
 * StandardsEngine.Accumulator acc = engine.newAccumulator();
 * persons.forEach(acc);            // or new PersonsReader(units, clock).read(file, acc)
 * StandardsResult result = acc.result();
 * }</pre>
 */
public final class StandardsEngine {
    private static final Criterion[] CRITERIA = Criterion.values();
    private static final int NC = CRITERIA.length;

    private final Units units;
    private final RuleSet rules;
    private final int year;
    private final int[] minAge = new int[NC];
    private final int[] maxAge = new int[NC];
    private final int minAll;
    private final int maxAll;
    /** The criteria's numerator conditions ({@code criterion} lines of the rule file), compiled once. */
    private final PersonTest[] numerators = new PersonTest[NC];
    /** Criterion → index of its distinct condition (TH.complete_age11/14 and the XMC pairs share theirs). */
    private final int[] distinct = new int[NC];
    /** Who is left out of every criterion: the rule file's {@code define | exempt} line, compiled once. */
    private final PersonTest exempt;

    public StandardsEngine(Units units, RuleSet rules, int year) {
        this.units = Objects.requireNonNull(units, "units");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.year = year;
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (Criterion c : CRITERIA) {
            RuleSet.CohortRule r = rules.cohort(c);
            minAge[c.ordinal()] = r.minAge();
            maxAge[c.ordinal()] = r.maxAge();
            numerators[c.ordinal()] = Conditions.compile(rules.criterion(c).ast(), rules.definitions());
            lo = Math.min(lo, r.minAge());
            hi = Math.max(hi, r.maxAge());
        }
        minAll = lo;
        maxAll = hi;
        exempt = rules.exempt();
        List<Object> seen = new ArrayList<>();
        for (Criterion c : CRITERIA) {
            Object key = java.util.List.of(rules.criterion(c).ast(), rules.definitions());
            int k = seen.indexOf(key);
            if (k < 0) {
                k = seen.size();
                seen.add(key);
            }
            distinct[c.ordinal()] = k;
        }
    }

    public int year() { return year; }

    public Units units() { return units; }

    public RuleSet rules() { return rules; }

    /** Whether the person is left out of every criterion (the rule file's {@code exempt}). */
    public boolean exempt(Person p) {
        return exempt.test(p, year);
    }

    /** Whether the person is in the criterion's denominator: not exempt, and of the cohort's ages. */
    public boolean counts(Person p, Criterion c) {
        if (exempt.test(p, year)) return false;
        int age = year - p.birthYear();
        return age >= minAge[c.ordinal()] && age <= maxAge[c.ordinal()];
    }

    /** Whether the person is in the criterion's numerator (given that {@link #counts} holds). */
    public boolean meets(Person p, Criterion c) {
        return counts(p, c) && numerator(p, c);
    }

    /** The numerator condition of the criterion's rule-file line, for a person of the cohort. */
    private boolean numerator(Person p, Criterion c) {
        return numerators[c.ordinal()].test(p, year);
    }

    /** One-call form: aggregates the stream and evaluates. */
    public static StandardsResult compute(Units units, Stream<Person> persons, int year, RuleSet rules) {
        StandardsEngine e = new StandardsEngine(units, rules, year);
        Accumulator a = e.newAccumulator();
        persons.forEach(a);
        return a.result();
    }

    /** A fresh set of counters; feed it persons (it is a {@code Consumer<Person>}), then call {@link Accumulator#result()}. */
    public Accumulator newAccumulator() { return new Accumulator(); }

    /**
     * Evaluates counts obtained elsewhere (e.g. from a database): commune code → criterion → rate.
     * Missing communes or criteria count as 0/0.
     */
    public StandardsResult evaluate(Map<String, Map<Criterion, Rate>> communeRates) {
        int n = units.communeCount();
        long[] num = new long[n * NC];
        long[] den = new long[n * NC];
        communeRates.forEach((code, rates) -> {
            int ci = units.communeIndex(code);
            if (ci < 0) throw new IllegalArgumentException("not a commune of the units: " + code);
            rates.forEach((c, r) -> {
                num[ci * NC + c.ordinal()] = r.numerator();
                den[ci * NC + c.ordinal()] = r.denominator();
            });
        });
        return evaluate(num, den, 0, 0);
    }

    /**
     * As {@link #evaluate(Map)}, carrying the person totals (all persons counted, of whom exempt) that an
     * {@link Accumulator} would report: the same result as the accumulator's for the same counts.
     */
    public StandardsResult evaluate(Map<String, Map<Criterion, Rate>> communeRates, long personsCounted, long personsExempt) {
        StandardsResult r = evaluate(communeRates);
        return new StandardsResult(year, rules, r.units(), personsCounted, personsExempt);
    }

    /** Per-commune counters. Not thread-safe; use one per thread and {@link #merge(Accumulator)}. */
    public final class Accumulator implements Consumer<Person> {
        private final long[] num = new long[units.communeCount() * NC];
        private final long[] den = new long[units.communeCount() * NC];
        private long persons;
        private long exempted;

        private Accumulator() { }

        /**
         * Counts one person.
         * @throws IllegalArgumentException when the person's commune is not a commune of the units
         */
        @Override
        public void accept(Person p) {
            persons++;
            if (exempt.test(p, year)) {
                exempted++;
                return;
            }
            int ci = units.communeIndex(p.communeCode());
            if (ci < 0) throw new IllegalArgumentException("person " + p.personId() + ": not a commune: " + p.communeCode());
            int age = year - p.birthYear();
            if (age < minAll || age > maxAll) return;
            int base = ci * NC;
            // a condition shared by two criteria (e.g. literate1 for ages 15–35 and 15–25) is tested once a person
            long tested = 0, met = 0;
            for (int c = 0; c < NC; c++) {
                if (age < minAge[c] || age > maxAge[c]) continue;
                den[base + c]++;
                long bit = 1L << distinct[c];
                if ((tested & bit) == 0) {
                    tested |= bit;
                    if (numerators[c].test(p, year)) met |= bit;
                }
                if ((met & bit) != 0) num[base + c]++;
            }
        }

        /** Adds another accumulator's counts (for parallel aggregation). */
        public void merge(Accumulator other) {
            for (int i = 0; i < num.length; i++) {
                num[i] += other.num[i];
                den[i] += other.den[i];
            }
            persons += other.persons;
            exempted += other.exempted;
        }

        public long persons() { return persons; }

        public long exempt() { return exempted; }

        /** Evaluates the counts so far (the accumulator can keep counting afterwards). */
        public StandardsResult result() { return evaluate(num, den, persons, exempted); }
    }

    private StandardsResult evaluate(long[] num, long[] den, long persons, long exempt) {
        Map<String, UnitResult> done = new HashMap<>();
        // communes
        for (int ci = 0; ci < units.communeCount(); ci++) {
            Unit u = units.communes().get(ci);
            Map<Criterion, Rate> rates = new EnumMap<>(Criterion.class);
            for (Criterion c : CRITERIA) rates.put(c, new Rate(num[ci * NC + c.ordinal()], den[ci * NC + c.ordinal()]));
            done.put(u.code(), evaluateCommune(u, rates));
        }
        // districts, then cities
        for (Unit u : units.all()) {
            if (u.level() == UnitLevel.DISTRICT) done.put(u.code(), aggregate(u, done));
        }
        for (Unit u : units.all()) {
            if (u.level() == UnitLevel.CITY) done.put(u.code(), aggregate(u, done));
        }
        List<UnitResult> ordered = new ArrayList<>(units.size());
        for (Unit u : units.all()) ordered.add(done.get(u.code()));
        return new StandardsResult(year, rules, ordered, persons, exempt);
    }

    private UnitResult evaluateCommune(Unit u, Map<Criterion, Rate> rates) {
        boolean dis = u.disadvantaged();
        int[] level = new int[Standard.values().length];
        java.util.Arrays.fill(level, -1);
        for (Standard s : Standard.values()) communeLevel(s, rates, dis, level, 0);
        List<Explanation> explanations = new ArrayList<>();
        for (Standard s : Standard.values()) {
            int reached = level[s.ordinal()];
            for (int k = reached + 1; k <= s.maxLevel(); k++) {
                List<Explanation.Failure> fails = new ArrayList<>();
                if (k - 1 > reached) fails.add(new Explanation.LowerLevelMissing(k - 1, reached));
                for (RuleSet.ThresholdRule t : rules.thresholds(s, k)) {
                    Percent p = t.threshold(dis);
                    if (p == null) continue;
                    Rate r = rates.get(t.criterion());
                    if (!r.meets(p)) fails.add(shortfall(t.criterion(), null, null, r.numerator(), r.denominator(), p, t));
                }
                for (RuleSet.PrerequisiteRule pr : rules.prerequisites(s, k)) {
                    int have = level[pr.required().ordinal()];
                    if (have < pr.requiredLevel()) fails.add(new Explanation.PrerequisiteMissing(pr.required(), pr.requiredLevel(), have, pr));
                }
                explanations.add(new Explanation(u.code(), s, k, fails));
            }
        }
        return new UnitResult(u, Levels.of(level), rates, Map.of(), null, 0, explanations);
    }

    /** Level of a commune standard, resolving prerequisites first (the rule set guarantees no cycle). */
    private int communeLevel(Standard s, Map<Criterion, Rate> rates, boolean dis, int[] level, int depth) {
        if (level[s.ordinal()] >= 0) return level[s.ordinal()];
        if (depth > Standard.values().length) throw new IllegalStateException("prerequisite cycle at " + s);
        int reached = 0;
        for (int k = 1; k <= s.maxLevel(); k++) {
            boolean ok = true;
            for (RuleSet.ThresholdRule t : rules.thresholds(s, k)) {
                Percent p = t.threshold(dis);
                if (p != null && !rates.get(t.criterion()).meets(p)) { ok = false; break; }
            }
            if (ok) {
                for (RuleSet.PrerequisiteRule pr : rules.prerequisites(s, k)) {
                    if (communeLevel(pr.required(), rates, dis, level, depth + 1) < pr.requiredLevel()) { ok = false; break; }
                }
            }
            if (!ok) break;
            reached = k;
        }
        level[s.ordinal()] = reached;
        return reached;
    }

    private UnitResult aggregate(Unit u, Map<String, UnitResult> done) {
        List<Unit> children = units.children(u.code());
        List<Unit> counted = new ArrayList<>();
        UnitLevel childLevel;
        boolean useCityRules;
        if (u.level() == UnitLevel.DISTRICT) {
            for (Unit c : children) if (c.level() == UnitLevel.COMMUNE) counted.add(c);
            childLevel = UnitLevel.COMMUNE;
            useCityRules = false;
        } else {
            boolean hasDistricts = children.stream().anyMatch(c -> c.level() == UnitLevel.DISTRICT);
            if (hasDistricts) {
                boolean withCommunes = rules.mixedCity() == RuleSet.MixedCity.DISTRICTS_AND_COMMUNES;
                for (Unit c : children) {
                    if (c.level() == UnitLevel.DISTRICT || (withCommunes && c.level() == UnitLevel.COMMUNE)) counted.add(c);
                }
                childLevel = UnitLevel.DISTRICT;
                useCityRules = true;
            } else {
                counted.addAll(children);
                childLevel = UnitLevel.COMMUNE;
                useCityRules = rules.cityWithoutDistricts() == RuleSet.CityWithoutDistricts.CITY_PERCENTAGES;
            }
        }
        long total = counted.size();
        Map<StandardLevel, Long> meeting = new EnumMap<>(StandardLevel.class);
        for (StandardLevel k : StandardLevel.values()) {
            long n = 0;
            for (Unit c : counted) if (done.get(c.code()).levels().level(k.standard()) >= k.level()) n++;
            meeting.put(k, n);
        }
        int[] level = new int[Standard.values().length];
        List<Explanation> explanations = new ArrayList<>();
        for (Standard s : Standard.values()) {
            int reached = 0;
            for (int k = 1; k <= s.maxLevel(); k++) {
                RuleSet.AggregationRule r = rule(useCityRules, StandardLevel.of(s, k));
                if (!r.percent().isMetBy(meeting.get(StandardLevel.of(s, k)), total)) break;
                reached = k;
            }
            level[s.ordinal()] = reached;
            for (int k = reached + 1; k <= s.maxLevel(); k++) {
                StandardLevel key = StandardLevel.of(s, k);
                RuleSet.AggregationRule r = rule(useCityRules, key);
                List<Explanation.Failure> fails = new ArrayList<>();
                if (k - 1 > reached) fails.add(new Explanation.LowerLevelMissing(k - 1, reached));
                long m = meeting.get(key);
                if (!r.percent().isMetBy(m, total)) fails.add(shortfall(null, key, childLevel, m, total, r.percent(), r));
                explanations.add(new Explanation(u.code(), s, k, fails));
            }
        }
        return new UnitResult(u, Levels.of(level), Map.of(), meeting, childLevel, total, explanations);
    }

    private RuleSet.AggregationRule rule(boolean city, StandardLevel key) {
        return city ? rules.cityRule(key) : rules.districtRule(key);
    }

    private static Explanation.RateBelowThreshold shortfall(Criterion c, StandardLevel key, UnitLevel childLevel,
                                                            long num, long den, Percent p, RuleSet.Rule rule) {
        long k = p.additionalNeeded(num, den);
        return new Explanation.RateBelowThreshold(c, key, childLevel, num, den, p, k, k <= den - num, rule);
    }
}
