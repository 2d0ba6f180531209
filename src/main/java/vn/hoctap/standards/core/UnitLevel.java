package vn.hoctap.standards.core;

/** Level of an administrative unit in units.csv. */
public enum UnitLevel {
    CITY("city"), DISTRICT("district"), COMMUNE("commune");

    private final String code;

    UnitLevel(String code) { this.code = code; }

    /** The value used in units.csv and in the JSON output. */
    public String code() { return code; }

    /** @return the level for a units.csv value (exact, case-sensitive), or null */
    public static UnitLevel parse(String s) {
        for (UnitLevel l : values()) if (l.code.equals(s)) return l;
        return null;
    }
}
