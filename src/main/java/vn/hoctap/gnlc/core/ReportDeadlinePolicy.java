package vn.hoctap.gnlc.core;

import java.time.LocalDate;

/**
 * Hạn báo cáo tiến độ hai năm một lần: the membership date plus two years. This is the platform's reading, stated as
 * such on every page, until UIL's current membership regulations are found: UIL says the deadlines are "stated in the
 * membership regulations" and that reporting is a condition of membership [V, uil.unesco.org biennial-progress-report],
 * and cities that joined in 2020 reported by 2 Dec 2022 [V]; the rule for cities admitted in December 2025 was not
 * found [NF]. The Award is open after more than twelve months of membership (2024 round, secondary sources [S]).
 */
public final class ReportDeadlinePolicy {

    private ReportDeadlinePolicy() {
    }

    public static LocalDate biennialReportDue(LocalDate memberSince) {
        return memberSince.plusYears(2);
    }

    /** The first day with more than twelve months of membership. */
    public static LocalDate awardEligibleFrom(LocalDate memberSince) {
        return memberSince.plusYears(1).plusDays(1);
    }
}
