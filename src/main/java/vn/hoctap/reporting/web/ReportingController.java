package vn.hoctap.reporting.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.reporting.Completeness;
import vn.hoctap.reporting.Organisation;
import vn.hoctap.reporting.Organisations;
import vn.hoctap.reporting.ReportExchange;
import vn.hoctap.reporting.Reports;
import vn.hoctap.reporting.core.DataSet;
import vn.hoctap.reporting.core.OrganisationKind;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/**
 * Trang số liệu báo cáo: the organisation's forms, the officers' reminders and completeness, the approval
 * steps, a report's history, the organisations of a commune, and import/export.
 */
@Controller
class ReportingController {

    private final Organisations organisations;
    private final Reports reports;
    private final Completeness completeness;
    private final ReportExchange exchange;
    private final AccessGuard guard;
    private final UnitDirectory units;
    private final MessageSource messages;

    ReportingController(Organisations organisations, Reports reports, Completeness completeness, ReportExchange exchange,
                        AccessGuard guard, UnitDirectory units, MessageSource messages) {
        this.organisations = organisations;
        this.reports = reports;
        this.completeness = completeness;
        this.exchange = exchange;
        this.guard = guard;
        this.units = units;
        this.messages = messages;
    }

    /** The commune names of today's communes, for labels. */
    Map<String, String> communeNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (UnitVersion u : units.unitsOn(HanoiTime.today())) {
            if (u.level() == UnitLevel.COMMUNE) {
                names.put(u.code(), u.name());
            }
        }
        return names;
    }

    private List<Integer> recentPeriods() {
        int y = HanoiTime.today().getYear();
        return List.of(y, y - 1);
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.READ)
    @GetMapping("/reporting")
    String home(Model model) {
        CurrentUser u = guard.requireUser();
        // "own data only" (organisation users, centre officers): their organisation's reports; others: reminders
        boolean own = guard.grant(DataKind.ORGANISATION_REPORTS, AccessAction.READ) == Grant.OWN;
        if (own) {
            Organisation o = organisations.organisationOf(u.username()).map(organisations::get).orElse(null);
            model.addAttribute("organisation", o);
            if (o != null) {
                List<Reports.ReportView> views = new ArrayList<>();
                for (DataSet d : reports.catalogue().forKind(o.kind())) {
                    for (int p : recentPeriods()) {
                        views.add(reports.view(o.id(), d.code(), p));
                    }
                }
                model.addAttribute("views", views);
            }
        } else {
            model.addAttribute("reminders", completeness.reminders(recentPeriods()));
        }
        model.addAttribute("dataSets", reports.catalogue().all());
        model.addAttribute("periods", reports.periods());
        model.addAttribute("communeNames", communeNames());
        model.addAttribute("orgUser", own);
        return "reporting/home";
    }

    // ------------------------------------------------------------ organisations

    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.READ)
    @GetMapping("/reporting/organisations")
    String organisations(@RequestParam(required = false) String commune, Model model) {
        model.addAttribute("organisations", organisations.visible(commune));
        model.addAttribute("commune", commune);
        model.addAttribute("kinds", OrganisationKind.values());
        model.addAttribute("communeNames", communeNames());
        model.addAttribute("writableCommunes", communeNames().keySet().stream()
                .filter(c -> guard.can(DataKind.ORGANISATIONS, AccessAction.WRITE, c)).toList());
        return "reporting/organisations";
    }

    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    @PostMapping("/reporting/organisations")
    String addOrganisation(@RequestParam String commune, @RequestParam String name, @RequestParam String kind,
                           RedirectAttributes redirect, Locale locale) {
        try {
            Organisation o = organisations.add(commune, name, OrganisationKind.fromCode(kind));
            redirect.addFlashAttribute("saved", o.code());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", resolve(e, locale));
        }
        return "redirect:/reporting/organisations" + (commune != null && commune.matches("\\d{5}") ? "?commune=" + commune : "");
    }

    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    @PostMapping("/reporting/organisations/{id}/members")
    String link(@PathVariable long id, @RequestParam String username, RedirectAttributes redirect, Locale locale) {
        Organisation o = organisations.get(id);
        try {
            organisations.link(username, id);
            redirect.addFlashAttribute("saved", username);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", resolve(e, locale));
        }
        return "redirect:/reporting/organisations?commune=" + o.communeCode();
    }

    // ------------------------------------------------------------ the form and the workflow

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.READ)
    @GetMapping("/reporting/form/{org}/{dataSet}/{period}")
    String form(@PathVariable long org, @PathVariable String dataSet, @PathVariable int period, Model model) {
        model.addAttribute("view", reports.view(org, dataSet, period));
        model.addAttribute("communeNames", communeNames());
        return "reporting/form";
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.WRITE)
    @PostMapping("/reporting/form/{org}/{dataSet}/{period}")
    String save(@PathVariable long org, @PathVariable String dataSet, @PathVariable int period,
                @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect, Locale locale) {
        boolean submit = "submit".equals(params.get("action"));
        Map<String, String> values = new LinkedHashMap<>();
        DataSet d = reports.dataSet(dataSet);
        d.elements().forEach(e -> {
            if (params.containsKey(e.code())) {
                values.put(e.code(), params.get(e.code()));
            }
        });
        try {
            reports.save(org, dataSet, period, values, submit);
        } catch (ValidationException e) {
            model.addAttribute("view", reports.view(org, dataSet, period));
            model.addAttribute("typed", values);
            model.addAttribute("errors", resolve(e, locale));
            model.addAttribute("communeNames", communeNames());
            return "reporting/form";
        }
        redirect.addFlashAttribute("saved", submit ? "submitted" : "saved");
        return "redirect:/reporting/form/" + org + "/" + dataSet + "/" + period;
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.WRITE)
    @PostMapping("/reporting/reports/{id}/{step}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String message,
                @RequestParam(required = false) String element, @RequestParam(required = false) String reason,
                RedirectAttributes redirect, Locale locale) {
        Reports.Report r = reports.get(id);
        try {
            switch (step) {
                case "submit" -> reports.submit(id);
                case "accept" -> reports.accept(id);
                case "approve" -> reports.approve(id);
                case "reject" -> reports.reject(id, message);
                case "unlock" -> reports.unlock(id, element, reason);
                default -> throw ValidationException.of("step", "reporting.error.state");
            }
            redirect.addFlashAttribute("saved", step);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", resolve(e, locale));
        }
        return "redirect:/reporting/form/" + r.organisationId() + "/" + r.dataSet() + "/" + r.period();
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.READ)
    @GetMapping("/reporting/reports/{id}/history")
    String history(@PathVariable long id, Model model) {
        Reports.Report r = reports.get(id);
        model.addAttribute("report", r);
        model.addAttribute("organisation", organisations.get(r.organisationId()));
        model.addAttribute("dataSet", reports.dataSet(r.dataSet()));
        model.addAttribute("entries", reports.history(id));
        return "reporting/history";
    }

    // ------------------------------------------------------------ completeness

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.READ)
    @GetMapping("/reporting/completeness")
    String completeness(@RequestParam(required = false) String dataSet, @RequestParam(required = false) Integer period,
                        @RequestParam(required = false) String commune, Model model) {
        String ds = dataSet == null || dataSet.isBlank() ? reports.catalogue().all().get(0).code() : dataSet;
        int p = period == null ? HanoiTime.today().getYear() : period;
        List<Completeness.Line> lines = completeness.lines(ds, p, commune);
        model.addAttribute("lines", lines);
        model.addAttribute("summary", completeness.byCommune(lines));
        model.addAttribute("dataSet", reports.dataSet(ds));
        model.addAttribute("dataSets", reports.catalogue().all());
        model.addAttribute("period", p);
        model.addAttribute("periods", reports.periods());
        model.addAttribute("commune", commune);
        model.addAttribute("communeNames", communeNames());
        return "reporting/completeness";
    }

    // ------------------------------------------------------------ exchange

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.READ)
    @GetMapping("/reporting/exchange")
    String exchangePage(Model model, Locale locale) {
        model.addAttribute("dataSets", reports.catalogue().all());
        model.addAttribute("periods", reports.periods());
        model.addAttribute("formatColumns", exchangeColumns(locale));
        return "reporting/exchange";
    }

    /** The columns of the values CSV, with the data elements, years and the user's organisations as choices. */
    List<vn.hoctap.platform.ImportTemplate.Column> exchangeColumns(Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        java.util.function.Function<String, String> m = k -> messages.getMessage(k, null, k, locale);
        List<vn.hoctap.platform.ImportTemplate.Choice> elements = new java.util.ArrayList<>();
        for (var d : reports.catalogue().all()) {
            for (var e : d.elements()) {
                elements.add(new vn.hoctap.platform.ImportTemplate.Choice(e.code(), e.name(en) + " (" + d.name(en) + ")"));
            }
        }
        int year = vn.hoctap.platform.HanoiTime.today().getYear();
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(reports.periods());
        years.add(year - 1);
        years.add(year);
        List<vn.hoctap.platform.ImportTemplate.Choice> periods = years.descendingSet().stream()
                .map(y -> new vn.hoctap.platform.ImportTemplate.Choice(String.valueOf(y), String.valueOf(y))).toList();
        List<vn.hoctap.platform.ImportTemplate.Choice> orgs = organisations.visible(null).stream()
                .map(o -> new vn.hoctap.platform.ImportTemplate.Choice(o.code(), o.name())).toList();
        return List.of(
                new vn.hoctap.platform.ImportTemplate.Column("data_element", m.apply("exchange.template.element"), elements),
                new vn.hoctap.platform.ImportTemplate.Column("period", m.apply("exchange.template.period"), periods),
                new vn.hoctap.platform.ImportTemplate.Column("org_unit", m.apply("exchange.template.org"), orgs),
                vn.hoctap.platform.ImportTemplate.Column.free("value", m.apply("exchange.template.value")));
    }

    /** Mẫu nhập số liệu báo cáo: the values CSV as an Excel workbook with drop-down lists (imports as it is). */
    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.WRITE)
    @GetMapping("/reporting/exchange/template.xlsx")
    void exchangeTemplate(Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        response.setContentType(vn.hoctap.platform.FileTypes.XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"mau-so-lieu-bao-cao.xlsx\"");
        vn.hoctap.platform.ImportTemplate.write("values", exchangeColumns(locale), vn.hoctap.platform.ImportTemplate.texts(messages, locale),
                response.getOutputStream());
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.WRITE)
    @PostMapping("/reporting/exchange")
    String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
                      @RequestParam(defaultValue = "csv") String format, @RequestParam(defaultValue = "false") boolean dryRun,
                      Model model, Locale locale) throws java.io.IOException {
        String content = text;
        if (file != null && !file.isEmpty()) {
            byte[] bytes = file.getBytes();
            if (vn.hoctap.platform.FileTypes.XLSX.equals(vn.hoctap.platform.FileTypes.detect(bytes))) {
                // the Excel template filled in: its first sheet read as CSV (row n = line n)
                content = vn.hoctap.platform.XlsxToCsv.toCsv(new java.io.ByteArrayInputStream(bytes));
                format = "csv";
            } else {
                content = new String(bytes, StandardCharsets.UTF_8);
            }
        }
        ReportExchange.Parsed parsed = "json".equals(format) ? exchange.parseJson(content) : exchange.parseCsv(content);
        ReportExchange.ImportReport report = exchange.importValues(parsed, dryRun);
        model.addAttribute("result", report);
        model.addAttribute("reasons", reasons(report, locale));
        model.addAttribute("format", format);
        return exchangePage(model, locale);
    }

    Map<Integer, String> reasons(ReportExchange.ImportReport report, Locale locale) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < report.lines().size(); i++) {
            String r = report.lines().get(i).reason();
            if (r != null) {
                out.put(i, messages.getMessage(r, null, r, locale));
            }
        }
        return out;
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.EXPORT)
    @GetMapping("/reporting/export.csv")
    ResponseEntity<byte[]> exportCsv(@RequestParam(required = false) String dataSet, @RequestParam int period,
                                     @RequestParam(defaultValue = "false") boolean dhis2) {
        String csv = exchange.toCsv(exchange.export(dataSet, period, dhis2));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reporting-" + period + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.EXPORT)
    @GetMapping("/reporting/export.json")
    ResponseEntity<byte[]> exportJson(@RequestParam(required = false) String dataSet, @RequestParam int period,
                                      @RequestParam(defaultValue = "false") boolean dhis2) {
        String body = exchange.toJson(exchange.export(dataSet, period, dhis2));
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dataValueSets-" + period + ".json\"")
                .contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------ DHIS2 mapping (city administrators)

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.READ)
    @GetMapping("/admin/reporting/mapping")
    String mapping(Model model) {
        model.addAttribute("mappings", exchange.mappings());
        return "reporting/mapping";
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @PostMapping("/admin/reporting/mapping")
    String replaceMapping(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
                          RedirectAttributes redirect, Locale locale) throws java.io.IOException {
        String content = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
        try {
            int n = exchange.replaceMappings(content);
            redirect.addFlashAttribute("saved", n);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", resolve(e, locale));
        }
        return "redirect:/admin/reporting/mapping";
    }

    Map<String, String> resolve(ValidationException e, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        e.errors().forEach((field, key) -> out.put(field, messages.getMessage(key, null, key, locale)));
        return out;
    }
}
