package vn.hoctap.titles.core;

/**
 * Who is assessed for a title: a resident, a family (hộ gia đình), a clan, a village community, an organisation, a
 * commune. An organisation ("Đơn vị học tập") is one of two: {@link #UNIT}, an organisation under the commune's
 * management ("Đơn vị học tập ở cơ sở thuộc xã quản lý", QĐ 448/QĐ-KHVN; regulations.md §2.3 [V] for the scope), which
 * the commune recognises; or {@link #CITY_UNIT}, an organisation at city (province) level, evaluated under Thông tư
 * 24/2023/TT-BGDĐT ("Đơn vị học tập" cấp huyện, tỉnh; regulations-2026-12.md §3.6 [V]) and recognised by the city.
 */
public enum SubjectType {
    CITIZEN(TitleKind.CONG_DAN), FAMILY(TitleKind.GIA_DINH), CLAN(TitleKind.DONG_HO), COMMUNITY(TitleKind.CONG_DONG),
    UNIT(TitleKind.DON_VI), COMMUNE(TitleKind.CONG_DONG_XA), CITY_UNIT(TitleKind.DON_VI);

    private final TitleKind kind;

    SubjectType(TitleKind kind) {
        this.kind = kind;
    }

    public TitleKind kind() { return kind; }

    public static SubjectType of(TitleKind kind) {
        for (SubjectType t : values()) if (t.kind == kind) return t;
        throw new IllegalArgumentException(String.valueOf(kind));
    }

    /**
     * Whether the decision belongs to the city (Ban Chỉ đạo thành phố / Sở GD&ĐT): for communes and for organisations at
     * city level ({@link #CITY_UNIT}, TT 24/2023). Every other title — an organisation under the commune's management
     * included ({@link #UNIT}, QĐ 448/QĐ-KHVN "ở cơ sở thuộc xã quản lý") — is decided by the commune's People's
     * Committee. Who recognises each title after the 2025 reform is not stated by any text found (regulations-2026-12.md
     * §3.4 [NF]); commune-level recognition is the practice under QĐ 448 [S], kept because the commune level remains.
     */
    public boolean decidedByCity() { return this == CITY_UNIT || this == COMMUNE; }

    /** An organisation (cơ quan, đơn vị, trường học, doanh nghiệp), at either level. */
    public boolean isOrganisation() { return this == UNIT || this == CITY_UNIT; }
}
