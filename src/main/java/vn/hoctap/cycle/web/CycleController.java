package vn.hoctap.cycle.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.cycle.CommuneTargets;
import vn.hoctap.cycle.CycleReports;
import vn.hoctap.cycle.Decisions;
import vn.hoctap.cycle.Documents;
import vn.hoctap.cycle.Inspections;
import vn.hoctap.cycle.Plans;
import vn.hoctap.cycle.core.VisitRules;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.OfficialDocument;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitVersion;

/**
 * The pages of the yearly cycle: plans, commune targets, inspection (rounds, calendar, the visit form that works
 * offline on a phone, required actions), recognition decisions and the review and summary reports.
 */
@Controller
@Access(kind = DataKind.PLANS_AND_INSPECTION)
class CycleController {

    private final Plans plans;
    private final CommuneTargets communeTargets;
    private final Inspections inspections;
    private final Decisions decisions;
    private final CycleReports reports;
    private final Documents documents;
    private final Targets targets;
    private final UnitDirectory units;
    private final AccessGuard guard;
    private final MessageSource messages;

    CycleController(Plans plans, CommuneTargets communeTargets, Inspections inspections, Decisions decisions, CycleReports reports,
                    Documents documents, Targets targets, UnitDirectory units, AccessGuard guard, MessageSource messages) {
        this.plans = plans;
        this.communeTargets = communeTargets;
        this.inspections = inspections;
        this.decisions = decisions;
        this.reports = reports;
        this.documents = documents;
        this.targets = targets;
        this.units = units;
        this.guard = guard;
        this.messages = messages;
    }

    private Map<String, String> communeNames() {
        Map<String, String> m = new TreeMap<>();
        m.put(Targets.CITY, "Thành phố Hà Nội");
        for (UnitVersion u : communeTargets.communes()) m.put(u.code(), u.name());
        return m;
    }

    private List<String> writableCommunes() {
        return communeTargets.communes().stream().map(UnitVersion::code)
                .filter(c -> guard.allows(DataKind.PLANS_AND_INSPECTION, AccessAction.WRITE) && guard.canWrite(c)).toList();
    }

    private boolean cityApprover() {
        return guard.allows(DataKind.PLANS_AND_INSPECTION, AccessAction.APPROVE)
                && guard.currentUser().map(u -> u.scopes().contains(Targets.CITY)).orElse(false);
    }

    private static void errors(RedirectAttributes r, ValidationException e) {
        r.addFlashAttribute("errors", e.errors());
    }

    // ------------------------------------------------------------------ home

    @GetMapping("/cycle")
    String home(Model model) {
        int year = HanoiTime.today().getYear();
        model.addAttribute("plans", plans.readable());
        model.addAttribute("rounds", inspections.rounds());
        model.addAttribute("actions", inspections.actions(null).stream().filter(a -> !a.closed()).toList());
        model.addAttribute("counts", communeTargets.counts());
        model.addAttribute("names", communeNames());
        model.addAttribute("year", year);
        model.addAttribute("today", HanoiTime.today());
        model.addAttribute("cityApprover", cityApprover());
        return "cycle/home";
    }

    // ------------------------------------------------------------------ plans

    @GetMapping("/cycle/plans/{id}")
    String plan(@PathVariable long id, Model model) {
        Plans.Plan p = plans.get(id);
        model.addAttribute("plan", p);
        model.addAttribute("actions", plans.actionsOf(id));
        model.addAttribute("updates", plans.updatesOf(id));
        model.addAttribute("documents", documents.of("plan", id));
        model.addAttribute("canWrite", plans.canWrite(p));
        model.addAttribute("names", communeNames());
        model.addAttribute("definitions", targets.definitions());
        model.addAttribute("statuses", Plans.ActionStatus.values());
        model.addAttribute("derivable", p.level() == Plans.Level.CITY ? writableCommunes().stream().filter(c -> !c.equals(Targets.CITY)).toList() : List.of());
        return "cycle/plan";
    }

