package vn.hoctap.titles.core;

/**
 * Trạng thái hồ sơ danh hiệu trong đợt công nhận hằng năm (đăng ký đầu năm → tự đánh giá → thẩm định →
 * quyết định công nhận → công bố; QĐ 448/QĐ-KHVN, regulations.md §2): the states of one evaluation.
 */
public enum TitleStatus {
    REGISTERED("Đã đăng ký", "Registered"),
    SELF_ASSESSED("Đã tự đánh giá", "Self-assessed"),
    REVIEWED("Đã thẩm định", "Reviewed"),
    RECOGNISED("Đã quyết định công nhận", "Recognised (decided)"),
    PUBLISHED("Đã công bố", "Published"),
    REJECTED("Không công nhận", "Rejected"),
    REVOKED("Đã thu hồi", "Revoked");

    private final String vi;
    private final String en;

    TitleStatus(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String nameVi() { return vi; }

    public String nameEn() { return en; }
}
