package vn.hoctap.units;


import vn.hoctap.units.core.Succession;
import vn.hoctap.units.core.UnitHistory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import vn.hoctap.accounts.UnitHierarchy;
import vn.hoctap.units.internal.ReferenceDataLoader;

/**
 * Danh mục đơn vị hành chính: the units of Hà Nội with their history, as stored in the database
 * (loaded from the shipped reference data on first start). Held in memory as a {@link UnitHistory}
 * snapshot: about 1,300 versions, read on every page.
 */
@Service
public class UnitDirectory implements UnitHierarchy {

    private final JdbcTemplate jdbc;
    private volatile UnitHistory history;
    private volatile Map<Integer, Map<String, Long>> population;

    public UnitDirectory(JdbcTemplate jdbc, ReferenceDataLoader loader) {
        this.jdbc = jdbc;
        loader.loadIfNeeded();
        reload();
    }

    /** Re-reads the units from the database. */
    public final void reload() {
        List<UnitVersion> versions = jdbc.query("""
                select code, name, level, parent_code, valid_from, valid_until, source from unit_version""",
                (rs, i) -> {
                    Date until = rs.getDate("valid_until");
                    return new UnitVersion(rs.getString("code"), rs.getString("name"), UnitLevel.fromCode(rs.getString("level")),
                            rs.getString("parent_code"), rs.getDate("valid_from").toLocalDate(),
                            until == null ? null : until.toLocalDate(), rs.getString("source"));
                });
        List<Succession> successions = jdbc.query("""
                select old_code, new_code, effective, kind, source from unit_succession order by old_code, new_code""",
                (rs, i) -> new Succession(rs.getString("old_code"), rs.getString("new_code"),
                        rs.getDate("effective").toLocalDate(), Succession.Kind.fromCode(rs.getString("kind")),
                        rs.getString("source")));
        Map<Integer, Map<String, Long>> pop = new java.util.HashMap<>();
        jdbc.query("select code, year, population from unit_population", rs -> {
            pop.computeIfAbsent(rs.getInt("year"), y -> new java.util.HashMap<>()).put(rs.getString("code"), rs.getLong("population"));
        });
        this.history = new UnitHistory(versions, successions);
        this.population = pop;
    }

    public UnitHistory history() {
        return history;
    }

    public List<UnitVersion> unitsOn(LocalDate date) {
        return history.unitsOn(date);
    }

    public Optional<UnitVersion> version(String code, LocalDate date) {
        return history.version(code, date);
    }

    /** The latest population figure of a unit: year and count. */
    public Optional<Map.Entry<Integer, Long>> population(String code) {
        return population.entrySet().stream()
                .filter(e -> e.getValue().containsKey(code))
                .max(Map.Entry.comparingByKey())
                .map(e -> Map.entry(e.getKey(), e.getValue().get(code)));
    }

    @Override
    public boolean within(String unitCode, String scopeCode) {
        return history.isWithin(unitCode, scopeCode);
    }

    @Override
    public boolean readableWithin(String unitCode, String scopeCode) {
        if (within(unitCode, scopeCode)) {
            return true;
        }
        // a code in force today names today's unit; the former-unit rule is for retired codes only (codes
        // are reused: 00025 was Ngọc Khánh, a former commune of Ngọc Hà, and is Giảng Võ now). Data of an
        // earlier year is checked with readableWithin(code, date, scope).
        if (history.version(unitCode, vn.hoctap.platform.HanoiTime.today()).isPresent()) {
            return false;
        }
        for (UnitVersion scopeVersion : history.versions(scopeCode)) {
            for (Succession s : history.predecessorsOf(scopeVersion)) {
                if (s.oldCode().equals(unitCode)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean readableWithin(String unitCode, LocalDate date, String scopeCode) {
        LocalDate d = date.isBefore(history.earliestDate()) ? history.earliestDate() : date;
        Optional<UnitVersion> version = history.version(unitCode, d);
        if (version.isEmpty()) {
            return false;
        }
        List<UnitVersion> scopes = history.versions(scopeCode).stream()
                .filter(v -> v.inForceOn(vn.hoctap.platform.HanoiTime.today())).toList();
        if (scopes.isEmpty()) {
            scopes = history.versions(scopeCode);   // a scope on a unit that no longer exists (a former district)
        }
        List<UnitVersion> chain = new java.util.ArrayList<>();
        chain.add(version.get());
        chain.addAll(history.ancestors(unitCode, d));
        for (UnitVersion unit : chain) {
            if (scopes.contains(unit)) {
                return true;
            }
            for (UnitVersion scope : scopes) {
                for (Succession s : history.predecessorsOf(scope)) {
                    if (s.oldCode().equals(unit.code()) && unit.inForceOn(s.effective().minusDays(1))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public boolean exists(String unitCode) {
        return history.exists(unitCode);
    }
}
