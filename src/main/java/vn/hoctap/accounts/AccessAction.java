package vn.hoctap.accounts;

/** Thao tác: the columns of the access matrix. */
public enum AccessAction {
    /** Xem. */
    READ,
    /** Tải xuống, xuất tệp (CSV, XLSX, PDF, JSON of many rows). */
    EXPORT,
    /** Nhập, sửa, xóa, gửi. */
    WRITE,
    /** Duyệt, phê duyệt, công nhận, công bố. */
    APPROVE
}
