package vn.hoctap.indicators;


import vn.hoctap.indicators.core.IndicatorCatalogue;
import vn.hoctap.indicators.core.IndicatorDefinition;
import vn.hoctap.indicators.core.TargetSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Chỉ tiêu as first-class objects: per indicator, unit, year and scope (Hà Nội's NQ 23, or national),
 * a value or a band, with the original wording and the re-based one. Seeded from the shipped catalogue
 * on first start; city administrators edit them (audited) and set the 2030 ones.
 */
@Service
public class Targets {

    public static final String CITY = "01";

    /** A stored target. */
    public record Target(String indicatorId, String unitCode, int year, String scope, String spec, String wordingVi,
                         String rebasedVi, String source) {
        public TargetSpec parsed() {
            return TargetSpec.parse(spec);
        }
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    /** Counts every change of a city target: answers derived from the targets are kept while it stays the same. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    private final List<IndicatorDefinition> definitions = IndicatorCatalogue.load();
    /** The city's targets per scope, kept until a target is set (every dashboard request reads them). */
    private final com.github.benmanes.caffeine.cache.Cache<String, Map<String, java.util.NavigableMap<Integer, TargetSpec>>> cityTargets =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().build();

    public Targets(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        tx.executeWithoutResult(s -> seed());
    }

    public List<IndicatorDefinition> definitions() {
        return definitions;
    }

    public IndicatorDefinition definition(String id) {
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("indicators.error.not-found", id));
    }

    private void seed() {
        Integer n = jdbc.queryForObject("select count(*) from indicator_target", Integer.class);
        if (n != null && n > 0) {
            return;
        }
        for (IndicatorDefinition d : definitions) {
            insert(d, 2025, "nq23", d.target2025(), "NQ 23-NQ/TU (16/11/2023)");
            insert(d, 2030, "nq23", d.target2030(), d.target2030Source());
            insert(d, 2025, "national", d.national2025(), d.nationalSource());
            insert(d, 2030, "national", d.national2030(), d.nationalSource());
        }
    }

    private void insert(IndicatorDefinition d, int year, String scope, TargetSpec spec, String source) {
        if (spec == null) {
            return;
        }
        jdbc.update("""
                insert into indicator_target (indicator_id, unit_code, year, scope, spec, wording_vi, rebased_vi, source)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", d.id(), CITY, year, scope, spec.text(), d.nameVi(), d.rebasedVi(), source);
    }

    public List<Target> all() {
        return jdbc.query("select * from indicator_target order by indicator_id, scope desc, year", (rs, i) -> new Target(
                rs.getString("indicator_id"), rs.getString("unit_code"), rs.getInt("year"), rs.getString("scope"),
                rs.getString("spec"), rs.getString("wording_vi"), rs.getString("rebased_vi"), rs.getString("source")));
    }

    /** The city's targets of a scope: indicator → year → spec. */
    public Map<String, java.util.NavigableMap<Integer, TargetSpec>> cityTargets(String scope) {
        return cityTargets.get(scope, this::loadCityTargets);
    }

    private Map<String, java.util.NavigableMap<Integer, TargetSpec>> loadCityTargets(String scope) {
        Map<String, java.util.NavigableMap<Integer, TargetSpec>> m = new LinkedHashMap<>();
        for (Target t : all()) {
            if (t.unitCode().equals(CITY) && t.scope().equals(scope)) {
                m.computeIfAbsent(t.indicatorId(), k -> new java.util.TreeMap<>()).put(t.year(), t.parsed());
            }
        }
        Map<String, java.util.NavigableMap<Integer, TargetSpec>> ro = new LinkedHashMap<>();
        m.forEach((k, v) -> ro.put(k, java.util.Collections.unmodifiableNavigableMap(v)));
        return java.util.Collections.unmodifiableMap(ro);
    }

    /** The target that applies to a data year: the next target year at or after it (the last one after 2030). */
    public static Map.Entry<Integer, TargetSpec> applicable(java.util.NavigableMap<Integer, TargetSpec> byYear, int dataYear) {
        if (byYear == null || byYear.isEmpty()) {
            return null;
        }
        for (Map.Entry<Integer, TargetSpec> e : byYear.entrySet()) {
            if (e.getKey() >= dataYear) {
                return e;
            }
        }
        return byYear.lastEntry();
    }

    /** A number that changes whenever a city target may have changed. */
    public long version() {
        return changes.get();
    }

    /** Sets (or removes, with an empty spec) a target of the city; city administrators only; audited. */
    @Transactional
    public void set(String indicatorId, int year, String scope, String specText) {
        guard.require(DataKind.ADMINISTRATION, AccessAction.WRITE);   // targets: the city administrator
        IndicatorDefinition d = definition(indicatorId);
        if (year < 2020 || year > 2050) {
            throw ValidationException.of("year", "indicators.error.target-year");
        }
        if (!scope.equals("nq23") && !scope.equals("national")) {
            throw ValidationException.of("scope", "indicators.error.target-scope");
        }
        TargetSpec spec;
        try {
            spec = specText == null || specText.isBlank() ? null : TargetSpec.parse(specText, d.unit());
        } catch (TargetSpec.InvalidTarget e) {
            // located: the field, and which rule the text breaks (bounded numbers, 0–100 for rates, band order)
            throw ValidationException.of("spec", e.reasonKey());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("spec", "indicators.error.target-spec");
        }
        List<String> before = jdbc.queryForList("""
                select spec from indicator_target where indicator_id = ? and unit_code = ? and year = ? and scope = ?""",
                String.class, indicatorId, CITY, year, scope);
        jdbc.update("delete from indicator_target where indicator_id = ? and unit_code = ? and year = ? and scope = ?",
                indicatorId, CITY, year, scope);
        if (spec != null) {
            jdbc.update("""
                    insert into indicator_target (indicator_id, unit_code, year, scope, spec, wording_vi, rebased_vi, source)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", indicatorId, CITY, year, scope, spec.text(), d.nameVi(), d.rebasedVi(),
                    "Quản trị viên / administrator");
        }
        changes.incrementAndGet();
        // now and again once the transaction ended, so that a request reading the targets meanwhile does not keep old ones
        vn.hoctap.platform.CacheEviction.nowAndAfterCompletion(() -> {
            cityTargets.invalidateAll();
            changes.incrementAndGet();
        });
        audit.record("update", "indicator_target", indicatorId + ":" + year + ":" + scope, CITY,
                before.isEmpty() ? null : Map.of("spec", before.get(0)), spec == null ? null : Map.of("spec", spec.text()), null);
    }
}
