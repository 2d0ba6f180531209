package vn.hoctap.register.web;

import vn.hoctap.accounts.Access;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.register.Register;
import vn.hoctap.register.RegisterImports;
import vn.hoctap.register.RegisterStandards;
import vn.hoctap.register.RegisterUnits;
import vn.hoctap.register.internal.PersonColumns;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;

/** Sổ phổ cập: the register pages (list and search, edit, import with progress, export). */
@Controller
class RegisterController {

    private final Register register;
    private final RegisterImports imports;
    private final RegisterStandards standards;
    private final AccessGuard guard;
    private final vn.hoctap.register.RegisterImportReview history;
    private final org.springframework.context.MessageSource messages;

    RegisterController(Register register, RegisterImports imports, RegisterStandards standards, AccessGuard guard,
                       vn.hoctap.register.RegisterImportReview history, org.springframework.context.MessageSource messages) {
        this.history = history;
        this.messages = messages;
        this.register = register;
        this.imports = imports;
        this.standards = standards;
        this.guard = guard;
    }

    static int defaultYear(List<Integer> years) {
        return years.isEmpty() ? HanoiTime.today().getYear() : years.get(years.size() - 1);
    }

    /** The communes of the year the user may read, for the commune selector. */
    List<Unit> readableCommunes(int year) {
        Units u = standards.unitsFor(year);
        return u.communes().stream().filter(c -> guard.canForYear(DataKind.PERSON_ROWS, AccessAction.READ, c.code(), year))
                .sorted(java.util.Comparator.comparing(Unit::name, vn.hoctap.platform.VietnameseText.ORDER)).toList();
    }

