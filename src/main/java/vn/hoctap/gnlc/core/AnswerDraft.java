package vn.hoctap.gnlc.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Dự thảo câu trả lời: assembles a first draft of an answer, side by side in Vietnamese and English, from the evidence
 * recorded for the question's areas and features, with the statistics filled in from the platform's indicators
 * (latest value, year and change from the previous year). Officers then rewrite it; nothing is sent anywhere. Pure Java.
 */
public final class AnswerDraft {

    /** An item an officer recorded (document, practice, event, partnership, photo, cooperation). */
    public record Source(String titleVi, String titleEn, LocalDate date, String owner, String placeVi, String placeEn) {
    }

    /** An indicator's latest city value and the one before (null when there is none). */
    public record Statistic(String nameVi, String nameEn, boolean status, int year, double value, Integer previousYear,
                            Double previousValue) {
    }

    public record Draft(String vi, String en) {
    }

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    private AnswerDraft() {
    }

    public static Draft assemble(List<Source> sources, List<Statistic> statistics) {
        if (sources.isEmpty() && statistics.isEmpty()) {
            return new Draft("Chưa có bằng chứng nào cho câu hỏi này.", "No evidence has been recorded for this question yet.");
        }
        StringBuilder vi = new StringBuilder();
        StringBuilder en = new StringBuilder();
        if (!sources.isEmpty()) {
            vi.append("Hà Nội đã thực hiện:\n");
            en.append("Hà Nội has carried out:\n");
            for (Source s : sources) {
                vi.append("- ").append(s.titleVi()).append(" (").append(s.date().format(VI_DATE)).append(", ").append(s.owner());
                en.append("- ").append(s.titleEn() == null || s.titleEn().isBlank() ? s.titleVi() + " [to translate]" : s.titleEn())
                        .append(" (").append(s.date().format(EN_DATE)).append(", ").append(s.owner());
                if (s.placeVi() != null) {
                    vi.append(", ").append(s.placeVi());
                    en.append(", ").append(s.placeEn());
                }
                vi.append(").\n");
                en.append(").\n");
            }
        }
        if (!statistics.isEmpty()) {
            vi.append("Số liệu của thành phố:\n");
            en.append("City statistics:\n");
            for (Statistic s : statistics) {
                vi.append("- ").append(s.nameVi()).append(": ").append(value(s, true)).append(" (năm ").append(s.year()).append(")");
                en.append("- ").append(s.nameEn()).append(": ").append(value(s, false)).append(" (").append(s.year()).append(")");
                if (!s.status() && s.previousYear() != null) {
                    vi.append("; ").append(trend(s, true));
                    en.append("; ").append(trend(s, false));
                }
                vi.append(".\n");
                en.append(".\n");
            }
        }
        return new Draft(vi.toString().strip(), en.toString().strip());
    }

    static String value(Statistic s, boolean vi) {
        if (s.status()) return s.value() >= 1 ? (vi ? "đạt" : "met") : (vi ? "chưa đạt" : "not met");
        return number(s.value(), vi) + " %";
    }

    /** The change from the previous year in percentage points, one decimal (half up). */
    static String trend(Statistic s, boolean vi) {
        BigDecimal d = BigDecimal.valueOf(s.value()).setScale(1, RoundingMode.HALF_UP)
                .subtract(BigDecimal.valueOf(s.previousValue()).setScale(1, RoundingMode.HALF_UP));
        int sign = d.signum();
        String pts = number(d.abs().doubleValue(), vi);
        if (vi) {
            return sign == 0 ? "không đổi so với năm " + s.previousYear()
                    : (sign > 0 ? "tăng " : "giảm ") + pts + " điểm phần trăm so với năm " + s.previousYear();
        }
        return sign == 0 ? "unchanged from " + s.previousYear()
                : (sign > 0 ? "up " : "down ") + pts + " percentage points from " + s.previousYear();
    }

    static String number(double v, boolean vi) {
        String s = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return vi ? s.replace('.', ',') : s;
    }

    /** Words of an answer, for the word limits of UIL's survey: runs of characters between white space. */
    public static int words(String text) {
        if (text == null || text.isBlank()) return 0;
        return text.strip().split("[\\s]+").length;
    }
}
