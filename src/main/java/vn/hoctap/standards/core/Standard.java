package vn.hoctap.standards.core;

/** The four standards of standards.md, in the JSON order (MN5, TH, THCS, XMC). */
public enum Standard {
    /** PCGD mầm non cho trẻ em 5 tuổi: met or not (level 1 = met). */
    MN5("MN5", 1, "Phổ cập giáo dục mầm non cho trẻ em 5 tuổi", "Universal preschool education for 5-year-olds"),
    /** PCGD tiểu học, levels 0–3. */
    TH("TH", 3, "Phổ cập giáo dục tiểu học", "Universal primary education"),
    /** PCGD trung học cơ sở, levels 0–3. */
    THCS("THCS", 3, "Phổ cập giáo dục trung học cơ sở", "Universal lower-secondary education"),
    /** Xóa mù chữ, levels 0–2. */
    XMC("XMC", 2, "Xóa mù chữ", "Literacy (eradication of illiteracy)");

    private final String id;
    private final int maxLevel;
    private final String nameVi;
    private final String nameEn;

    Standard(String id, int maxLevel, String nameVi, String nameEn) {
        this.id = id;
        this.maxLevel = maxLevel;
        this.nameVi = nameVi;
        this.nameEn = nameEn;
    }

    public String id() { return id; }

    public int maxLevel() { return maxLevel; }

    public String nameVi() { return nameVi; }

    public String nameEn() { return nameEn; }

    public static Standard parse(String s) {
        for (Standard st : values()) if (st.id.equals(s)) return st;
        return null;
    }
}
