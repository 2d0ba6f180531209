package vn.hoctap.standards.core;

/** How well a rule is backed by the legal text (regulations.md §1). */
public enum VerificationStatus {
    /** Verified: a source quotes the legal text. */
    V("đã kiểm chứng với văn bản pháp luật", "verified against the legal text"),
    /** Secondary: the numbers come from news or summaries, not the legal text. */
    S("theo nguồn thứ cấp, cần đối chiếu văn bản gốc", "from secondary sources, to be checked against the official text"),
    /** Inference / unverified platform default or interpretation. */
    M("giả định của nền tảng, chưa kiểm chứng", "platform assumption, not verified");

    private final String vi;
    private final String en;

    VerificationStatus(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String descriptionVi() { return vi; }

    public String descriptionEn() { return en; }
}
