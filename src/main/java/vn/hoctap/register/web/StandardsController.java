package vn.hoctap.register.web;

import vn.hoctap.accounts.Access;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.io.IOException;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.register.RegisterStandards;
import vn.hoctap.register.internal.StandardsExports;
import vn.hoctap.register.internal.StandardsPdf;
import vn.hoctap.register.internal.StandardsWorkbook;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.VerificationStatus;

/**
 * Chuẩn PCGD-XMC pages: the city overview of every commune by standard and level (with filters,
 * a year selector and a comparison year), a unit's standards card with criteria, thresholds, the
 * rules' legal sources and verification status, explanations and the persons behind a shortfall.
 */
@Controller
class StandardsController {

    private final RegisterStandards standards;
    private final AccessGuard guard;
    private final vn.hoctap.units.UnitDirectory units;

    StandardsController(RegisterStandards standards, AccessGuard guard, vn.hoctap.units.UnitDirectory units) {
        this.units = units;
        this.standards = standards;
        this.guard = guard;
    }

    int year(Integer year) {
        List<Integer> years = standards.years();
        if (year == null) {
            return RegisterController.defaultYear(years);
        }
        if (!years.contains(year)) {
            throw ValidationException.of("year", "standards.error.no-register");
        }
        return year;
    }

    /**
     * The year of a unit's page, after the access check: another commune's data is refused (403) before anything is
     * said about which years the register holds.
     */
    int yearFor(String code, Integer year, DataKind kind, AccessAction action) {
        int asked = year != null ? year : RegisterController.defaultYear(standards.years());
        guard.requireForYear(kind, action, code, asked);
        return year(year);
    }

    /** A row of the overview: a unit's levels this year and, when comparing, in the other year. */
    record Row(UnitResult now, UnitResult before, List<Former> formers) {
        Row(UnitResult now, UnitResult before) {
            this(now, before, List.of());
        }
    }

    /**
     * A former commune shown under the new one when comparing across the 2025 merger: its result in the other year
     * and whether it went wholly or in part into the new commune (the parts are not apportioned: a person-level
     * register would be needed to split a commune's persons, so the former communes are listed, marked).
     */
    record Former(UnitResult result, boolean partial) {
    }

    /** The former communes (in the other year's results) that the commune of {@code code} was formed from. */
    private List<Former> formers(String code, int year, StandardsResult other) {
        java.time.LocalDate date = vn.hoctap.register.RegisterUnits.referenceDate(year);
        var version = units.history().version(code, date);
        if (version.isEmpty()) {
            return List.of();
        }
        List<Former> out = new ArrayList<>();
        for (var s : units.history().predecessorsOf(version.get())) {
            UnitResult r = other.find(s.oldCode());
            if (r != null && r.level() == UnitLevel.COMMUNE) {
                out.add(new Former(r, s.kind() == vn.hoctap.units.core.Succession.Kind.PARTIAL));
            }
        }
        out.sort(java.util.Comparator.comparing(f -> f.result().unit().name(), vn.hoctap.platform.VietnameseText.ORDER));
        return out;
    }

    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    @GetMapping("/standards")
    String overview(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer compare,
                    @RequestParam(required = false) String standard, @RequestParam(required = false) Integer below,
                    Model model) {
        if (standards.years().isEmpty()) {
            model.addAttribute("empty", true);
            return "standards/empty";
        }
        int y = year(year);
        StandardsResult result = standards.result(y);
        StandardsResult other = compare == null ? null : standards.result(year(compare));
        Standard filter = standard == null || standard.isBlank() ? null : Standard.parse(standard);
        List<Row> communes = new ArrayList<>();
        List<Row> districts = new ArrayList<>();
        UnitResult city = null;
        for (UnitResult r : result.units()) {
            if (!guard.canForYear(DataKind.UNIT_AGGREGATES, AccessAction.READ, r.code(), y)) {
                continue;
            }
            UnitResult before = other == null ? null : other.find(r.code());
            if (before != null && !before.unit().name().equals(r.unit().name())) {
                before = null;   // a reused code: another unit in the other year
            }
            switch (r.level()) {
                case CITY -> city = r;
                case DISTRICT -> districts.add(new Row(r, before));
                case COMMUNE -> {
                    if (filter == null || below == null || r.levels().level(filter) < below) {
                        // across the 2025 merger: the former communes it was formed from, listed and marked
                        communes.add(new Row(r, before, before == null && other != null ? formers(r.code(), y, other) : List.of()));
                    }
                }
            }
        }
        model.addAttribute("years", standards.years());
        model.addAttribute("year", y);
        model.addAttribute("compare", compare);
        model.addAttribute("standard", filter);
        model.addAttribute("below", below);
        model.addAttribute("standardsList", Standard.values());
        model.addAttribute("city", city);
        model.addAttribute("districts", districts);
        communes.sort(java.util.Comparator.comparing(row -> row.now().unit().name(), vn.hoctap.platform.VietnameseText.ORDER));
        model.addAttribute("communes", communes);
        model.addAttribute("rules", standards.rules());
        return "standards/overview";
    }

    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    @GetMapping("/standards/{code}")
    String card(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
        int y = yearFor(code, year, DataKind.UNIT_AGGREGATES, AccessAction.READ);
        UnitResult r = standards.result(y).find(code);
        if (r == null) {
            throw new NotFoundException("standards.error.no-unit", code, y);
        }
        model.addAttribute("years", standards.years());
        model.addAttribute("year", y);
        model.addAttribute("r", r);
        model.addAttribute("rules", standards.rules());
        model.addAttribute("standardsList", Standard.values());
        model.addAttribute("criteriaByStandard", criteriaByStandard());
        model.addAttribute("isCommune", r.level() == UnitLevel.COMMUNE);
        model.addAttribute("thresholds", thresholds(standards.rules(), r.unit().disadvantaged()));
        return "standards/card";
    }

