package vn.hoctap.standards.core;

/** A standard at a level, as counted by districts and the city (the keys of {@code communes_meeting}). */
public enum StandardLevel {
    MN5(Standard.MN5, 1), TH1(Standard.TH, 1), TH2(Standard.TH, 2), TH3(Standard.TH, 3),
    THCS1(Standard.THCS, 1), THCS2(Standard.THCS, 2), THCS3(Standard.THCS, 3), XMC1(Standard.XMC, 1), XMC2(Standard.XMC, 2);

    private final Standard standard;
    private final int level;

    StandardLevel(Standard standard, int level) {
        this.standard = standard;
        this.level = level;
    }

    public Standard standard() { return standard; }

    public int level() { return level; }

    /** The JSON key ({@code MN5}, {@code TH1}, …). */
    public String key() { return name(); }

    public static StandardLevel of(Standard s, int level) {
        for (StandardLevel k : values()) if (k.standard == s && k.level == level) return k;
        throw new IllegalArgumentException(s + " has no level " + level);
    }

    public static StandardLevel parse(String s) {
        for (StandardLevel k : values()) if (k.name().equals(s)) return k;
        return null;
    }
}
