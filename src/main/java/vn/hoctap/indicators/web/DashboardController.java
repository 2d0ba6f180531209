package vn.hoctap.indicators.web;

import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.Access;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.indicators.core.IndicatorDefinition;
import vn.hoctap.indicators.IndicatorStatus;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.core.Progress;
import vn.hoctap.indicators.Targets;
import vn.hoctap.indicators.internal.AnnualReviewExport;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitVersion;

/**
 * Bảng điều khiển Nghị quyết 23: the 25 targets at a glance with their status, each indicator's time
 * series, league table and map of the communes, with every chart also as a table and a CSV download.
 */
@Controller
class DashboardController {

    private final IndicatorValues values;
    private final IndicatorStatus status;
    private final Targets targets;
    private final UnitDirectory units;
    private final AccessGuard guard;
    private final MessageSource messages;
    private final IndicatorText text;

    private final java.util.List<vn.hoctap.indicators.IndicatorCoverage> coverage;
    private final org.springframework.beans.factory.ObjectProvider<vn.hoctap.indicators.IndicatorFactSource> facts;

    DashboardController(IndicatorValues values, IndicatorStatus status, Targets targets, UnitDirectory units,
                        AccessGuard guard, MessageSource messages, IndicatorText text,
                        org.springframework.beans.factory.ObjectProvider<vn.hoctap.indicators.IndicatorCoverage> coverage,
                        org.springframework.beans.factory.ObjectProvider<vn.hoctap.indicators.IndicatorFactSource> facts) {
        this.coverage = coverage.orderedStream().toList();
        this.facts = facts;
        this.text = text;
        this.values = values;
        this.status = status;
        this.targets = targets;
        this.units = units;
        this.guard = guard;
        this.messages = messages;
    }

    int year(Integer year) {
        List<Integer> years = values.years();
        if (year != null) {
            if (!years.contains(year)) {
                throw ValidationException.of("year", "indicators.error.no-year");
            }
            return year;
        }
        return years.isEmpty() ? HanoiTime.today().getYear() : years.get(years.size() - 1);
    }

    /**
     * The year a dashboard opens on when none is asked: the latest year in which the unit has at least one value
     * (issue 19: never a year without data, where "Chưa có số liệu" would stand next to "Chậm tiến độ").
     */
    int latestYearWithData(String code) {
        List<Integer> years = values.years();
        for (int i = years.size() - 1; i >= 0; i--) {
            int y = years.get(i);
            if (status.unit(y, code).stream().anyMatch(l -> l.value() != null && l.value().present())) {
                return y;
            }
        }
        return year(null);
    }

    /** The unit a dashboard speaks of: the one asked, else the city (city roles) or the user's first unit. */
    private String unitOf(String unit) {
        String code = unit == null || unit.isBlank()
                ? (guard.canRead(Targets.CITY) ? Targets.CITY : guard.requireUser().scopes().iterator().next())
                : unit.strip();
        guard.requireRead(code);
        return code;
    }