    /** Persons per page of the register list. */
    static final int PAGE_SIZE = 50;

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    @GetMapping("/register")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String commune,
                @RequestParam(required = false) String q, @RequestParam(required = false) Integer ageFrom,
                @RequestParam(required = false) Integer ageTo, @RequestParam(required = false) String village,
                @RequestParam(required = false) String disability, @RequestParam(required = false) String criterion,
                @RequestParam(defaultValue = "1") int page, Model model) {
        List<Integer> years = standards.years();
        int y = year == null ? defaultYear(years) : year;
        List<Unit> communes = readableCommunes(y);
        String c = commune;
        if ((c == null || c.isBlank()) && !communes.isEmpty()) {
            c = communes.get(0).code();
        }
        model.addAttribute("years", years);
        model.addAttribute("year", y);
        model.addAttribute("communes", communes);
        model.addAttribute("commune", c);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("ageFrom", ageFrom);
        model.addAttribute("ageTo", ageTo);
        model.addAttribute("village", village == null ? "" : village);
        model.addAttribute("disability", disability == null ? "" : disability);
        model.addAttribute("criterion", criterion == null ? "" : criterion);
        model.addAttribute("disabilities", Person.Disability.values());
        model.addAttribute("criteria", Criterion.values());
        if (c != null && !c.isBlank()) {
            Person.Disability dis = null;
            for (Person.Disability d : Person.Disability.values()) {
                if (d.code().equals(disability)) {
                    dis = d;
                }
            }
            Register.Filter filter = new Register.Filter(q, ageFrom, ageTo, village, dis, null);
            int p = Math.max(1, page);
            int offset = (p - 1) * PAGE_SIZE;
            Criterion crit = criterion == null || criterion.isBlank() ? null : Criterion.parse(criterion);
            Register.Page result;
            if (crit != null) {
                // the persons behind the criterion's shortfall, filtered the same way, paged in memory
                List<Person> all = standards.shortfall(y, c, crit).stream().filter(matches(filter, y)).toList();
                result = new Register.Page(all.subList(Math.min(offset, all.size()), Math.min(offset + PAGE_SIZE, all.size())),
                        all.size(), offset, PAGE_SIZE);
            } else {
                result = register.page(y, c, filter, offset, PAGE_SIZE);
            }
            model.addAttribute("count", register.count(y, c));
            model.addAttribute("result", result);
            model.addAttribute("page", p);
            model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
            model.addAttribute("villages", register.villages(y, c));
            model.addAttribute("canWrite", guard.can(DataKind.PERSON_ROWS, AccessAction.WRITE, c));
            model.addAttribute("filtered", filter.query() != null && !filter.query().isBlank() || ageFrom != null || ageTo != null
                    || (village != null && !village.isBlank()) || dis != null || crit != null);
        }
        return "register/list";
    }

    /** The same filter as {@link Register#page} for a list already in memory (the persons behind a shortfall). */
    static java.util.function.Predicate<Person> matches(Register.Filter f, int year) {
        String q = f.query() == null ? "" : vn.hoctap.platform.VietnameseText.fold(f.query());
        return p -> (q.isEmpty() || PersonColumns.searchKey(p).contains(q))
                && (f.ageFrom() == null || year - p.birthYear() >= f.ageFrom())
                && (f.ageTo() == null || year - p.birthYear() <= f.ageTo())
                && (f.village() == null || f.village().isBlank() || f.village().equals(p.village()))
                && (f.disability() == null || f.disability() == p.disability());
    }

    /** Hộ gia đình: the persons of one household of a commune's register. */
    @GetMapping("/register/{year}/household")
    @vn.hoctap.accounts.Access(kind = vn.hoctap.accounts.DataKind.PERSON_ROWS, action = vn.hoctap.accounts.AccessAction.READ)
    String household(@PathVariable int year, @RequestParam String commune, @RequestParam String id, Model model) {
        Register.Page members = register.page(year, commune, new Register.Filter(null, null, null, null, null, id), 0, 200);
        if (members.total() == 0) {
            throw new NotFoundException("register.household.not-found", id);
        }
        model.addAttribute("year", year);
        model.addAttribute("commune", commune);
        model.addAttribute("communeName", communeName(year, commune));
        model.addAttribute("householdId", id);
        model.addAttribute("persons", members.persons());
        model.addAttribute("village", members.persons().get(0).village());
        return "register/household";
    }

    private String communeName(int year, String code) {
        return standards.unitsFor(year).get(code).map(Unit::name).orElse(code);
    }

    /** The coded fields of the edit form and their values (labels: register.option.COLUMN.CODE). */
    static final Map<String, List<String>> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("sex", codes(Person.Sex.values()));
        OPTIONS.put("residence", codes(Person.Residence.values()));
        OPTIONS.put("disability", codes(Person.Disability.values()));
        OPTIONS.put("enrolment", codes(Person.Enrolment.values()));
        OPTIONS.put("qualification", codes(Person.Qualification.values()));
        OPTIONS.put("digital_skills", codes(Person.DigitalSkills.values()));
        OPTIONS.put("yesno", List.of("true", "false"));
    }

    private static List<String> codes(Person.Coded[] values) {
        return java.util.Arrays.stream(values).map(Person.Coded::code).toList();
    }

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    @GetMapping("/register/{year}/{personId}")
    String edit(@PathVariable int year, @PathVariable String personId, Model model) {
        Register.Entry e = register.get(year, personId);
        model.addAttribute("year", year);
        model.addAttribute("entry", e);
        if (!model.containsAttribute("cells")) {
            Map<String, String> cells = new LinkedHashMap<>();
            List<String> values = PersonColumns.cells(e.person());
            for (int i = 0; i < values.size(); i++) {
                cells.put(PersonColumns.CSV_COLUMNS.get(i), values.get(i));
            }
            model.addAttribute("cells", cells);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> cells = (Map<String, String>) model.getAttribute("cells");
        String birth = cells.getOrDefault("birth_date", "");
        model.addAttribute("birthDay", birth.length() == 10 ? birth : "");
        model.addAttribute("birthYear", birth.length() >= 4 ? birth.substring(0, 4) : "");
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Object issues = model.getAttribute("issues");
        if (issues instanceof List<?> list) {
            for (Object o : list) {
                vn.hoctap.standards.core.ImportIssue i = (vn.hoctap.standards.core.ImportIssue) o;
                String col = i.column() == null ? "form" : i.column();
                errors.computeIfAbsent(col, k -> new java.util.ArrayList<>())
                        .add(java.util.Locale.ENGLISH.getLanguage().equals(
                                org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage()) ? i.reasonEn() : i.reasonVi());
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("options", OPTIONS);
        model.addAttribute("graded", GRADED);
        model.addAttribute("gradeLevels", java.util.stream.IntStream.rangeClosed(0, 12).mapToObj(String::valueOf).toList());
        model.addAttribute("literacyStages", List.of("0", "1", "2"));
        model.addAttribute("communes", readableCommunes(year).stream().filter(u -> guard.canWrite(u.code())
                || u.code().equals(e.person().communeCode())).toList());
        model.addAttribute("villages", register.villages(year, e.person().communeCode()));
        model.addAttribute("communeName", communeName(year, e.person().communeCode()));
        model.addAttribute("canWrite", guard.can(DataKind.PERSON_ROWS, AccessAction.WRITE, e.person().communeCode()));
        return "register/edit";
    }

    /** Enrolments for which a grade is asked (register-csv.md: grade when primary, lower or upper secondary). */
    static final java.util.Set<String> GRADED = java.util.Set.of("primary", "lower_secondary", "upper_secondary");

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @PostMapping("/register/{year}/{personId}")
    String save(@PathVariable int year, @PathVariable String personId, @RequestParam Map<String, String> form,
                RedirectAttributes redirect) {
        int version = Integer.parseInt(form.getOrDefault("version", "-1"));
        Map<String, String> cells = new LinkedHashMap<>();
        for (String col : PersonColumns.CSV_COLUMNS) {
            if (form.containsKey(col)) {
                cells.put(col, form.get(col));
            }
        }
        // the date of birth: the full date when known, else the year alone
        String day = form.getOrDefault("birth_day", "").strip();
        String yearOnly = form.getOrDefault("birth_year", "").strip();
        if (form.containsKey("birth_day") || form.containsKey("birth_year")) {
            cells.put("birth_date", !day.isEmpty() ? day : yearOnly);
        }
        // a grade only for the enrolments that have grades (the field is hidden otherwise)
        if (!GRADED.contains(cells.getOrDefault("enrolment", ""))) {
            cells.put("grade", "");
        }
        try {
            register.update(year, personId, cells, version);
            redirect.addFlashAttribute("saved", personId);
        } catch (Register.InvalidPersonException e) {
            redirect.addFlashAttribute("issues", e.issues());
            redirect.addFlashAttribute("cells", cells);
        }
        return "redirect:/register/" + year + "/" + personId;
    }

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @GetMapping("/register/import")
    String importForm(Model model) {
        model.addAttribute("year", defaultYear(standards.years()));
        model.addAttribute("columns", PersonColumns.CSV_COLUMNS);
        model.addAttribute("choices", choices());
        return "register/import";
    }

    /** The coded columns of the exchange format and their allowed values (for the template's drop-down lists). */
    static Map<String, List<String>> choices() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("sex", OPTIONS.get("sex"));
        m.put("residence", OPTIONS.get("residence"));
        m.put("disability", OPTIONS.get("disability"));
        m.put("enrolment", OPTIONS.get("enrolment"));
        m.put("highest_grade_completed", java.util.stream.IntStream.rangeClosed(0, 12).mapToObj(String::valueOf).toList());
        m.put("literacy_stage_completed", List.of("0", "1", "2"));
        m.put("employed", OPTIONS.get("yesno"));
        m.put("qualification", OPTIONS.get("qualification"));
        m.put("digital_skills", OPTIONS.get("digital_skills"));
        m.put("information_literacy", OPTIONS.get("yesno"));
        m.put("life_skills", OPTIONS.get("yesno"));
        return m;
    }

    /**
     * Mẫu nhập sổ: an Excel file with the exchange format's header row, a drop-down list on every coded column (so
     * that nobody types "lower_secondary" by hand) and a second sheet explaining each column and value in words.
     */
    @GetMapping("/register/import/template.xlsx")
    @vn.hoctap.accounts.Access(kind = vn.hoctap.accounts.DataKind.PERSON_ROWS, action = vn.hoctap.accounts.AccessAction.WRITE)
    void template(java.util.Locale locale, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mau-so-pho-cap.xlsx\"");
        Map<String, List<String>> choices = choices();
        List<vn.hoctap.platform.ImportTemplate.Column> columns = new java.util.ArrayList<>();
        for (String col : PersonColumns.CSV_COLUMNS) {
            List<vn.hoctap.platform.ImportTemplate.Choice> allowed = new java.util.ArrayList<>();
            List<String> values = choices.get(col);
            if (values != null) {
                boolean yesNo = OPTIONS.get("yesno") == values;
                for (String v : values) {
                    String label = yesNo ? message(v.equals("true") ? "register.option.yes" : "register.option.no", locale)
                            : messages.getMessage("register.option." + col + "." + v, null, v, locale);
                    allowed.add(new vn.hoctap.platform.ImportTemplate.Choice(v, label));
                }
            }
            columns.add(new vn.hoctap.platform.ImportTemplate.Column(col, message("register.field." + col, locale), allowed));
        }
        vn.hoctap.platform.ImportTemplate.write("persons", columns, vn.hoctap.platform.ImportTemplate.texts(messages, locale), response.getOutputStream());
    }

    private String message(String key, java.util.Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @PostMapping("/register/import")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam int year, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            throw ValidationException.of("file", "register.import.empty");
        }
        if (year < 2000 || year > HanoiTime.today().getYear() + 1) {
            throw ValidationException.of("year", "register.import.year");
        }
        // the part is already on disk (file-size-threshold 0): moved, not read into memory or copied
        Path tmp = Files.createTempFile("hoctap-upload-", ".bin");
        Files.delete(tmp);
        file.transferTo(tmp.toFile());
        String name = file.getOriginalFilename() == null ? "register.csv" : Path.of(file.getOriginalFilename()).getFileName().toString();
        RegisterImports.Job job = imports.start(tmp, name, year);
        return "redirect:/register/import/" + job.id();
    }

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @GetMapping("/register/import/{id}")
    String job(@PathVariable String id, Model model) {
        model.addAttribute("job", imports.job(id).orElseThrow(() -> new NotFoundException("register.import.no-job", id)));
        return "register/job";
    }

    /** The progress fragment, polled by htmx until the job has finished. */
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @GetMapping("/register/import/{id}/status")
    String status(@PathVariable String id, Model model) {
        model.addAttribute("job", imports.job(id).orElseThrow(() -> new NotFoundException("register.import.no-job", id)));
        return "register/job :: status";
    }

    /** Các lần nhập sổ của một năm: what each changed, and undo. */
    @GetMapping("/register/imports")
    @vn.hoctap.accounts.Access(kind = vn.hoctap.accounts.DataKind.PERSON_ROWS, action = vn.hoctap.accounts.AccessAction.READ)
    String imports(@RequestParam(required = false) Integer year, Model model) {
        List<Integer> years = standards.years();
        int y = year == null ? defaultYear(years) : year;
        model.addAttribute("years", years);
        model.addAttribute("year", y);
        model.addAttribute("imports", history.list(y));
        model.addAttribute("retentionDays", vn.hoctap.register.RegisterImportReview.RETENTION.toDays());
        model.addAttribute("times", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(HanoiTime.ZONE));
        return "register/history";
    }

    @GetMapping("/register/imports/{id}")
    @vn.hoctap.accounts.Access(kind = vn.hoctap.accounts.DataKind.PERSON_ROWS, action = vn.hoctap.accounts.AccessAction.READ)
    String importChanges(@PathVariable long id, Model model) {
        model.addAttribute("c", history.changes(id));
        model.addAttribute("times", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(HanoiTime.ZONE));
        return "register/changes";
    }

    @PostMapping("/register/imports/{id}/undo")
    @vn.hoctap.accounts.Access(kind = vn.hoctap.accounts.DataKind.PERSON_ROWS, action = vn.hoctap.accounts.AccessAction.WRITE)
    String undoImport(@PathVariable long id, RedirectAttributes redirect) {
        try {
            history.undo(id);
            redirect.addFlashAttribute("undone", id);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("undoErrors", e.errors());
        }
        return "redirect:/register/imports/" + id;
    }

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.EXPORT)
    @GetMapping("/register/export")
    void export(@RequestParam int year, @RequestParam String commune, @RequestParam(defaultValue = "vi") String headers,
                Locale locale, HttpServletResponse response) throws IOException {
        guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.EXPORT, commune, year);   // before any header; the service checks again
        boolean machine = "en".equals(headers);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"persons-" + commune + "-" + year
                + (machine ? "" : "-doc") + ".csv\"");
        OutputStreamWriter w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // a byte-order mark so that Excel on Windows reads the Vietnamese text as UTF-8; the import strips it
        w.write('\uFEFF');
        // issue 19: the field names of the form (register.field.*) by default; headers=en keeps the exchange format's
        // machine headers (register-csv.md), the file that imports back unchanged
        register.export(year, commune, w, machine ? null : Register.exportColumns().stream()
                .map(c -> messages.getMessage("register.field." + c, null, c, locale)).toList());
    }
}
