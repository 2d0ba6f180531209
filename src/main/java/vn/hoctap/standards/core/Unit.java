package vn.hoctap.standards.core;

import java.util.Objects;

/**
 * One row of units.csv.
 * @param parentCode null for a city
 * @param line physical line in units.csv (0 when built in code)
 */
public record Unit(String code, String name, UnitLevel level, String parentCode, boolean disadvantaged, long line) {
    public Unit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        if (name == null) name = "";
    }

    public static Unit city(String code, String name) { return new Unit(code, name, UnitLevel.CITY, null, false, 0); }

    public static Unit district(String code, String name, String parent) { return new Unit(code, name, UnitLevel.DISTRICT, parent, false, 0); }

    public static Unit commune(String code, String name, String parent, boolean disadvantaged) {
        return new Unit(code, name, UnitLevel.COMMUNE, parent, disadvantaged, 0);
    }
}
