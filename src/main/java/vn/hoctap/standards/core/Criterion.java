package vn.hoctap.standards.core;

/**
 * The twelve per-commune criteria of standards.md (ids are the JSON keys, in the contract's order).
 * What counts in the numerator is fixed here; the cohort ages come from the {@link RuleSet}
 * (the id does not change when the ages are reconfigured, e.g. an XMC upper age of 62).
 */
public enum Criterion {
    MN5_ATTEND_AGE5("MN5.attend_age5", "đang học mẫu giáo", "attend preschool"),
    MN5_COMPLETE_AGE6("MN5.complete_age6", "đã hoàn thành chương trình mẫu giáo 5 tuổi", "completed the preschool programme"),
    TH_GRADE1_AGE6("TH.grade1_age6", "đang học lớp 1", "are in grade 1 of primary"),
    TH_COMPLETE_AGE11("TH.complete_age11", "đã hoàn thành chương trình tiểu học", "completed primary"),
    TH_AGE11_IN_PRIMARY("TH.age11_in_primary", "đã hoàn thành tiểu học hoặc đang học tiểu học", "completed primary or are in primary"),
    TH_COMPLETE_AGE14("TH.complete_age14", "đã hoàn thành chương trình tiểu học", "completed primary"),
    THCS_DIPLOMA_15_18("THCS.diploma_15_18", "có bằng tốt nghiệp THCS", "have the lower-secondary diploma"),
    THCS_ATTEND_15_18("THCS.attend_15_18", "đang học THPT, GDTX cấp THPT hoặc GDNN, hoặc đã tốt nghiệp THPT",
            "attend upper secondary, continuing upper secondary or vocational education, or completed upper secondary"),
    XMC_LIT1_15_35("XMC.lit1_15_35", "biết chữ mức độ 1", "are literate at level 1"),
    XMC_LIT1_15_25("XMC.lit1_15_25", "biết chữ mức độ 1", "are literate at level 1"),
    XMC_LIT2_15_60("XMC.lit2_15_60", "biết chữ mức độ 2", "are literate at level 2"),
    XMC_LIT2_15_35("XMC.lit2_15_35", "biết chữ mức độ 2", "are literate at level 2");

    private final String id;
    private final String numeratorVi;
    private final String numeratorEn;

    Criterion(String id, String numeratorVi, String numeratorEn) {
        this.id = id;
        this.numeratorVi = numeratorVi;
        this.numeratorEn = numeratorEn;
    }

    /** The standard the criterion belongs to (the prefix of its id). */
    public Standard standard() { return Standard.parse(id.substring(0, id.indexOf('.'))); }

    /** The contract id, e.g. {@code TH.grade1_age6}. */
    public String id() { return id; }

    /** What the numerator counts, in Vietnamese. */
    public String numeratorVi() { return numeratorVi; }

    public String numeratorEn() { return numeratorEn; }

    public static Criterion parse(String s) {
        for (Criterion c : values()) if (c.id.equals(s)) return c;
        return null;
    }
}
