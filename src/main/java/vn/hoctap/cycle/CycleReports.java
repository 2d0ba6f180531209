package vn.hoctap.cycle;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.cycle.core.DecisionComparison;
import vn.hoctap.indicators.IndicatorStatus;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.OfficialDocument;
import vn.hoctap.units.UnitDirectory;

/**
 * Báo cáo sơ kết, tổng kết: the yearly review of NQ 23-NQ/TU (the 25 indicators with their status, the plans and their
 * actions, the inspection findings and required actions, the recognition decisions and where they disagree with the
 * computed standards) and the summary of a period (tổng kết 2023–2025: the indicators year by year, and the same sections
 * over the period), as an administrative document ({@link OfficialDocument}: DOCX to finish in Word, and PDF). The
 * report is drafted for the city's steering committee; the number is left blank for the clerk.
 */
@Service
public class CycleReports {

    static final Locale VI = Locale.forLanguageTag("vi");

    private final AccessGuard guard;
    private final IndicatorStatus status;
    private final IndicatorValues values;
    private final Plans plans;
    private final Inspections inspections;
    private final Decisions decisions;
    private final UnitDirectory units;
    private final MessageSource messages;

    CycleReports(AccessGuard guard, IndicatorStatus status, IndicatorValues values, Plans plans, Inspections inspections,
                 Decisions decisions, UnitDirectory units, MessageSource messages) {
        this.guard = guard;
        this.status = status;
        this.values = values;
        this.plans = plans;
        this.inspections = inspections;
        this.decisions = decisions;
        this.units = units;
        this.messages = messages;
    }

