package vn.hoctap.indicators;



import vn.hoctap.indicators.core.PreschoolReading;
import vn.hoctap.indicators.core.IndicatorDefinition;
import vn.hoctap.indicators.core.MergerApportionment;
import vn.hoctap.indicators.core.Progress;
import vn.hoctap.indicators.core.StatusRuleReading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.hoctap.indicators.internal.RegisterIndicators;
import vn.hoctap.register.RegisterChanged;
import vn.hoctap.register.RegisterCountsChanged;
import vn.hoctap.register.RegisterStandards;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.units.UnitDirectory;

/**
 * Giá trị chỉ tiêu: the value of every indicator for the city and each unit of a data year, computed
 * from the person register (indicator expressions), from the standards engine, or read from reported
 * and module values. Aggregation to the city adds numerators and denominators. A year's values are kept
 * until its register changes ({@link RegisterChanged}, applied: {@link RegisterCountsChanged}) or a value is stored, so the dashboard is fresh
 * without a rebuild step.
 */
@Service
public class IndicatorValues {

    /** One value: the rate in percent (or 1/0 for a status), its counts, and whether it is estimated. */
    public record Value(double value, double numerator, double denominator, boolean estimated, String source) {
        public boolean present() {
            return !Double.isNaN(value);
        }
    }

    /** All values of a data year: indicator → unit code → value; and the units the year is computed on. */
    public record YearValues(int year, Map<String, Map<String, Value>> values, boolean hasDistricts,
                             Map<String, StatusRuleReading> readings, PreschoolReading preschool) {
        public Value city(String indicatorId) {
            return values.getOrDefault(indicatorId, Map.of()).get(Targets.CITY);
        }
    }

    private final Targets targets;
    private final RegisterStandards standards;
    private final RegisterIndicators register;
    private final UnitDirectory units;
    private final JdbcTemplate jdbc;
    /** Each year's values until a {@link RegisterChanged} of that year or a stored value (Caffeine). */
    private final Cache<Integer, YearValues> cache = Caffeine.newBuilder().maximumSize(32).build();
    /**
     * The years of stored values (indicator_value, one entry), kept until a value is stored; asked many times a
     * request. An invalidation while it loads waits for the load and drops its value.
     */
    private final Cache<Boolean, List<Integer>> storedYears = Caffeine.newBuilder().build();
    /** Counts every change of any year's values (register change, stored value): answers cached by it stay exact. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    public IndicatorValues(Targets targets, RegisterStandards standards, RegisterIndicators register, UnitDirectory units,
                           JdbcTemplate jdbc) {
        this.targets = targets;
        this.standards = standards;
        this.register = register;
        this.units = units;
        this.jdbc = jdbc;
    }

    /** After the register write committed and the engine applied it ({@link RegisterCountsChanged}). */
    @org.springframework.context.event.EventListener
    void registerChanged(RegisterCountsChanged e) {
        changes.incrementAndGet();
        cache.invalidate(e.year());
    }

    /**
     * A number that changes whenever any year's values may have changed (the register of a year changed, or a value was
     * stored). Answers derived from the values (the status JSON, its ETag) are kept while it stays the same.
     */
    public long version() {
        return changes.get();
    }

    /** Forgets a year's values after a reported or module value was stored. */
    public void invalidate(int year) {
        changes.incrementAndGet();
        storedYears.invalidateAll();
        cache.invalidate(year);
    }

    /**
     * Replaces the stored values of one indicator for one data year: the values of another module
     * (recognised learning titles) or of approved reports. {@code byUnit} maps a unit code (the city is
     * {@link Targets#CITY}) to its numerator and denominator; the value is their rate in percent, or the
     * numerator itself for a status indicator (denominator 0). The year's cached values are dropped, so
     * the dashboard shows the new values on its next request.
     */
    @org.springframework.transaction.annotation.Transactional
    public void store(String indicatorId, int year, Map<String, double[]> byUnit, String source) {
        targets.definition(indicatorId);
        jdbc.update("delete from indicator_value where indicator_id = ? and year = ?", indicatorId, year);
        List<Object[]> rows = new ArrayList<>();
        byUnit.forEach((unit, nd) -> {
            double value = nd[1] == 0 ? nd[0] : nd[0] * 100.0 / nd[1];
            rows.add(new Object[] {indicatorId, unit, year, nd[0], nd[1] == 0 ? null : nd[1], value, source});
        });
        jdbc.batchUpdate("insert into indicator_value (indicator_id, unit_code, year, numerator, denominator, value, source, estimated)"
                + " values (?, ?, ?, ?, ?, ?, ?, false)", rows);
        // now and again once the transaction ended, so that a request computing the year meanwhile does not keep old values
        vn.hoctap.platform.CacheEviction.nowAndAfterCompletion(() -> invalidate(year));
    }

