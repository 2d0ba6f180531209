package vn.hoctap.accounts;

/**
 * Loại dữ liệu: the rows of the access matrix ({@link AccessMatrix}). Every route and every service read or
 * write names the kind of data it touches; the matrix decides by role, the unit scope by {@link AccessGuard}.
 */
public enum DataKind {
    /** Công khai: published pages and aggregates anyone may read without signing in (resolution: publicity of results). */
    PUBLIC,
    /** Trang của người dùng đã đăng nhập: the home page, own profile, own notifications; no unit data. */
    SIGNED_IN,
    /** Đơn vị hành chính, thôn/tổ dân phố: reference data of units and villages. */
    UNITS,
    /** Số liệu tổng hợp của một đơn vị: rates, counts, standards, indicators of a unit (no person rows). */
    UNIT_AGGREGATES,
    /** Dữ liệu cá nhân trong sổ theo dõi phổ cập: person rows of the register (birth dates, disability, household). */
    PERSON_ROWS,
    /** Số liệu báo cáo của một tổ chức: reported values of an organisation (data sets, forms, exchange). */
    ORGANISATION_REPORTS,
    /** Danh mục cơ quan, tổ chức: the register of organisations. */
    ORGANISATIONS,
    /** Hồ sơ danh hiệu học tập: a learning-title dossier, its evidence and certificate. */
    TITLE_DOSSIER,
    /** Trung tâm học tập cộng đồng: a centre's profile, classes, attendance and reports. */
    CENTRE_RECORDS,
    /** Hồ sơ học tập suốt đời: a person's learning record. */
    LEARNING_RECORD,
    /** Quỹ khuyến học, khuyến tài: ledger, receipts, disbursements, donors and beneficiaries. */
    FUND_RECORDS,
    /** Kế hoạch, chỉ tiêu, kiểm tra, quyết định công nhận: the yearly cycle. */
    PLANS_AND_INSPECTION,
    /** Thành phố học tập UNESCO: evidence, questionnaires, partnerships. */
    GNLC_EVIDENCE,
    /**
     * Yêu cầu của chủ thể dữ liệu (Luật 91/2025/QH15, Art. 4): a person's requests to correct what the platform holds
     * about them; everyone makes their own, the officers of their commune answer.
     */
    DATA_SUBJECT_REQUESTS,
    /** Nhật ký thao tác: the audit trail. */
    AUDIT,
    /** Quản trị: accounts, roles, criteria sets, targets, settings. */
    ADMINISTRATION
}
