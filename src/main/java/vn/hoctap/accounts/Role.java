package vn.hoctap.accounts;

/**
 * Vai trò người dùng. Every role is scoped to units (see {@link CurrentUser#scopes()}); what each role may do
 * with each kind of data is decided by {@link AccessMatrix}, nowhere else.
 */
public enum Role {
    /** Quản trị hệ thống cấp thành phố: everything, including accounts and the audit trail. */
    CITY_ADMIN,
    /** Cán bộ Sở Giáo dục và Đào tạo / Ban Chỉ đạo thành phố: reads and writes the whole city. */
    CITY_OFFICER,
    /** Cán bộ xã/phường: reads and writes their commune and what hangs below it. */
    COMMUNE_OFFICER,
    /** Hội viên Hội Khuyến học: reads and writes within the units of their association branch. */
    ASSOCIATION_MEMBER,
    /** Người dùng của cơ quan, đơn vị, tổ chức: reads their commune, writes their organisation's data. */
    ORGANISATION_USER,
    /** Công dân: their own learning record; reads their commune. */
    CITIZEN,
    /** Cán bộ trung tâm học tập cộng đồng (TTHTCĐ): their centre's classes, learners and reports. */
    CENTRE_OFFICER,
    /** Kế toán quỹ khuyến học: prepares receipts, disbursements and entries of the funds of their units. */
    FUND_ACCOUNTANT,
    /** Chủ tịch Hội Khuyến học: approves (maker-checker) what the fund accountant prepared. */
    ASSOCIATION_CHAIR,
    /** Kiểm soát viên / kiểm toán: reads everything of their units, writes nothing. */
    AUDITOR,
    /** Thành viên đoàn kiểm tra, giám sát: records inspection visits and findings. */
    INSPECTOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