    /** One part of a pooled indicator for one unit (e.g. "family" of model.learning_families). */
    public record Part(String part, double numerator, double denominator) {
        public double value() {
            return denominator == 0 ? Double.NaN : numerator * 100.0 / denominator;
        }
    }

    /**
     * Replaces the parts of a pooled indicator for a data year (issue 15: families, clans and communities reported
     * separately as well as pooled): part → unit code → {numerator, denominator}.
     */
    @org.springframework.transaction.annotation.Transactional
    public void storeParts(String indicatorId, int year, Map<String, Map<String, double[]>> byPart) {
        targets.definition(indicatorId);
        jdbc.update("delete from indicator_breakdown where indicator_id = ? and year = ?", indicatorId, year);
        List<Object[]> rows = new ArrayList<>();
        byPart.forEach((part, byUnit) -> byUnit.forEach((unit, nd) -> rows.add(new Object[] {indicatorId, part, unit, year, nd[0], nd[1]})));
        jdbc.batchUpdate("insert into indicator_breakdown (indicator_id, part, unit_code, year, numerator, denominator) values (?, ?, ?, ?, ?, ?)", rows);
    }

    /** The stored parts of a pooled indicator for a unit and data year, in the order stored (empty when none). */
    public List<Part> parts(String indicatorId, int year, String unitCode) {
        return jdbc.query("select part, numerator, denominator from indicator_breakdown where indicator_id = ? and year = ? and unit_code = ?"
                        + " order by case part when 'family' then 1 when 'clan' then 2 when 'community' then 3 else 4 end, part",
                (rs, i) -> new Part(rs.getString(1), rs.getDouble(2), rs.getDouble(3)), indicatorId, year, unitCode);
    }

    /** The data years with any value: register years and years of stored values. */
    public List<Integer> years() {
        TreeSet<Integer> years = new TreeSet<>(standards.years());
        years.addAll(storedYears.get(Boolean.TRUE,
                k -> List.copyOf(jdbc.queryForList("select distinct year from indicator_value", Integer.class))));
        return new ArrayList<>(years);
    }

    public YearValues forYear(int year) {
        return cache.get(year, this::compute);
    }