    @PostMapping("/cycle/plans")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.WRITE)
    String createPlan(@RequestParam String level, @RequestParam String unit, @RequestParam(required = false) String organisation,
                      @RequestParam int periodFrom, @RequestParam int periodTo, @RequestParam String title,
                      @RequestParam(required = false) String documentNumber, RedirectAttributes r) {
        try {
            long id = plans.create(Plans.Level.valueOf(level), unit, organisation, periodFrom, periodTo, title, documentNumber);
            return "redirect:/cycle/plans/" + id;
        } catch (ValidationException e) {
            errors(r, e);
            return "redirect:/cycle";
        }
    }

    @PostMapping("/cycle/plans/{id}/derive")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.WRITE)
    String derive(@PathVariable long id, @RequestParam String unit, RedirectAttributes r) {
        try {
            return "redirect:/cycle/plans/" + plans.derive(id, unit);
        } catch (ValidationException e) {
            errors(r, e);
            return "redirect:/cycle/plans/" + id;
        }
    }

    @PostMapping("/cycle/plans/{id}/actions")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.WRITE)
    String addAction(@PathVariable long id, @RequestParam String what, @RequestParam String who, @RequestParam String start,
                     @RequestParam String due, @RequestParam(defaultValue = "0") String budget,
                     @RequestParam(required = false) List<String> indicators, RedirectAttributes r) {
        try {
            long vnd;
            try {
                vnd = Long.parseLong(budget.replaceAll("[.\\s,]", ""));
            } catch (NumberFormatException e) {
                throw ValidationException.of("budget", "cycle.error.budget");
            }
            plans.addAction(id, what, who, VisitRules.date(start), VisitRules.date(due), vnd, indicators == null ? List.of() : indicators);
            r.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            errors(r, e);
        }
        return "redirect:/cycle/plans/" + id;
    }

    @PostMapping("/cycle/plans/{id}/actions/{action}/status")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.WRITE)
    String actionStatus(@PathVariable long id, @PathVariable long action, @RequestParam String status, @RequestParam String note,
                        RedirectAttributes r) {
        try {
            plans.updateStatus(action, Plans.ActionStatus.valueOf(status), note);
            r.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            errors(r, e);
        }
        return "redirect:/cycle/plans/" + id;
    }

    @PostMapping("/cycle/plans/{id}/documents")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.WRITE)
    String attach(@PathVariable long id, @RequestParam MultipartFile file, RedirectAttributes r) throws IOException {
        try {
            plans.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
            r.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            errors(r, e);
        }
        return "redirect:/cycle/plans/" + id;
    }

    @GetMapping("/cycle/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable long id) {
        Map.Entry<Documents.Document, byte[]> d = documents.read(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.getKey().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.getKey().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(d.getValue());
    }

    // ------------------------------------------------------------------ commune targets

    @GetMapping("/cycle/targets")
    String targetsPage(@RequestParam(required = false) String commune, Model model) {
        List<String> readable = communeTargets.communes().stream().map(UnitVersion::code).filter(guard::canRead).toList();
        String c = commune != null && readable.contains(commune) ? commune : readable.isEmpty() ? null : readable.get(0);
        model.addAttribute("commune", c);
        model.addAttribute("communes", readable);
        model.addAttribute("names", communeNames());
        model.addAttribute("rows", c == null ? List.of() : communeTargets.ofCommune(c));
        model.addAttribute("pending", communeTargets.pending());
        model.addAttribute("canPropose", c != null && writableCommunes().contains(c));
        model.addAttribute("cityApprover", cityApprover());
        Map<String, String> names = new LinkedHashMap<>();
        targets.definitions().forEach(d -> names.put(d.id(), d.nameVi()));
        model.addAttribute("indicatorNames", names);
        model.addAttribute("dataYear", HanoiTime.today().getYear());
        return "cycle/targets";
    }

    @PostMapping("/cycle/targets/defaults")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.APPROVE)
    String defaults(@RequestParam int dataYear, RedirectAttributes r) {
        r.addFlashAttribute("generated", communeTargets.proposeDefaults(dataYear));
        return "redirect:/cycle/targets";
    }

    @PostMapping("/cycle/targets/propose")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.WRITE)
    String propose(@RequestParam String indicator, @RequestParam String commune, @RequestParam int targetYear,
                   @RequestParam String spec, @RequestParam String reason, RedirectAttributes r) {
        try {
            communeTargets.propose(indicator, commune, targetYear, spec, reason);
            r.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            errors(r, e);
        }
        return "redirect:/cycle/targets?commune=" + commune;
    }

    @PostMapping("/cycle/targets/decide")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.APPROVE)
    String decide(@RequestParam String indicator, @RequestParam String commune, @RequestParam int targetYear,
                  @RequestParam boolean approve, RedirectAttributes r) {
        try {
            communeTargets.decide(indicator, commune, targetYear, approve);
            r.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            errors(r, e);
        }
        return "redirect:/cycle/targets?commune=" + commune;
    }

    // ------------------------------------------------------------------ inspection

    @GetMapping("/cycle/inspection")
    String inspection(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month, Model model) {
        LocalDate today = HanoiTime.today();
        int y = year == null ? today.getYear() : year;
        int m = month == null || month < 1 || month > 12 ? today.getMonthValue() : month;
        model.addAttribute("year", y);
        model.addAttribute("month", m);
        model.addAttribute("rounds", inspections.rounds());
        model.addAttribute("summary", inspections.summaryByCommune(y));
        model.addAttribute("calendar", calendar(y, m));
        model.addAttribute("cityApprover", cityApprover());
        LocalDate first = LocalDate.of(y, m, 1);
        model.addAttribute("prev", first.minusMonths(1));
        model.addAttribute("next", first.plusMonths(1));
        return "cycle/inspection";
    }

    /** The weeks of a month: each day with its visits (null outside the month). */
    private List<List<Map.Entry<LocalDate, List<Inspections.Visit>>>> calendar(int year, int month) {
        Map<LocalDate, List<Inspections.Visit>> byDay = new TreeMap<>();
        for (Inspections.Visit v : inspections.month(year, month)) byDay.computeIfAbsent(v.scheduledOn(), k -> new ArrayList<>()).add(v);
        LocalDate first = LocalDate.of(year, month, 1);
        List<List<Map.Entry<LocalDate, List<Inspections.Visit>>>> weeks = new ArrayList<>();
        List<Map.Entry<LocalDate, List<Inspections.Visit>>> week = new ArrayList<>();
        for (int i = 1; i < first.getDayOfWeek().getValue(); i++) week.add(null);
        for (LocalDate d = first; d.getMonthValue() == month; d = d.plusDays(1)) {
            week.add(Map.entry(d, byDay.getOrDefault(d, List.of())));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) week.add(null);
            weeks.add(week);
        }
        return weeks;
    }

    @PostMapping("/cycle/inspection/rounds")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.APPROVE)
    String createRound(@RequestParam int year, @RequestParam String name, @RequestParam(defaultValue = "") String team, RedirectAttributes r) {
        try {
            long id = inspections.createRound(year, name, Arrays.asList(team.split("[,;\\s]+")));
            return "redirect:/cycle/inspection/rounds/" + id;
        } catch (ValidationException e) {
            errors(r, e);
            return "redirect:/cycle/inspection";
        }
    }

    @GetMapping("/cycle/inspection/rounds/{id}")
    String round(@PathVariable long id, Model model) {
        model.addAttribute("round", inspections.round(id));
        model.addAttribute("visits", inspections.visits(id));
        model.addAttribute("names", communeNames());
        model.addAttribute("subjects", Inspections.Subject.values());
        model.addAttribute("cityApprover", cityApprover());
        model.addAttribute("checklists", inspections.currentChecklists());
        return "cycle/round";
    }

    @PostMapping("/cycle/inspection/rounds/{id}/visits")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.APPROVE)
    String schedule(@PathVariable long id, @RequestParam String unit, @RequestParam String subject,
                    @RequestParam(required = false) String subjectName, @RequestParam String date, RedirectAttributes r) {
        try {
            inspections.scheduleVisit(id, unit, Inspections.Subject.valueOf(subject), subjectName, VisitRules.date(date));
            r.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            errors(r, e);
        }
        return "redirect:/cycle/inspection/rounds/" + id;
    }

    @GetMapping("/cycle/inspection/visits/{id}")
    String visit(@PathVariable long id, Model model) {
        Inspections.Visit v = inspections.visit(id);
        model.addAttribute("visit", v);
        model.addAttribute("round", inspections.round(v.roundId()));
        model.addAttribute("checklist", inspections.checklist(v.checklistId()));
        model.addAttribute("canRecord", !v.recorded() && inspections.canRecord(v));
        model.addAttribute("names", communeNames());
        if (v.recorded()) {
            List<Inspections.Finding> findings = inspections.findings(id);
            model.addAttribute("findings", findings);
            Map<Long, List<Documents.Document>> files = new LinkedHashMap<>();
            findings.forEach(f -> files.put(f.id(), documents.of("finding", f.id())));
            model.addAttribute("files", files);
            model.addAttribute("actions", inspections.actionsOfVisit(id));
        }
        model.addAttribute("today", HanoiTime.today());
        return "cycle/visit";
    }

    /** What the phone sends (JSON, snake_case): the idempotency key, the items and the evidence files (base64). */
    record Submission(String key, String summary, List<ItemJson> items, List<FileJson> files) {
    }

    record ItemJson(String code, String rating, String note, String actionWhat, String actionOwner, String actionDeadline) {
    }

    record FileJson(String itemCode, String fileName, String contentType, String dataBase64) {
    }

    @PostMapping(value = "/cycle/inspection/visits/{id}/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.WRITE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> submit(@PathVariable long id, @RequestBody Submission s, Locale locale) {
        try {
            List<VisitRules.ItemResult> items = s.items() == null ? List.of() : s.items().stream().map(i -> new VisitRules.ItemResult(
                    i.code(), i.rating(), i.note(), i.actionWhat(), i.actionOwner(), i.actionDeadline())).toList();
            List<Inspections.Upload> uploads = new ArrayList<>();
            if (s.files() != null) {
                for (FileJson f : s.files()) {
                    byte[] bytes;
                    try {
                        bytes = Base64.getDecoder().decode(f.dataBase64() == null ? "" : f.dataBase64());
                    } catch (IllegalArgumentException e) {
                        throw ValidationException.of("file", "cycle.error.file-size");
                    }
                    uploads.add(new Inspections.Upload(f.itemCode(), f.fileName(), f.contentType(), bytes));
                }
            }
            Inspections.Submitted r = inspections.submit(id, s.key(), s.summary(), items, uploads);
            return ResponseEntity.ok(Map.of("visit_id", r.visitId(), "recorded_now", r.recordedNow(), "findings", r.findings(),
                    "actions", r.actions()));
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((field, key) -> errors.put(field, messages.getMessage(key, null, key, locale)));
            return ResponseEntity.badRequest().body(Map.of("errors", errors));
        }
    }

    @GetMapping("/cycle/inspection/actions")
    String actions(@RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("actions", inspections.actions(year));
        model.addAttribute("names", communeNames());
        model.addAttribute("today", HanoiTime.today());
        model.addAttribute("writable", writableCommunes());
        return "cycle/actions";
    }

    @PostMapping("/cycle/inspection/actions/{id}/close")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.WRITE)
    String close(@PathVariable long id, @RequestParam String note, RedirectAttributes r) {
        try {
            inspections.closeAction(id, note);
            r.addFlashAttribute("closed", id);
        } catch (ValidationException e) {
            errors(r, e);
        }
        return "redirect:/cycle/inspection/actions";
    }

    // ------------------------------------------------------------------ decisions

    @GetMapping("/cycle/decisions")
    String decisionsPage(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? 2025 : year;
        model.addAttribute("year", y);
        model.addAttribute("decisions", decisions.ofYear(y));
        model.addAttribute("comparison", decisions.compare(y));
        model.addAttribute("national", decisions.nationalTitles());
        model.addAttribute("names", communeNames());
        model.addAttribute("kinds", Decisions.Kind.values());
        model.addAttribute("writable", writableCommunes());
        model.addAttribute("cityApprover", cityApprover());
        return "cycle/decisions";
    }

    @PostMapping("/cycle/decisions")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.WRITE)
    String recordDecision(@RequestParam String kind, @RequestParam String unit, @RequestParam(required = false) String standard,
                          @RequestParam String subject, @RequestParam int year, @RequestParam String number, @RequestParam String issuedOn,
                          @RequestParam String issuer, @RequestParam(required = false) MultipartFile file, RedirectAttributes r) throws IOException {
        try {
            decisions.record(Decisions.Kind.valueOf(kind), unit, standard == null || standard.isBlank() ? null : standard, subject, year,
                    number, VisitRules.date(issuedOn), issuer, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null || file.isEmpty() ? null : file.getBytes());
            r.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            errors(r, e);
        }
        return "redirect:/cycle/decisions?year=" + year;
    }

    @PostMapping("/cycle/decisions/national-title")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.APPROVE)
    String nationalTitle(@RequestParam String title, @RequestParam String number, @RequestParam String issuedOn, @RequestParam String issuer,
                         RedirectAttributes r) {
        try {
            decisions.recordNationalTitle(title, number, VisitRules.date(issuedOn), issuer);
            r.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            errors(r, e);
        }
        return "redirect:/cycle/decisions";
    }

    // ------------------------------------------------------------------ reports

    @GetMapping("/cycle/reports")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.EXPORT)
    String reportsPage(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? 2025 : year;
        model.addAttribute("year", y);
        model.addAllAttributes(reports.reviewModel(y));
        model.addAttribute("names", communeNames());
        model.addAttribute("today", HanoiTime.today());
        return "cycle/reports";
    }

    @GetMapping("/cycle/reports/review-{year}.{format}")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.EXPORT)
    void review(@PathVariable int year, @PathVariable String format, HttpServletResponse response) throws IOException {
        write(reports.review(year), "so-ket-nq23-" + year, format, response);
    }

    @GetMapping("/cycle/reports/summary-{from}-{to}.{format}")
    @Access(kind = DataKind.PLANS_AND_INSPECTION, action = AccessAction.EXPORT)
    void summary(@PathVariable int from, @PathVariable int to, @PathVariable String format, HttpServletResponse response) throws IOException {
        write(reports.summary(from, to), "tong-ket-nq23-" + from + "-" + to, format, response);
    }

    private static void write(OfficialDocument doc, String name, String format, HttpServletResponse response) throws IOException {
        if (format.equals("docx")) {
            response.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".docx\"");
            doc.writeDocx(response.getOutputStream());
        } else if (format.equals("pdf")) {
            response.setContentType("application/pdf");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".pdf\"");
            doc.writePdf(response.getOutputStream());
        } else {
            response.sendError(404);
        }
    }
}
