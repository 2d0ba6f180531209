package vn.hoctap.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.cycle.core.CommuneTargetDefault;
import vn.hoctap.indicators.CommuneTargetSource;
import vn.hoctap.indicators.core.IndicatorDefinition;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.core.TargetSpec;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitVersion;

/**
 * Giao chỉ tiêu cho xã, phường: the 25 NQ 23 targets broken down to the 126 communes. The city proposes a default for
 * each commune from its baseline ({@link CommuneTargetDefault}); a commune proposes a change with a reason; the city
 * approves (the proposal becomes the commune's target) or rejects it (the target stays). The dashboard and map judge each
 * commune against the target in force here ({@link CommuneTargetSource}). The city's own fact-indicators (the national
 * title) are not broken down.
 */
@Service
public class CommuneTargets implements CommuneTargetSource {

    public enum State { DEFAULT, PROPOSED, APPROVED, REJECTED }

    public record CommuneTarget(String indicatorId, String unitCode, int targetYear, String spec, String basis, State state,
                                String proposedSpec, String proposedReason, String proposedBy, String decidedBy) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Targets targets;
    private final IndicatorValues values;
    private final UnitDirectory units;
    /** indicator → commune → target year → spec; rebuilt after each change (read by every dashboard request). */
    private volatile Map<String, Map<String, NavigableMap<Integer, TargetSpec>>> cache;