    /** The yearly review (sơ kết) of a year. */
    public OfficialDocument review(int year) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.EXPORT, Targets.CITY);
        OfficialDocument doc = header("Sơ kết năm " + year + " thực hiện Nghị quyết số 23-NQ/TU ngày 16/11/2023 của Thành ủy Hà Nội"
                + " về xây dựng xã hội học tập");
        doc.heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
        indicators(doc, year);
        doc.heading("II. KẾ HOẠCH THỰC HIỆN");
        plansSection(doc, year, year);
        doc.heading("III. KIỂM TRA, GIÁM SÁT");
        inspectionSection(doc, year, year);
        doc.heading("IV. QUYẾT ĐỊNH CÔNG NHẬN");
        decisionsSection(doc, year, year);
        closing(doc);
        return doc;
    }

    /** The summary (tổng kết) of a period, e.g. 2023–2025. */
    public OfficialDocument summary(int from, int to) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.EXPORT, Targets.CITY);
        if (to < from || to - from > 10) throw vn.hoctap.platform.ValidationException.of("period", "cycle.error.period");
        OfficialDocument doc = header("Tổng kết giai đoạn " + from + "–" + to + " thực hiện Nghị quyết số 23-NQ/TU ngày 16/11/2023"
                + " của Thành ủy Hà Nội về xây dựng xã hội học tập");
        doc.heading("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU QUA CÁC NĂM");
        List<Integer> years = values.years().stream().filter(y -> y >= from && y <= to).toList();
        List<String> headers = new ArrayList<>(List.of("Chỉ tiêu"));
        years.forEach(y -> headers.add(String.valueOf(y)));
        headers.add("Chỉ tiêu đặt ra");
        headers.add("Đánh giá (" + (years.isEmpty() ? to : years.get(years.size() - 1)) + ")");
        List<List<String>> rows = new ArrayList<>();
        List<IndicatorStatus.Line> last = years.isEmpty() ? List.of() : status.city(years.get(years.size() - 1));
        for (IndicatorStatus.Line l : last) {
            List<String> row = new ArrayList<>(List.of(l.definition().nameVi()));
            for (int y : years) {
                IndicatorValues.Value v = values.forYear(y).city(l.definition().id());
                row.add(value(v, l.definition().isStatus()));
            }
            row.add(l.target() == null ? "—" : l.target().text() + " (" + l.targetYear() + ")");
            row.add(msg("progress." + l.assessment().status().name()));
            rows.add(row);
        }
        float[] widths = new float[headers.size()];
        widths[0] = 5;
        for (int i = 1; i < widths.length; i++) widths[i] = 1.4f;
        if (rows.isEmpty()) doc.text("Chưa có số liệu chỉ tiêu trong giai đoạn.");
        else doc.table(headers, rows, widths);
        doc.heading("II. KẾ HOẠCH THỰC HIỆN");
        plansSection(doc, from, to);
        doc.heading("III. KIỂM TRA, GIÁM SÁT");
        inspectionSection(doc, from, to);
        doc.heading("IV. QUYẾT ĐỊNH CÔNG NHẬN");
        decisionsSection(doc, from, to);
        closing(doc);
        return doc;
    }

    private OfficialDocument header(String summary) {
        return new OfficialDocument("UBND THÀNH PHỐ HÀ NỘI", "BAN CHỈ ĐẠO XÂY DỰNG XÃ HỘI HỌC TẬP", "", "BC-BCĐ", "Hà Nội",
                HanoiTime.today(), "BÁO CÁO", summary);
    }

    private void closing(OfficialDocument doc) {
        doc.heading("V. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI");
        doc.text("(Ban Chỉ đạo bổ sung phương hướng, nhiệm vụ và kiến nghị trước khi ban hành.)");
        doc.recipient("Thường trực Thành ủy (để báo cáo);")
                .recipient("UBND Thành phố (để báo cáo);")
                .recipient("Bộ Giáo dục và Đào tạo;")
                .recipient("Thành viên Ban Chỉ đạo;")
                .recipient("UBND các xã, phường;")
                .recipient("Lưu: VT.");
        doc.signature("TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "");
    }

    private void indicators(OfficialDocument doc, int year) {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (IndicatorStatus.Line l : status.city(year)) {
            rows.add(List.of(String.valueOf(++n), l.definition().nameVi(), value(l.value(), l.definition().isStatus()),
                    l.target() == null ? "—" : l.target().text() + " (" + l.targetYear() + ")",
                    msg("progress." + l.assessment().status().name()),
                    messages.getMessage(l.assessment().reasonKey(), l.assessment().args(), l.assessment().reasonKey(), VI)));
        }
        doc.table(List.of("TT", "Chỉ tiêu", "Kết quả " + year, "Chỉ tiêu đặt ra", "Đánh giá", "Căn cứ"), rows, 0.6f, 5, 1.6f, 1.6f, 1.8f, 4);
    }

    private void plansSection(OfficialDocument doc, int from, int to) {
        List<List<String>> rows = new ArrayList<>();
        long budget = 0;
        int actions = 0, done = 0;
        for (int y = from; y <= to; y++) {
            for (Plans.Plan p : plans.ofYear(y)) {
                if (rows.stream().anyMatch(r -> r.get(0).equals(String.valueOf(p.id())))) continue;
                List<Plans.Action> a = plans.actions(p.id());
                long b = a.stream().mapToLong(Plans.Action::budgetVnd).sum();
                long d = a.stream().filter(x -> x.status() == Plans.ActionStatus.DONE).count();
                budget += b;
                actions += a.size();
                done += (int) d;
                rows.add(List.of(String.valueOf(p.id()), p.title(), unitName(p.unitCode()) + (p.organisation() == null ? "" : " — " + p.organisation()),
                        p.periodFrom() + "–" + p.periodTo(), d + "/" + a.size(), money(b)));
            }
        }
        if (rows.isEmpty()) {
            doc.text("Chưa có kế hoạch nào được cập nhật trên hệ thống cho giai đoạn này.");
            return;
        }
        doc.text("Có " + rows.size() + " kế hoạch với " + actions + " nhiệm vụ, đã hoàn thành " + done + " nhiệm vụ; tổng kinh phí dự kiến "
                + money(budget) + " đồng.");
        doc.table(List.of("Số", "Kế hoạch", "Cấp, đơn vị", "Giai đoạn", "Nhiệm vụ hoàn thành", "Kinh phí (đồng)"), rows, 0.6f, 5, 3, 1.4f, 1.6f, 2);
    }

    private void inspectionSection(OfficialDocument doc, int from, int to) {
        List<List<String>> rows = new ArrayList<>();
        int visits = 0, notMet = 0;
        List<Inspections.Action> actions = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            for (Inspections.CommuneSummary s : inspections.summaryByCommune(y)) {
                visits += s.recorded();
                notMet += s.notMet();
                rows.add(List.of(s.name(), String.valueOf(y), s.visits() + "/" + s.recorded(), String.valueOf(s.notMet()),
                        String.valueOf(s.openActions()), String.valueOf(s.closedActions()), String.valueOf(s.overdueActions())));
            }
            actions.addAll(inspections.actions(y));
        }
        if (rows.isEmpty()) {
            doc.text("Chưa có đợt kiểm tra nào trong giai đoạn.");
            return;
        }
        doc.text("Đã kiểm tra " + visits + " lượt; phát hiện " + notMet + " nội dung chưa đạt, kèm yêu cầu khắc phục.");
        doc.table(List.of("Xã, phường", "Năm", "Lượt kiểm tra (kế hoạch/đã thực hiện)", "Nội dung chưa đạt", "Yêu cầu đang khắc phục",
                "Đã khắc phục", "Quá hạn"), rows, 3, 1, 2, 1.5f, 1.5f, 1.5f, 1.2f);
        List<List<String>> arows = new ArrayList<>();
        for (Inspections.Action a : actions) {
            arows.add(List.of(unitName(a.unitCode()), a.what(), a.owner(), date(a.deadline()),
                    a.closed() ? "Đã khắc phục" + (a.closedAt() == null ? "" : " ngày " + date(a.closedAt().toLocalDate())) + ": " + a.closedNote()
                            : (a.overdue(HanoiTime.today()) ? "Quá hạn" : "Đang khắc phục")));
        }
        doc.text("Các yêu cầu khắc phục sau kiểm tra:");
        doc.table(List.of("Xã, phường", "Yêu cầu", "Người chịu trách nhiệm", "Thời hạn", "Kết quả"), arows, 2, 4, 2.5f, 1.5f, 4);
    }

    private void decisionsSection(OfficialDocument doc, int from, int to) {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> mismatches = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            for (Decisions.Decision d : decisions.ofYear(y)) {
                rows.add(List.of(unitName(d.unitCode()), d.subject(), "Số " + d.number() + " ngày " + date(d.issuedOn()), d.issuer()));
            }
            DecisionComparison.Result r = decisions.compare(y);
            for (DecisionComparison.Mismatch m : r.meetsWithoutDecision()) {
                mismatches.add(List.of(unitName(m.unitCode()), String.valueOf(y), msg("cycle.standard." + m.standard()),
                        "Đạt theo số liệu, chưa có quyết định công nhận"));
            }
            for (DecisionComparison.Mismatch m : r.decisionWithoutMeets()) {
                mismatches.add(List.of(unitName(m.unitCode()), String.valueOf(y), msg("cycle.standard." + m.standard()),
                        "Có quyết định số " + m.decisionNumber() + (m.meets() == null ? ", chưa có số liệu" : ", số liệu chưa đạt")));
            }
        }
        if (rows.isEmpty()) doc.text("Chưa có quyết định công nhận nào được cập nhật trong giai đoạn.");
        else doc.table(List.of("Đơn vị", "Nội dung công nhận", "Quyết định", "Cơ quan ban hành"), rows, 2.5f, 4, 3, 3);
        List<Decisions.NationalTitle> national = decisions.nationalTitles();
        doc.text(national.isEmpty()
                ? "Danh hiệu \"Thành phố học tập\" cấp quốc gia: chưa có quyết định công nhận (việc Hà Nội là thành viên Mạng lưới"
                + " thành phố học tập toàn cầu của UNESCO không phải là danh hiệu này)."
                : "Danh hiệu \"Thành phố học tập\": Quyết định số " + national.get(0).number() + " ngày " + date(national.get(0).issuedOn())
                + " của " + national.get(0).issuer() + ".");
        if (!mismatches.isEmpty()) {
            doc.text("Đối chiếu quyết định công nhận với kết quả tính toán trên hệ thống:");
            doc.table(List.of("Xã, phường", "Năm", "Chuẩn", "Chênh lệch"), mismatches, 2.5f, 1, 3, 4.5f);
        }
    }

    private String unitName(String code) {
        if (Targets.CITY.equals(code)) return "Thành phố Hà Nội";
        return units.version(code, LocalDate.of(2025, 7, 1)).map(u -> u.name()).orElse(code);
    }

    private String msg(String key) {
        return messages.getMessage(key, null, key, VI);
    }

    static String value(IndicatorValues.Value v, boolean status) {
        if (v == null || !v.present()) return "Chưa có số liệu";
        if (status) return v.value() >= 1 ? "Đạt" : "Chưa đạt";
        NumberFormat f = NumberFormat.getNumberInstance(VI);
        f.setMaximumFractionDigits(2);
        f.setMinimumFractionDigits(2);
        return f.format(v.value()) + "%";
    }

    static String money(long vnd) {
        return NumberFormat.getIntegerInstance(VI).format(vnd);
    }

    static String date(LocalDate d) {
        return d == null ? "" : String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }

    /** For the review page: the same figures as the report, for the browser. */
    public Map<String, Object> reviewModel(int year) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.EXPORT, Targets.CITY);
        return Map.of("lines", status.city(year), "plans", plans.ofYear(year), "summary", inspections.summaryByCommune(year),
                "actions", inspections.actions(year), "decisions", decisions.ofYear(year), "comparison", decisions.compare(year),
                "national", decisions.nationalTitles());
    }
}
