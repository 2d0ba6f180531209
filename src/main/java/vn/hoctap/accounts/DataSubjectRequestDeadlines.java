package vn.hoctap.accounts;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Thời hạn trả lời yêu cầu của chủ thể dữ liệu: when a request to correct one's data must be acknowledged and
 * answered. Pure Java. What is known (shared/docs/regulations-2026-12.md §4.2):
 * <ul>
 *   <li>acknowledge within <b>2 working days</b> and explain the procedure — Nghị định 356/2025/NĐ-CP as summarised by
 *       Frasers (19/01/2026) [S, secondary source];</li>
 *   <li>the period for <b>rectification</b> itself was not found (the decree's table was cut off) [NF]; the platform
 *       uses <b>15 days</b>, the period the same source gives for restriction and objection when the controller acts
 *       itself — a choice of the platform, shown as unverified on the pages.</li>
 * </ul>
 * Working days skip Saturdays and Sundays only: public holidays (Tết…) are not known to the platform, so a deadline
 * over a holiday is a little early, never late.
 */
public final class DataSubjectRequestDeadlines {

    public static final int ACKNOWLEDGE_WORKING_DAYS = 2;
    public static final int ANSWER_DAYS = 15;

    private DataSubjectRequestDeadlines() {
    }

    public static LocalDate acknowledgeBy(LocalDate received) {
        LocalDate d = received;
        int left = ACKNOWLEDGE_WORKING_DAYS;
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) left--;
        }
        return d;
    }

    public static LocalDate answerBy(LocalDate received) {
        return received.plusDays(ANSWER_DAYS);
    }
}
