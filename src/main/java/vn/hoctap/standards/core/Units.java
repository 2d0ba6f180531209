package vn.hoctap.standards.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A valid set of administrative units, in units.csv order. Communes are numbered 0..n-1 in file
 * order ({@link #communeIndex(String)}), which the engine uses to index its counters.
 * Build it with {@link UnitsReader} or {@link #of(List)}.
 */
public final class Units {
    private final List<Unit> all;
    private final Map<String, Unit> byCode;
    private final Map<String, Integer> communeIndex;
    private final List<Unit> communes;
    private final Map<String, List<Unit>> children;

    private Units(List<Unit> all) {
        this.all = List.copyOf(all);
        this.byCode = new HashMap<>(all.size() * 2);
        this.communeIndex = new HashMap<>(all.size() * 2);
        List<Unit> cs = new ArrayList<>();
        Map<String, List<Unit>> ch = new HashMap<>();
        for (Unit u : all) {
            byCode.put(u.code(), u);
            if (u.level() == UnitLevel.COMMUNE) {
                communeIndex.put(u.code(), cs.size());
                cs.add(u);
            }
            if (u.parentCode() != null && u.level() != UnitLevel.CITY) {
                ch.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u);
            }
        }
        this.communes = Collections.unmodifiableList(cs);
        Map<String, List<Unit>> frozen = new HashMap<>();
        ch.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.children = frozen;
    }

    /**
     * Builds and checks a unit set in code (the same structural rules as units.csv: unique codes,
     * a commune's parent is a district or a city, a district's parent is a city, a city has no parent).
     * @throws IllegalArgumentException on the first violation
     */
    public static Units of(List<Unit> units) {
        Map<String, Unit> seen = new HashMap<>();
        for (Unit u : units) {
            if (seen.put(u.code(), u) != null) throw new IllegalArgumentException("duplicate unit code " + u.code());
        }
        for (Unit u : units) {
            if (u.level() == UnitLevel.CITY) continue;
            Unit p = u.parentCode() == null ? null : seen.get(u.parentCode());
            if (p == null) throw new IllegalArgumentException("unit " + u.code() + ": unknown parent " + u.parentCode());
            boolean ok = u.level() == UnitLevel.DISTRICT ? p.level() == UnitLevel.CITY : p.level() != UnitLevel.COMMUNE;
            if (!ok) throw new IllegalArgumentException("unit " + u.code() + ": a " + u.level().code() + " cannot have a " + p.level().code() + " as parent");
        }
        return new Units(units);
    }

    /** Package-private: used by the reader after it has validated everything itself. */
    static Units trusted(List<Unit> units) { return new Units(units); }

    /** All units in units.csv order. */
    public List<Unit> all() { return all; }

    public Optional<Unit> get(String code) { return Optional.ofNullable(byCode.get(code)); }

    /** @return the ordinal of the commune with this code, or -1 when the code is not a commune */
    public int communeIndex(String code) {
        Integer i = communeIndex.get(code);
        return i == null ? -1 : i;
    }

    public List<Unit> communes() { return communes; }

    public int communeCount() { return communes.size(); }

    /** Direct children of a unit (districts and/or communes), in file order. */
    public List<Unit> children(String code) { return children.getOrDefault(code, List.of()); }

    public int size() { return all.size(); }
}
