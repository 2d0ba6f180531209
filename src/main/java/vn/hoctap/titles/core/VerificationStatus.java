package vn.hoctap.titles.core;

/** How well a criteria set, criterion, indicator or pass rule is backed by the legal text (regulations.md legend). */
public enum VerificationStatus {
    /** Verified: a source quotes the legal text. */
    V("đã kiểm chứng với văn bản", "verified against the legal text"),
    /** Secondary: numbers from news or summaries, to be checked against the official text. */
    S("nguồn thứ cấp, cần đối chiếu văn bản gốc", "secondary source, check against the official text"),
    /** The platform's own ("tiêu chí tạm thời của HọcTập"): an inference or a draft, editable, shown as such. */
    M("tiêu chí tạm thời của HọcTập, chưa xác minh", "HọcTập's provisional criterion, not verified"),
    /** Looked for and not found: the platform's own until a text is found. */
    NF("chưa tìm thấy văn bản, tiêu chí tạm thời của HọcTập", "not found, HọcTập's provisional criterion");

    private final String vi;
    private final String en;

    VerificationStatus(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String descriptionVi() { return vi; }

    public String descriptionEn() { return en; }

    /** V and S come from a source; M and NF are drafts the platform must show as "chưa xác minh". */
    public boolean isUnverified() { return this == M || this == NF; }

    public static VerificationStatus parse(String s) {
        for (VerificationStatus v : values()) if (v.name().equals(s)) return v;
        return null;
    }
}