    private YearValues compute(int year) {
        Map<String, Map<String, Value>> values = new LinkedHashMap<>();
        boolean hasRegister = standards.years().contains(year);
        StandardsResult std = hasRegister ? standards.result(year) : null;
        boolean hasDistricts = std != null && std.units().stream().anyMatch(u -> u.level() == UnitLevel.DISTRICT);
        // the status indicators of the standards take their status from the strict reading (rule set v2), the
        // contract's default (v1) is shown beside it (issue 15)
        StandardsResult strict = std == null ? null
                : StatusRuleReading.reevaluate(std, standards.unitsFor(year), vn.hoctap.standards.core.RuleSet.bundled(StatusRuleReading.APPLIED));
        Map<String, StatusRuleReading> readings = new LinkedHashMap<>();
        if (strict != null && strict.find(Targets.CITY) != null) {
            StatusRuleReading.KEYS.keySet().stream().sorted()
                    .forEach(id -> readings.put(id, StatusRuleReading.of(id, Targets.CITY, strict, std)));
        }
        Map<String, Map<String, long[]>> reg = hasRegister ? register.evaluate(year, targets.definitions()) : Map.of();
        Map<String, String> parents = new HashMap<>();
        if (hasRegister) {
            standards.unitsFor(year).communes().forEach(c -> parents.put(c.code(), c.parentCode()));
        }
        for (IndicatorDefinition d : targets.definitions()) {
            Map<String, Value> byUnit = new LinkedHashMap<>();
            switch (d.source()) {
                case REGISTER -> {
                    Map<String, long[]> counts = reg.get(d.id());
                    if (counts != null) {
                        long n = 0, den = 0;
                        Map<String, long[]> districts = new LinkedHashMap<>();
                        for (Map.Entry<String, long[]> e : counts.entrySet()) {
                            byUnit.put(e.getKey(), rate(e.getValue()[0], e.getValue()[1], false, "register"));
                            n += e.getValue()[0];
                            den += e.getValue()[1];
                            String parent = parents.get(e.getKey());
                            if (parent != null && !parent.equals(Targets.CITY)) {
                                long[] acc = districts.computeIfAbsent(parent, k -> new long[2]);
                                acc[0] += e.getValue()[0];
                                acc[1] += e.getValue()[1];
                            }
                        }
                        districts.forEach((code, nd) -> byUnit.put(code, rate(nd[0], nd[1], false, "register")));
                        byUnit.put(Targets.CITY, rate(n, den, false, "register"));
                    }
                }
                case STANDARDS -> {
                    if (std != null) {
                        standardsValues(d.id(), d.isStatus() ? strict : std, hasDistricts, byUnit);
                    }
                }
                default -> stored(d.id(), year, byUnit);
            }
            values.put(d.id(), byUnit);
        }
        // issue 15: from the data year Nghị định 277/2025 applies, pcgd.mn5_units is read under rule set nd277-2025
        // (children aged 3–5); the 5-year-old standard of Nghị định 20/2014 stays beside it (and gives the value while
        // the decree's thresholds are not verified: the status then says "chưa xác định", IndicatorStatus)
        PreschoolReading preschool = null;
        vn.hoctap.standards.core.PreschoolRuleSet nd277 = vn.hoctap.standards.core.PreschoolRuleSet.bundled();
        if (hasRegister && nd277.appliesTo(year)) {
            Map<String, Map<String, long[]>> counts35 = register.preschool(year);
            vn.hoctap.standards.core.Units units35 = standards.unitsFor(year);
            preschool = PreschoolReading.of(year, nd277, counts35, units35, std)
                    .withBeside(vn.hoctap.standards.core.PreschoolRuleSet.bundled(vn.hoctap.standards.core.PreschoolRuleSet.BESIDE), counts35, units35);
            if (!preschool.undetermined() && !hasDistricts) {
                Map<String, Value> byUnit = new LinkedHashMap<>();
                preschool.outcomes().forEach((code, o) -> byUnit.put(code,
                        rate(o == vn.hoctap.standards.core.PreschoolRuleSet.Outcome.MET ? 1 : 0, 1, false, "standards")));
                byUnit.put(Targets.CITY, rate(preschool.meeting(), preschool.communeCount(), false, "standards"));
                values.put(PreschoolReading.INDICATOR, byUnit);
            }
        }
        return new YearValues(year, values, hasDistricts, readings, preschool);
    }

    static Value rate(double n, double d, boolean estimated, String source) {
        return new Value(d == 0 ? Double.NaN : n * 100.0 / d, n, d, estimated, source);
    }

    /**
     * The standards-derived indicators: a city status (XMC level 2, TH level 3) as 1 or 0; the share of
     * districts (while they existed) or of communes (since 1/7/2025, the re-based wording) reaching MN5 or
     * THCS level 3.
     */
    private static void standardsValues(String id, StandardsResult std, boolean hasDistricts, Map<String, Value> byUnit) {
        java.util.function.Predicate<UnitResult> ok = switch (id) {
            case "xmc.level2" -> u -> u.levels().xmc() >= 2;
            case "pcgd.th3" -> u -> u.levels().th() >= 3;
            case "pcgd.mn5_units" -> u -> u.levels().mn5();
            case "pcgd.thcs3_units" -> u -> u.levels().thcs() >= 3;
            default -> throw new IllegalStateException("no standards rule for indicator " + id);
        };
        boolean share = id.endsWith("_units");
        UnitLevel counted = hasDistricts ? UnitLevel.DISTRICT : UnitLevel.COMMUNE;
        long n = 0, d = 0;
        for (UnitResult u : std.units()) {
            boolean met = ok.test(u);
            if (u.level() == UnitLevel.CITY) {
                if (!share) {
                    byUnit.put(u.code(), new Value(met ? 1 : 0, met ? 1 : 0, 1, false, "standards"));
                }
                continue;
            }
            byUnit.put(u.code(), share ? rate(met ? 1 : 0, 1, false, "standards") : new Value(met ? 1 : 0, met ? 1 : 0, 1, false, "standards"));
            if (u.level() == counted) {
                d++;
                n += met ? 1 : 0;
            }
        }
        if (share) {
            byUnit.put(Targets.CITY, rate(n, d, false, "standards"));
        }
    }

