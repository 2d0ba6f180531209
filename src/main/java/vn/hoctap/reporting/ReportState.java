package vn.hoctap.reporting;

/**
 * Trạng thái báo cáo, as in DHIS2's two-step approval ("approve then accept", here submit → accept → approve):
 * the organisation enters a draft and submits it; the commune accepts it; the city approves it, which
 * locks the values. Any level may reject (with a message), which returns the report to draft.
 */
public enum ReportState {
    DRAFT, SUBMITTED, ACCEPTED, APPROVED;

    public String code() {
        return name().toLowerCase();
    }

    public static ReportState fromCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
