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
import vn.hoctap.standards.Unit;
import vn.hoctap.standards.Units;

/** Sổ phổ cập: the register pages (list and search, edit, import with progress, export). */
@Controller
class RegisterController {

    private final Register register;
    private final RegisterImports imports;
    private final RegisterStandards standards;
    private final AccessGuard guard;

    RegisterController(Register register, RegisterImports imports, RegisterStandards standards, AccessGuard guard) {
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
        return u.communes().stream().filter(c -> guard.canForYear(DataKind.PERSON_ROWS, AccessAction.READ, c.code(), year)).toList();
    }

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.READ)
    @GetMapping("/register")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String commune,
                @RequestParam(required = false) String q, Model model) {
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
        if (c != null && !c.isBlank()) {
            model.addAttribute("count", register.count(y, c));
            model.addAttribute("persons", register.search(y, c, q, 200));
            model.addAttribute("canWrite", guard.can(DataKind.PERSON_ROWS, AccessAction.WRITE, c));
        }
        return "register/list";
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
        model.addAttribute("columns", PersonColumns.CSV_COLUMNS.subList(1, PersonColumns.CSV_COLUMNS.size()));
        model.addAttribute("canWrite", guard.can(DataKind.PERSON_ROWS, AccessAction.WRITE, e.person().communeCode()));
        return "register/edit";
    }

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
        return "register/import";
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
        Path tmp = Files.createTempFile("hoctap-upload-", ".bin");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        }
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

    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.EXPORT)
    @GetMapping("/register/export")
    void export(@RequestParam int year, @RequestParam String commune, HttpServletResponse response) throws IOException {
        guard.requireForYear(DataKind.PERSON_ROWS, AccessAction.EXPORT, commune, year);   // before any header; the service checks again
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"persons-" + commune + "-" + year + ".csv\"");
        register.export(year, commune, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
