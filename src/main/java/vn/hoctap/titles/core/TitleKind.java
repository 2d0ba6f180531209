package vn.hoctap.titles.core;

/** The learning titles (danh hiệu học tập). */
public enum TitleKind {
    CONG_DAN("Công dân học tập", "Learning citizen"),
    GIA_DINH("Gia đình học tập", "Learning family"),
    DONG_HO("Dòng họ học tập", "Learning clan"),
    CONG_DONG("Cộng đồng học tập", "Learning community (village / residential group)"),
    DON_VI("Đơn vị học tập", "Learning unit"),
    CONG_DONG_XA("Cộng đồng học tập cấp xã", "Commune learning community");

    private final String vi;
    private final String en;

    TitleKind(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String nameVi() { return vi; }

    public String nameEn() { return en; }
}
