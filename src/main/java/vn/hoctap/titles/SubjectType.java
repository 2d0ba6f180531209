package vn.hoctap.titles;

/** Who is assessed for a title: a resident, a family (hộ gia đình), a clan, a village community, an organisation, a commune. */
public enum SubjectType {
    CITIZEN(TitleKind.CONG_DAN), FAMILY(TitleKind.GIA_DINH), CLAN(TitleKind.DONG_HO), COMMUNITY(TitleKind.CONG_DONG),
    UNIT(TitleKind.DON_VI), COMMUNE(TitleKind.CONG_DONG_XA);

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
     * Whether the decision belongs to the city (Ban Chỉ đạo thành phố / Sở GD&ĐT): for communes and for
     * organisation units; the other titles are decided by the commune's People's Committee.
     */
    public boolean decidedByCity() { return this == UNIT || this == COMMUNE; }
}
