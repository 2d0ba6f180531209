package vn.hoctap.reporting.core;

/**
 * Loại cơ quan, đơn vị, tổ chức that report data: agencies (cơ quan nhà nước), schools (trường phổ thông,
 * cơ sở GDNN-GDTX), universities and colleges, community learning centres (trung tâm học tập cộng đồng: Quy chế tổ
 * chức và hoạt động của TTHTCĐ tại xã, phường, thị trấn ban hành kèm QĐ 09/2008/QĐ-BGDĐT, sửa đổi bởi Thông tư
 * 40/2010/TT-BGDĐT — regulations-2026-12.md §1.1 [S]; still cited as in force by Thông tư 11/2025/TT-BGDĐT) and
 * enterprises. The prefix makes organisation codes (e.g. CQ-00004-001).
 */
public enum OrganisationKind {
    AGENCY("CQ"), SCHOOL("TR"), UNIVERSITY("DH"), CLC("TT"), ENTERPRISE("DN");

    private final String prefix;

    OrganisationKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public String code() {
        return name().toLowerCase();
    }

    /** The kind for its lower-case code; null when unknown. */
    public static OrganisationKind fromCode(String code) {
        for (OrganisationKind k : values()) {
            if (k.code().equals(code)) {
                return k;
            }
        }
        return null;
    }
}