    CommuneTargets(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, Targets targets, IndicatorValues values, UnitDirectory units) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.targets = targets;
        this.values = values;
        this.units = units;
    }

    /** The indicators broken down to communes: all but the city's recorded facts. */
    public List<IndicatorDefinition> brokenDown() {
        return targets.definitions().stream().filter(d -> d.source() != IndicatorDefinition.Source.RECORD).toList();
    }

    /** The communes of the current structure. */
    public List<UnitVersion> communes() {
        return units.unitsOn(LocalDate.of(2025, 7, 1)).stream().filter(u -> u.level() == vn.hoctap.units.core.UnitLevel.COMMUNE).toList();
    }

    /**
     * The city proposes every commune's default target for the target that applies to {@code dataYear}, from the
     * commune's value in the latest data year up to {@code dataYear} (the baseline). Approved targets and pending proposals
     * are kept; earlier defaults are replaced. Returns the number of targets written.
     */
    @Transactional
    public int proposeDefaults(int dataYear) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.APPROVE, Targets.CITY);
        List<Integer> years = values.years().stream().filter(y -> y <= dataYear).sorted(java.util.Comparator.reverseOrder()).toList();
        Map<String, NavigableMap<Integer, TargetSpec>> city = targets.cityTargets("nq23");
        List<Object[]> rows = new ArrayList<>();
        List<UnitVersion> communes = communes();
        Map<String, Integer> baselineYears = new LinkedHashMap<>();
        for (IndicatorDefinition d : brokenDown()) {
            var t = Targets.applicable(city.get(d.id()), dataYear);
            if (t == null) continue;
            // the baseline: the indicator's latest data year with values for the communes
            Integer baselineYear = null;
            Map<String, IndicatorValues.Value> base = Map.of();
            for (int y : years) {
                Map<String, IndicatorValues.Value> v = values.onCurrentCommunes(d.id(), y);
                if (v.values().stream().anyMatch(IndicatorValues.Value::present)) {
                    baselineYear = y;
                    base = v;
                    break;
                }
            }
            baselineYears.put(d.id(), baselineYear);
            for (UnitVersion c : communes) {
                IndicatorValues.Value v = base.get(c.code());
                Double b = v == null || !v.present() ? null : v.value();
                CommuneTargetDefault.Proposal p = CommuneTargetDefault.propose(t.getValue(), b, baselineYear == null ? dataYear : baselineYear);
                rows.add(new Object[] {d.id(), c.code(), t.getKey(), p.spec().text(), p.basisVi()});
            }
        }
        int[][] n = jdbc.batchUpdate("""
                insert into cycle_commune_target (indicator_id, unit_code, target_year, spec, basis, state)
                values (?, ?, ?, ?, ?, 'DEFAULT')
                on conflict (indicator_id, unit_code, target_year) do update set spec = excluded.spec, basis = excluded.basis,
                    updated_at = now() where cycle_commune_target.state in ('DEFAULT', 'REJECTED')""", rows, 1000, (ps, r) -> {
            for (int i = 0; i < r.length; i++) ps.setObject(i + 1, r[i]);
        });
        int written = 0;
        for (int[] batch : n) for (int x : batch) written += Math.max(x, 0);
        audit.record("propose-defaults", "cycle_commune_target", String.valueOf(dataYear), Targets.CITY, null,
                Map.of("data_year", dataYear, "targets", written, "baseline_years", baselineYears.toString()), null);
        changed();
        return written;
    }

    /** A commune proposes a different target, with its reason. */
    @Transactional
    public void propose(String indicatorId, String unitCode, int targetYear, String specText, String reason) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.WRITE, unitCode);
        CommuneTarget t = find(indicatorId, unitCode, targetYear);
        Map<String, String> errors = new LinkedHashMap<>();
        TargetSpec spec = null;
        try {
            spec = TargetSpec.parse(specText);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (spec == null) errors.put("spec", "cycle.error.target-spec");
        if (reason == null || reason.strip().length() < 10) errors.put("reason", "cycle.error.target-reason");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        jdbc.update("""
                update cycle_commune_target set state = 'PROPOSED', proposed_spec = ?, proposed_reason = ?, proposed_by = ?, decided_by = null,
                updated_at = now() where indicator_id = ? and unit_code = ? and target_year = ?""", spec.text(), reason.strip(),
                guard.requireUser().username(), indicatorId, unitCode, targetYear);
        audit.record("propose", "cycle_commune_target", indicatorId + ":" + unitCode + ":" + targetYear, unitCode,
                Map.of("spec", t.spec()), Map.of("proposed_spec", spec.text(), "reason", reason.strip()), null);
    }

    /** The city approves (the proposal becomes the target) or rejects (the target stays) a commune's proposal. */
    @Transactional
    public void decide(String indicatorId, String unitCode, int targetYear, boolean approve) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.APPROVE, Targets.CITY);
        CommuneTarget t = find(indicatorId, unitCode, targetYear);
        if (t.state() != State.PROPOSED) throw ValidationException.of("state", "cycle.error.target-not-proposed");
        String by = guard.requireUser().username();
        if (approve) {
            jdbc.update("""
                    update cycle_commune_target set state = 'APPROVED', spec = proposed_spec, decided_by = ?, updated_at = now()
                    where indicator_id = ? and unit_code = ? and target_year = ?""", by, indicatorId, unitCode, targetYear);
        } else {
            jdbc.update("""
                    update cycle_commune_target set state = 'REJECTED', decided_by = ?, updated_at = now()
                    where indicator_id = ? and unit_code = ? and target_year = ?""", by, indicatorId, unitCode, targetYear);
        }
        audit.record(approve ? "approve" : "reject", "cycle_commune_target", indicatorId + ":" + unitCode + ":" + targetYear, unitCode,
                Map.of("spec", t.spec()), Map.of("spec", approve ? t.proposedSpec() : t.spec()), null);
        changed();
    }

    /** A commune's targets (readable by the commune and the city). */
    public List<CommuneTarget> ofCommune(String unitCode) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ, unitCode);
        return jdbc.query("select * from cycle_commune_target where unit_code = ? order by indicator_id, target_year", this::map, unitCode);
    }

    /** The proposals waiting for the city. */
    public List<CommuneTarget> pending() {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        return jdbc.query("select * from cycle_commune_target where state = 'PROPOSED' order by unit_code, indicator_id", this::map)
                .stream().filter(t -> guard.canRead(t.unitCode())).toList();
    }

    /** How many communes have targets, per state (for the overview). */
    public Map<State, Integer> counts() {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        Map<State, Integer> out = new LinkedHashMap<>();
        for (State s : State.values()) out.put(s, 0);
        jdbc.query("select state, count(*) from cycle_commune_target group by state", rs -> {
            out.put(State.valueOf(rs.getString(1)), rs.getInt(2));
        });
        return out;
    }

    private CommuneTarget find(String indicatorId, String unitCode, int targetYear) {
        List<CommuneTarget> t = jdbc.query("select * from cycle_commune_target where indicator_id = ? and unit_code = ? and target_year = ?",
                this::map, indicatorId, unitCode, targetYear);
        if (t.isEmpty()) throw new NotFoundException("cycle.error.not-found", indicatorId + ":" + unitCode);
        return t.get(0);
    }

    private CommuneTarget map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new CommuneTarget(rs.getString("indicator_id"), rs.getString("unit_code"), rs.getInt("target_year"), rs.getString("spec"),
                rs.getString("basis"), State.valueOf(rs.getString("state")), rs.getString("proposed_spec"), rs.getString("proposed_reason"),
                rs.getString("proposed_by"), rs.getString("decided_by"));
    }

    /** Forgets the targets kept in memory (after a change made outside this service). */
    void evict() {
        cache = null;
    }

    private void changed() {
        cache = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache = null;
                            }
            });
        }
    }

    // ---- CommuneTargetSource: read by the dashboard (no access check: the dashboard filters the communes it shows)

    @Override
    public Map<String, NavigableMap<Integer, TargetSpec>> communeTargets(String indicatorId) {
        Map<String, Map<String, NavigableMap<Integer, TargetSpec>>> c = cache;
        if (c == null) {
            Map<String, Map<String, NavigableMap<Integer, TargetSpec>>> m = new HashMap<>();
            jdbc.query("select indicator_id, unit_code, target_year, spec from cycle_commune_target", rs -> {
                m.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).computeIfAbsent(rs.getString(2), k -> new TreeMap<>())
                        .put(rs.getInt(3), TargetSpec.parse(rs.getString(4)));
            });
            c = m;
            cache = c;
        }
        return Collections.unmodifiableMap(c.getOrDefault(indicatorId, Map.of()));
    }

    /** The baseline denominators (persons or units each commune's rate is counted on), from the latest data year. */
    @Override
    public Map<String, Double> weights(String indicatorId) {
        Integer year = values.years().stream().max(Integer::compare).orElse(null);
        Map<String, Double> out = new HashMap<>();
        if (year != null) {
            values.onCurrentCommunes(indicatorId, year).forEach((code, v) -> {
                if (!Double.isNaN(v.denominator()) && v.denominator() > 0) out.put(code, v.denominator());
            });
        }
        return out;
    }
}