    private void stored(String id, int year, Map<String, Value> byUnit) {
        jdbc.query("select unit_code, numerator, denominator, value, estimated, source from indicator_value where indicator_id = ? and year = ?",
                rs -> {
                    byUnit.put(rs.getString("unit_code"), new Value(rs.getDouble("value"),
                            rs.getObject("numerator") == null ? Double.NaN : rs.getDouble("numerator"),
                            rs.getObject("denominator") == null ? Double.NaN : rs.getDouble("denominator"),
                            rs.getBoolean("estimated"), rs.getString("source")));
                }, id, year);
    }

    /** The expression of a register-derived indicator (null for the others). */
    public String expression(String indicatorId) {
        return register.expression(indicatorId);
    }

    /** The city's series of an indicator over the data years. */
    public List<Progress.Point> citySeries(String indicatorId) {
        return series(indicatorId, Targets.CITY, Integer.MAX_VALUE);
    }

    /**
     * A unit's series up to a data year: the city's; for a commune of the current structure its values
     * on the current communes (estimated before the reform); for a unit of an earlier structure (a
     * district, a former commune) the years it was computed in.
     */
    public List<Progress.Point> series(String indicatorId, String unitCode, int upTo) {
        List<Progress.Point> out = new ArrayList<>();
        boolean current = units.history().version(unitCode, java.time.LocalDate.of(2025, 7, 1)).isPresent()
                && !unitCode.equals(Targets.CITY);
        for (int y : years()) {
            if (y > upTo) {
                continue;
            }
            Value v = current ? onCurrentCommunes(indicatorId, y).get(unitCode)
                    : forYear(y).values().getOrDefault(indicatorId, Map.of()).get(unitCode);
            if (v != null && v.present()) {
                out.add(new Progress.Point(y, v.value()));
            }
        }
        return out;
    }

    /**
     * The values of an indicator on the 126 communes of the 2025 structure: as computed for years since
     * the reform, apportioned from the old communes (estimated) for earlier years. Status and share
     * indicators of the standards are not apportioned (a level cannot be split).
     */
    public Map<String, Value> onCurrentCommunes(String indicatorId, int year) {
        YearValues yv = forYear(year);
        Map<String, Value> byUnit = yv.values().getOrDefault(indicatorId, Map.of());
        if (!yv.hasDistricts()) {
            Map<String, Value> out = new LinkedHashMap<>(byUnit);
            out.remove(Targets.CITY);
            return out;
        }
        IndicatorDefinition d = targets.definition(indicatorId);
        if (d.source() == IndicatorDefinition.Source.STANDARDS) {
            return Map.of();
        }
        Map<String, long[]> old = new HashMap<>();
        byUnit.forEach((code, v) -> {
            if (!code.equals(Targets.CITY) && !Double.isNaN(v.numerator()) && code.length() == 5) {
                old.put(code, new long[] {Math.round(v.numerator()), Math.round(v.denominator())});
            }
        });
        Map<String, Long> pop = new HashMap<>();
        units.history().unitsOn(java.time.LocalDate.of(2025, 7, 1)).forEach(u -> units.population(u.code())
                .ifPresent(p -> pop.put(u.code(), p.getValue())));
        MergerApportionment m = new MergerApportionment(units.history().successions(), pop);
        Map<String, Value> out = new LinkedHashMap<>();
        m.apportion(old).forEach((code, nd) -> out.put(code, rate(nd[0], nd[1], true, "apportioned")));
        return out;
    }
}