    /** The communes in force today the user may read, in Vietnamese order, for the commune picker. */
    private List<UnitVersion> readableCommunes() {
        return units.history().unitsOn(HanoiTime.today()).stream()
                .filter(u -> u.level() == vn.hoctap.units.core.UnitLevel.COMMUNE && guard.canRead(u.code()))
                .sorted(java.util.Comparator.comparing(UnitVersion::name, vn.hoctap.platform.VietnameseText.ORDER)).toList();
    }

    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String unit,
                     Model model, Locale locale) {
        String code = unitOf(unit);
        int y = year == null ? latestYearWithData(code) : year(year);
        List<IndicatorStatus.Line> lines = status.unit(y, code);
        Map<Integer, List<IndicatorStatus.Line>> groups = new LinkedHashMap<>();
        Map<Progress.Status, Integer> counts = new LinkedHashMap<>();
        for (Progress.Status s : Progress.Status.values()) {
            counts.put(s, 0);
        }
        for (IndicatorStatus.Line l : lines) {
            groups.computeIfAbsent(l.definition().group(), g -> new ArrayList<>()).add(l);
            counts.merge(l.assessment().status(), 1, Integer::sum);
        }
        // "chưa xác định" (issue 15: a standard whose thresholds are not verified) only in a year that has one
        counts.remove(Progress.Status.UNDETERMINED, 0);
        model.addAttribute("years", values.years());
        model.addAttribute("year", y);
        model.addAttribute("groups", groups);
        model.addAttribute("counts", counts);
        model.addAttribute("hasDistricts", values.forYear(y).hasDistricts());
        model.addAttribute("unit", code);
        model.addAttribute("canReadCity", guard.canRead(Targets.CITY));
        model.addAttribute("unitName", unitName(code, y));
        model.addAttribute("communes", readableCommunes());
        return "dashboard/index";
    }

    /** A row of an indicator's league table. */
    record UnitRow(String code, String name, IndicatorValues.Value value, Progress.Assessment assessment) {
    }

    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    @GetMapping("/dashboard/{id}")
    String indicator(@PathVariable String id, @RequestParam(required = false) Integer year, Model model) {
        IndicatorDefinition d = targets.definition(id);
        int y = year == null ? latestYearWithData(Targets.CITY) : year(year);
        IndicatorValues.YearValues yv = values.forYear(y);
        List<UnitRow> rows = rows(id, y, yv);
        Map<String, IndicatorValues.Value> current = values.onCurrentCommunes(id, y);
        Map<String, Progress.Assessment> assessments = status.communes(id, y);
        List<UnitRow> mapRows = new ArrayList<>();
        current.forEach((code, v) -> {
            if (guard.canRead(code)) {
                String name = units.history().version(code, java.time.LocalDate.of(2025, 7, 1)).map(UnitVersion::name).orElse(code);
                mapRows.add(new UnitRow(code, name, v, assessments.get(code)));
            }
        });
        mapRows.sort(java.util.Comparator.comparing(UnitRow::name, vn.hoctap.platform.VietnameseText.ORDER));
        var line = status.city(y).stream().filter(l -> l.definition().id().equals(id)).findFirst().orElseThrow();
        model.addAttribute("years", values.years());
        model.addAttribute("year", y);
        model.addAttribute("d", d);
        model.addAttribute("line", line);
        model.addAttribute("rollup", status.communeRollup(id, y));
        model.addAttribute("series", values.citySeries(id));
        model.addAttribute("rows", rows);
        model.addAttribute("mapRows", mapRows);
        model.addAttribute("estimated", yv.hasDistricts());
        model.addAttribute("expression", values.expression(id));
        // issue 15: what the indicator measures (one source with docs/indicators.md), which rule gave a standards status,
        // the parts of a pooled indicator, and facts shown beside it but not counted
        model.addAttribute("description", vn.hoctap.indicators.core.IndicatorDescriptions.load().get(id));
        model.addAttribute("reading", yv.readings().get(id));
        // issue 15: which preschool standard gives the status of pcgd.mn5_units (3–5 from Nghị định 277/2025, else 5-year-olds)
        if (vn.hoctap.indicators.core.PreschoolReading.INDICATOR.equals(id)) {
            model.addAttribute("preschool", yv.preschool());
            model.addAttribute("preschoolRules", vn.hoctap.standards.core.PreschoolRuleSet.bundled());
        }
        model.addAttribute("parts", values.parts(id, y, Targets.CITY));
        model.addAttribute("facts", facts.orderedStream().flatMap(f -> f.facts(id).stream()).toList());
        model.addAttribute("coverage", coverage.stream().map(c -> c.coverage(id, y, "01")).flatMap(java.util.Optional::stream)
                .findFirst().orElse(null));
        // "chưa báo cáo" per commune of a reported indicator: the register's organisations without an approved report
        Map<String, vn.hoctap.indicators.IndicatorCoverage.Coverage> byCommune = new java.util.HashMap<>();
        coverage.forEach(c -> c.byCommune(id, y).forEach((code, cov) -> {
            if (guard.canRead(code)) byCommune.putIfAbsent(code, cov);
        }));
        model.addAttribute("communeCoverage", byCommune);
        return "dashboard/indicator";
    }

    private List<UnitRow> rows(String id, int y, IndicatorValues.YearValues yv) {
        java.time.LocalDate date = vn.hoctap.register.RegisterUnits.referenceDate(y);
        if (!units.history().covers(date)) {
            date = units.history().earliestDate();
        }
        List<UnitRow> rows = new ArrayList<>();
        for (var e : yv.values().getOrDefault(id, Map.of()).entrySet()) {
            if (e.getKey().equals(Targets.CITY) || !guard.canRead(e.getKey())) {
                continue;
            }
            String name = units.history().version(e.getKey(), date).map(UnitVersion::name).orElse(e.getKey());
            rows.add(new UnitRow(e.getKey(), name, e.getValue(), null));
        }
        rows.sort((a, b) -> Double.compare(b.value().present() ? b.value().value() : -1, a.value().present() ? a.value().value() : -1));
        return rows;
    }

    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.EXPORT)
    @GetMapping("/dashboard/{id}.csv")
    void csv(@PathVariable String id, @RequestParam(required = false) Integer year,
             @RequestParam(defaultValue = "vi") String headers, Locale locale, HttpServletResponse response) throws IOException {
        targets.definition(id);
        int y = year == null ? latestYearWithData(Targets.CITY) : year(year);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + "-" + y + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // a byte-order mark, so that Excel on Windows reads UTF-8 (issue 19); Vietnamese headers unless the machine
        // headers are asked for (headers=en); Apache Commons CSV, every text cell neutralised (OWASP)
        vn.hoctap.platform.CsvWriter w = vn.hoctap.platform.CsvWriter.withByteOrderMark(out);
        w.header("en".equals(headers) ? "indicator,year,unit_code,unit_name,value,numerator,denominator,estimated"
                : messages.getMessage("dashboard.csv.headers", null, locale));
        IndicatorValues.Value city = values.forYear(y).city(id);
        if (city != null && guard.canRead(Targets.CITY)) {
            line(w, id, y, Targets.CITY, "Thành phố Hà Nội", city);
        }
        for (UnitRow r : rows(id, y, values.forYear(y))) {
            line(w, id, y, r.code(), r.name(), r.value());
        }
        w.flush();
        out.flush();
    }

    private static void line(vn.hoctap.platform.CsvWriter w, String id, int y, String code, String name, IndicatorValues.Value v)
            throws IOException {
        w.row(id, y, code, name,
                v.present() ? decimal(v.value(), 4) : null,
                Double.isNaN(v.numerator()) ? null : decimal(v.numerator(), 2),
                Double.isNaN(v.denominator()) ? null : decimal(v.denominator(), 2),
                v.estimated());
    }

    /** A number with {@code places} decimals and a point (machine-readable CSV), as a number cell. */
    private static java.math.BigDecimal decimal(double d, int places) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%." + places + "f", d));
    }

    /** The boundaries of the 126 communes, served locally for the map (no internet tiles). */
    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping(value = "/geo/communes-2025.geojson", produces = "application/geo+json")
    ResponseEntity<byte[]> geojson() throws IOException {
        try (InputStream in = new ClassPathResource("data/hanoi/communes-2025.geojson").getInputStream()) {
            return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
                    .contentType(MediaType.parseMediaType("application/geo+json")).body(in.readAllBytes());
        }
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.READ)
    @GetMapping("/admin/targets")
    String targetsPage(Model model) {
        model.addAttribute("targets", targets.all());
        model.addAttribute("definitions", targets.definitions());
        model.addAttribute("words", List.of("met", "registered", "recognised"));
        return "dashboard/targets";
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @PostMapping("/admin/targets")
    String setTarget(@RequestParam String indicatorId, @RequestParam int year, @RequestParam String scope,
                     @RequestParam(defaultValue = "") String spec, @RequestParam(defaultValue = "") String word,
                     RedirectAttributes redirect) {
        try {
            // a status target is chosen from a list in words (Đạt chuẩn, Đăng ký, Được công nhận), never typed as a code
            targets.set(indicatorId, year, scope, word.isBlank() ? spec.replace(',', '.') : word);
            redirect.addFlashAttribute("saved", indicatorId);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/admin/targets";
    }

    String message(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    private String unitName(String code, int y) {
        java.time.LocalDate date = vn.hoctap.register.RegisterUnits.referenceDate(y);
        return units.history().version(code, units.history().covers(date) ? date : units.history().earliestDate())
                .map(UnitVersion::name).orElse(code);
    }

    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.EXPORT)
    @GetMapping("/dashboard/review.xlsx")
    void reviewXlsx(@RequestParam(required = false) Integer year, @RequestParam(required = false) String unit, Locale locale,
                    HttpServletResponse response) throws IOException {
        String code = unitOf(unit);
        AnnualReviewExport.Review review = review(year == null ? latestYearWithData(code) : year(year), code, locale);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"so-ket-nq23-" + fileUnit(code) + review.year() + ".xlsx\"");
        AnnualReviewExport.xlsx(review, response.getOutputStream());
    }

    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.EXPORT)
    @GetMapping("/dashboard/review.pdf")
    void reviewPdf(@RequestParam(required = false) Integer year, @RequestParam(required = false) String unit, Locale locale,
                   HttpServletResponse response) throws IOException {
        String code = unitOf(unit);
        AnnualReviewExport.Review review = review(year == null ? latestYearWithData(code) : year(year), code, locale);
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"so-ket-nq23-" + fileUnit(code) + review.year() + ".pdf\"");
        AnnualReviewExport.pdf(review, response.getOutputStream());
    }

    /** The annual review (sơ kết) of a data year: every indicator's value, target and status, and the per-unit tables. */
    private static String fileUnit(String code) {
        return Targets.CITY.equals(code) ? "" : code + "-";
    }

    /** The annual review of the city, or of one commune (its own lines, no per-commune tables). */
    private AnnualReviewExport.Review review(int y, String code, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        boolean city = Targets.CITY.equals(code);
        IndicatorValues.YearValues yv = values.forYear(y);
        List<AnnualReviewExport.Line> lines = new ArrayList<>();
        Map<String, List<AnnualReviewExport.UnitRow>> unitRows = new LinkedHashMap<>();
        for (IndicatorStatus.Line l : city ? status.city(y) : status.unit(y, code)) {
            IndicatorDefinition d = l.definition();
            IndicatorValues.Value v = l.value();
            String valueText = v == null || !v.present() ? message("dashboard.no-data", null, locale)
                    : d.isStatus() ? message(v.value() >= 1 ? "dashboard.yes" : "dashboard.no", null, locale)
                    : String.format(locale, "%.2f%%", v.value());
            lines.add(new AnnualReviewExport.Line(d.id(), d.group(), english ? d.nameEn() : d.nameVi(),
                    yv.hasDistricts() ? null : d.rebasedVi(), message("dashboard.source." + d.source(), null, locale), valueText,
                    v != null && v.present() && !d.isStatus() ? v.value() : null,
                    l.target() == null ? "—" : text.target(l.target(), locale) + " (" + l.targetYear() + ")",
                    l.national() == null ? "—" : !d.nationalComparable()
                            ? message("dashboard.national.not-comparable", new Object[] {text.target(l.national(), locale), l.nationalYear()}, locale)
                            : text.target(l.national(), locale) + " (" + l.nationalYear() + ")",
                    l.assessment().status().name(), text.reason(l.assessment().reasonKey(), l.assessment().args(), locale)));
            if (city && (d.source() == IndicatorDefinition.Source.REGISTER || d.source() == IndicatorDefinition.Source.STANDARDS)) {
                List<AnnualReviewExport.UnitRow> rows = new ArrayList<>();
                for (UnitRow r : rows(d.id(), y, yv)) {
                    rows.add(new AnnualReviewExport.UnitRow(r.code(), r.name(), r.value().present() ? r.value().value() : null,
                            Double.isNaN(r.value().numerator()) ? null : r.value().numerator(),
                            Double.isNaN(r.value().denominator()) ? null : r.value().denominator(), r.value().estimated()));
                }
                if (!rows.isEmpty()) {
                    unitRows.put(d.id(), rows);
                }
            }
        }
        return new AnnualReviewExport.Review(y, city ? "Thành phố Hà Nội" : unitName(code, y), english, lines, unitRows, HanoiTime.today());
    }
}