    /** A threshold as shown next to a criterion: the level it is for, "≥ t%", its source and status. */
    record ThresholdView(int level, String threshold, String source, VerificationStatus status) {
    }

    /** For each criterion, the thresholds that apply to this kind of commune at each level. */
    static Map<Criterion, List<ThresholdView>> thresholds(RuleSet rules, boolean disadvantaged) {
        Map<Criterion, List<ThresholdView>> m = new LinkedHashMap<>();
        for (Standard s : Standard.values()) {
            for (int level = 1; level <= s.maxLevel(); level++) {
                for (RuleSet.ThresholdRule t : rules.thresholds(s, level)) {
                    var p = t.threshold(disadvantaged);
                    if (p != null) {
                        m.computeIfAbsent(t.criterion(), c -> new ArrayList<>())
                                .add(new ThresholdView(level, "≥ " + p.toString().replace('.', ',') + "%", t.source(), t.status()));
                    }
                }
            }
        }
        return m;
    }

    static Map<Standard, List<Criterion>> criteriaByStandard() {
        Map<Standard, List<Criterion>> m = new LinkedHashMap<>();
        for (Criterion c : Criterion.values()) {
            m.computeIfAbsent(c.standard(), s -> new ArrayList<>()).add(c);
        }
        return m;
    }

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    @GetMapping("/standards/{code}/shortfall")
    String shortfall(@PathVariable String code, @RequestParam int year, @RequestParam String criterion, Model model) {
        Criterion c = Criterion.parse(criterion);
        if (c == null) {
            throw ValidationException.of("criterion", "standards.error.criterion");
        }
        model.addAttribute("year", yearFor(code, year, DataKind.PERSON_ROWS, AccessAction.READ));
        model.addAttribute("code", code);
        model.addAttribute("criterion", c);
        model.addAttribute("persons", standards.shortfall(year, code, c));
        model.addAttribute("communeName", standards.unitsFor(year).get(code).map(vn.hoctap.standards.core.Unit::name).orElse(code));
        return "standards/shortfall";
    }

    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.EXPORT)
    @GetMapping("/standards/{code}/export.xlsx")
    void exportXlsx(@PathVariable String code, @RequestParam(required = false) Integer year, HttpServletResponse response)
            throws IOException {
        StandardsExports.ExportData data = exportData(code, yearFor(code, year, DataKind.UNIT_AGGREGATES, AccessAction.EXPORT));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pcgd-xmc-" + code + "-" + data.year() + ".xlsx\"");
        StandardsWorkbook.write(data, response.getOutputStream());
    }

    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.EXPORT)
    @GetMapping("/standards/{code}/export.pdf")
    void exportPdf(@PathVariable String code, @RequestParam(required = false) Integer year, Locale locale,
                   HttpServletResponse response) throws IOException {
        StandardsExports.ExportData data = exportData(code, yearFor(code, year, DataKind.UNIT_AGGREGATES, AccessAction.EXPORT));
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"pcgd-xmc-" + code + "-" + data.year() + ".pdf\"");
        StandardsPdf.write(data, locale, response.getOutputStream());
    }

    /** The data of an export: per-age tables streamed from the register for a commune, child units otherwise. */
    private StandardsExports.ExportData exportData(String code, int y) {
        guard.requireForYear(DataKind.UNIT_AGGREGATES, AccessAction.EXPORT, code, y);
        StandardsResult r = standards.result(y);
        UnitResult u = r.find(code);
        if (u == null) {
            throw new NotFoundException("standards.error.no-unit", code, y);
        }
        if (u.level() != UnitLevel.COMMUNE) {
            return StandardsExports.ExportData.aggregate(r, code, HanoiTime.today());
        }
        var ages = new StandardsExports.AgeTables(new StandardsEngine(standards.unitsFor(y), r.ruleSet(), y), code);
        standards.forEachPerson(y, code, ages);
        return StandardsExports.ExportData.commune(r, code, ages, HanoiTime.today());
    }

    @Access(kind = DataKind.SIGNED_IN, action = AccessAction.READ)
    @GetMapping("/standards/rules")
    String rules(Model model) {
        model.addAttribute("rules", standards.rules());
        return "standards/rules";
    }

    /** The contract JSON of a year (docs/contracts/standards.md) for the units the user may read. */
    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    @GetMapping(value = "/api/standards", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<String> api(@RequestParam(required = false) Integer year) {
        int y = year(year);
        StandardsResult result = standards.result(y);
        if (result.units().stream().allMatch(u -> guard.canForYear(DataKind.UNIT_AGGREGATES, AccessAction.READ, u.code(), y))) {
            return ResponseEntity.ok(result.toJson());
        }
        return ResponseEntity.ok(result.filtered(u -> guard.canForYear(DataKind.UNIT_AGGREGATES, AccessAction.READ, u.code(), y)).toJson());
    }
}
