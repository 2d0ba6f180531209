package vn.hoctap.synthetic.core;

import java.util.Locale;

/**
 * The administrative structure the register is generated for: Hà Nội's real units (2025, 2024), or a synthetic
 * national structure (34 provinces, 3,321 communes, see {@link NationalData}).
 */
public enum Structure {
    /** From 1 July 2025: the city and 126 communes (51 phường, 75 xã) directly under it. */
    HANOI_2025("2025", "units-2025.csv", 2025),
    /** Throughout 2024: the city, 30 districts and 579 communes. */
    HANOI_2024("2024", "units-2024.csv", 2024),
    /**
     * SYNTHETIC national structure (issue 18 item 4): 34 provinces directly over 3,321 communes, as Việt Nam since
     * 1 July 2025, with made-up codes and names ({@link NationalData}); no units file.
     */
    NATIONAL_2025("national", null, 2025);

    private final String id;
    private final String unitsFile;
    private final int defaultYear;

    Structure(String id, String unitsFile, int defaultYear) {
        this.id = id;
        this.unitsFile = unitsFile;
        this.defaultYear = defaultYear;
    }

    /** The command-line name: {@code 2025}, {@code 2024} or {@code national}. */
    public String id() {
        return id;
    }

    /** The file under {@code /data/hanoi/} that lists the units of this structure. */
    public String unitsFile() {
        return unitsFile;
    }

    /** The data year used when none is given. */
    public int defaultYear() {
        return defaultYear;
    }

    /** Parses {@code 2025}, {@code 2024} or {@code national}. */
    public static Structure parse(String s) {
        if (s != null) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            for (Structure st : values()) {
                if (st.id.equals(t)) {
                    return st;
                }
            }
        }
        throw new IllegalArgumentException("structure must be 2025 or 2024 (or national), got: " + s);
    }
}
