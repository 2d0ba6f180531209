package vn.hoctap.fund.core;

import java.util.List;
import java.util.Optional;

/**
 * Hệ thống tài khoản của một quỹ khuyến học: cash, bank, gifts in kind, payables, the fund's own means, income by
 * source (the donor's kind) and spending by purpose. The codes are the platform's own, modelled on the Vietnamese
 * habit (111 tiền mặt, 112 tiền gửi ngân hàng); TT 41/2022/TT-BTC's own account list was not read
 * (regulations-2026-12.md §2.2: scope [V], details [S]), so the chart is marked "chưa đối chiếu" in the product.
 */
public final class StandardChart {

    public record Account(String code, AccountKind kind, String nameVi, String nameEn) {
    }

    public static final String CASH = "111";
    public static final String BANK = "112";
    public static final String IN_KIND = "156";
    public static final String PAYABLE = "331";
    public static final String FUND_UNRESTRICTED = "4211";
    public static final String FUND_RESTRICTED = "4212";
    public static final String INCOME_PERSON = "5111";
    public static final String INCOME_ORGANISATION = "5112";
    public static final String INCOME_OVERSEAS = "5113";
    public static final String INCOME_ANONYMOUS = "5114";
    public static final String INCOME_OTHER = "5118";
    public static final String SPEND_SCHOLARSHIP = "6111";
    public static final String SPEND_AWARD = "6112";
    public static final String SPEND_POOR_LEARNERS = "6113";
    public static final String SPEND_CENTRES = "6114";
    public static final String SPEND_CEREMONIES = "6115";
    public static final String SPEND_OTHER = "6118";

    public static final List<Account> ACCOUNTS = List.of(
            new Account(CASH, AccountKind.ASSET, "Tiền mặt", "Cash"),
            new Account(BANK, AccountKind.ASSET, "Tiền gửi ngân hàng", "Bank"),
            new Account(IN_KIND, AccountKind.ASSET, "Hiện vật nhận tài trợ", "Gifts in kind"),
            new Account(PAYABLE, AccountKind.LIABILITY, "Phải trả người nhận", "Payable to beneficiaries"),
            new Account(FUND_UNRESTRICTED, AccountKind.NET_ASSETS, "Nguồn quỹ không chỉ định", "Unrestricted fund"),
            new Account(FUND_RESTRICTED, AccountKind.NET_ASSETS, "Nguồn quỹ có chỉ định (học bổng mang tên)", "Restricted fund (named scholarships)"),
            new Account(INCOME_PERSON, AccountKind.INCOME, "Đóng góp của cá nhân", "Donations from individuals"),
            new Account(INCOME_ORGANISATION, AccountKind.INCOME, "Đóng góp của cơ quan, tổ chức, doanh nghiệp", "Donations from organisations"),
            new Account(INCOME_OVERSEAS, AccountKind.INCOME, "Đóng góp của người Việt Nam ở nước ngoài", "Donations from overseas Vietnamese"),
            new Account(INCOME_ANONYMOUS, AccountKind.INCOME, "Đóng góp của nhà hảo tâm không nêu tên", "Anonymous donations"),
            new Account(INCOME_OTHER, AccountKind.INCOME, "Thu khác (lãi tiền gửi)", "Other income (interest)"),
            new Account(SPEND_SCHOLARSHIP, AccountKind.EXPENSE, "Học bổng", "Scholarships"),
            new Account(SPEND_AWARD, AccountKind.EXPENSE, "Khen thưởng người học, nhà giáo", "Awards to learners and teachers"),
            new Account(SPEND_POOR_LEARNERS, AccountKind.EXPENSE, "Hỗ trợ người học có hoàn cảnh khó khăn", "Support to poor learners"),
            new Account(SPEND_CENTRES, AccountKind.EXPENSE, "Chi hỗ trợ trung tâm học tập cộng đồng", "Community learning centres"),
            new Account(SPEND_CEREMONIES, AccountKind.EXPENSE, "Chi lễ tôn vinh, trao danh hiệu", "Ceremonies and titles"),
            new Account(SPEND_OTHER, AccountKind.EXPENSE, "Chi khác", "Other spending"));

    public static Optional<Account> account(String code) {
        return ACCOUNTS.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /**
     * The restricted account of a scholarship programme (quỹ hạn chế cho học bổng mang tên …): a sub-account of 4212
     * in the fund's chart, {@code 4212.<programme id>}.
     */
    public static String restrictedFor(long programmeId) {
        return FUND_RESTRICTED + "." + programmeId;
    }

    /** Whether an account code is a programme's restricted account. */
    public static boolean isRestricted(String code) {
        return code != null && code.startsWith(FUND_RESTRICTED + ".");
    }

    /** The income account of a donor's kind (PERSON, ORGANISATION, OVERSEAS, ANONYMOUS). */
    public static String incomeFor(String donorKind) {
        return switch (donorKind) {
            case "PERSON" -> INCOME_PERSON;
            case "ORGANISATION" -> INCOME_ORGANISATION;
            case "OVERSEAS" -> INCOME_OVERSEAS;
            case "ANONYMOUS" -> INCOME_ANONYMOUS;
            default -> throw new LedgerException("DONOR_KIND", donorKind);
        };
    }

    /** The asset account a receipt lands in, or a disbursement is paid from (CASH, BANK, IN_KIND). */
    public static String assetFor(String form) {
        return switch (form) {
            case "CASH" -> CASH;
            case "BANK" -> BANK;
            case "IN_KIND" -> IN_KIND;
            default -> throw new LedgerException("FORM", form);
        };
    }

    /** The expense account of a disbursement's purpose. */
    public static String expenseFor(String purpose) {
        return switch (purpose) {
            case "SCHOLARSHIP" -> SPEND_SCHOLARSHIP;
            case "AWARD" -> SPEND_AWARD;
            case "POOR_LEARNER_SUPPORT" -> SPEND_POOR_LEARNERS;
            case "CENTRE" -> SPEND_CENTRES;
            case "CEREMONY" -> SPEND_CEREMONIES;
            case "OTHER" -> SPEND_OTHER;
            default -> throw new LedgerException("PURPOSE", purpose);
        };
    }

    private StandardChart() {
    }
}
