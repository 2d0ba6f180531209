package vn.hoctap.reporting.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ImportTemplate;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.reporting.OrganisationRegistry;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/** Sổ danh mục cơ quan, tổ chức: the register of a commune, its import (dry run first) and an organisation's edit form. */
@Controller
class RegistryController {

    private final OrganisationRegistry registry;
    private final UnitDirectory units;
    private final AccessGuard guard;
    private final MessageSource messages;

    RegistryController(OrganisationRegistry registry, UnitDirectory units, AccessGuard guard, MessageSource messages) {
        this.registry = registry;
        this.units = units;
        this.guard = guard;
        this.messages = messages;
    }

    Map<String, String> communes() {
        Map<String, String> names = new LinkedHashMap<>();
        for (UnitVersion u : units.unitsOn(HanoiTime.today())) {
            if (u.level() == UnitLevel.COMMUNE && guard.canRead(u.code())) names.put(u.code(), u.name());
        }
        return names;
    }

    @GetMapping("/reporting/registry")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.READ)
    String list(@RequestParam(required = false) String commune, Model model, Locale locale) {
        Map<String, String> names = communes();
        String c = commune != null && !commune.isBlank() ? commune : names.size() == 1 ? names.keySet().iterator().next() : null;
        model.addAttribute("communes", names);
        model.addAttribute("commune", c);
        model.addAttribute("entries", c == null ? List.of() : registry.entries(c));
        model.addAttribute("today", HanoiTime.today());
        boolean canWrite = guard.allows(DataKind.ORGANISATIONS, AccessAction.WRITE);
        model.addAttribute("canWrite", canWrite);
        if (canWrite) model.addAttribute("format", templateColumns(locale));
        return "reporting/registry";
    }

    @PostMapping("/reporting/registry/import")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    String importCsv(@RequestParam(required = false) String text,
                     @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                     @RequestParam(defaultValue = "false") boolean dryRun, RedirectAttributes flash, Locale locale) throws java.io.IOException {
        OrganisationRegistry.ImportResult r;
        if (file != null && !file.isEmpty()) {
            // a file (the Excel template filled in, or a CSV) rather than pasted text
            byte[] bytes = file.getBytes();
            r = vn.hoctap.platform.FileTypes.XLSX.equals(vn.hoctap.platform.FileTypes.detect(bytes))
                    ? registry.importXlsx(bytes, dryRun) : registry.importCsv(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), dryRun);
            text = null;
        } else {
            r = registry.importCsv(text == null ? "" : text, dryRun);
        }
        flash.addFlashAttribute("result", r);
        flash.addFlashAttribute("errorLines", r.errors().stream().map(e -> messages.getMessage("registry.import.line",
                new Object[] {e.line(), e.column(), e.value(), messages.getMessage(e.reason(), null, e.reason(), locale)}, locale)).toList());
        if (dryRun || !r.ok()) flash.addFlashAttribute("text", text);
        return "redirect:/reporting/registry";
    }

    /**
     * The register file uploaded from the page: an XLSX workbook or a CSV file (judged by its bytes, and its extension must
     * agree), then exactly as the API: all or nothing, errors by line and column.
     */
    @PostMapping("/reporting/registry/upload")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    String upload(@RequestParam("file") org.springframework.web.multipart.MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
                  RedirectAttributes flash, Locale locale) throws java.io.IOException {
        byte[] bytes = file.getBytes();
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        String type = bytes.length == 0 ? "" : vn.hoctap.platform.FileTypes.detect(bytes);
        OrganisationRegistry.ImportResult r;
        if (vn.hoctap.platform.FileTypes.XLSX.equals(type) && name.endsWith(".xlsx")) {
            r = registry.importXlsx(bytes, dryRun);
        } else if (type.startsWith("text/") && name.endsWith(".csv")) {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            r = registry.importCsv(text.startsWith("\uFEFF") ? text.substring(1) : text, dryRun);
        } else {
            r = new OrganisationRegistry.ImportResult(dryRun, 0, 0, 0, List.of(new OrganisationRegistry.ImportError(1, "file",
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), "registry.import.file-type")));
        }
        flash.addFlashAttribute("result", r);
        flash.addFlashAttribute("fileName", file.getOriginalFilename());
        flash.addFlashAttribute("errorLines", r.errors().stream().map(e -> messages.getMessage("registry.import.file-line",
                new Object[] {file.getOriginalFilename(), e.line(), e.column(), e.value(), messages.getMessage(e.reason(), null, e.reason(), locale)},
                locale)).toList());
        return "redirect:/reporting/registry";
    }

    /** The columns of the organisations exchange format, with their allowed values in words. */
    List<ImportTemplate.Column> templateColumns(Locale locale) {
        java.util.function.Function<String, String> m = k -> messages.getMessage(k, null, k, locale);
        List<ImportTemplate.Choice> kinds = new java.util.ArrayList<>();
        for (vn.hoctap.reporting.core.OrganisationKind k : vn.hoctap.reporting.core.OrganisationKind.values()) {
            kinds.add(new ImportTemplate.Choice(k.code(), m.apply("reporting.kind." + k.code())));
        }
        List<ImportTemplate.Choice> levels = OrganisationRegistry.LEVELS.stream()
                .map(l -> new ImportTemplate.Choice(l, m.apply("registry.level." + l))).toList();
        List<ImportTemplate.Choice> ownership = List.of(new ImportTemplate.Choice("public", m.apply("registry.ownership.public")),
                new ImportTemplate.Choice("private", m.apply("registry.ownership.private")));
        List<ImportTemplate.Choice> communes = communes().entrySet().stream()
                .filter(e -> guard.can(DataKind.ORGANISATIONS, AccessAction.WRITE, e.getKey()))
                .map(e -> new ImportTemplate.Choice(e.getKey(), e.getValue())).toList();
        List<ImportTemplate.Choice> former = new java.util.ArrayList<>();
        for (UnitVersion u : units.unitsOn(LocalDate.of(2025, 6, 30))) {
            if (u.level() == UnitLevel.COMMUNE) former.add(new ImportTemplate.Choice(u.code(), u.name()));
        }
        return List.of(
                ImportTemplate.Column.free("code", m.apply("registry.template.code")),
                ImportTemplate.Column.free("name", m.apply("registry.template.name")),
                new ImportTemplate.Column("kind", m.apply("reporting.organisation.kind"), kinds),
                new ImportTemplate.Column("school_level", m.apply("registry.template.school-level"), levels),
                new ImportTemplate.Column("ownership", m.apply("registry.ownership"), ownership),
                new ImportTemplate.Column("commune_code", m.apply("reporting.commune"), communes),
                ImportTemplate.Column.free("staff", m.apply("registry.staff")),
                ImportTemplate.Column.free("valid_from", m.apply("registry.template.valid-from")),
                ImportTemplate.Column.free("valid_until", m.apply("registry.template.valid-until")),
                new ImportTemplate.Column("former_commune_code", m.apply("registry.template.former"), former));
    }

    /**
     * Mẫu nhập sổ danh mục: the organisations exchange format (docs/contracts/organisations-csv.md) as an Excel workbook
     * with drop-down lists for the kind, school level, ownership, the user's communes and the former communes.
     */
    @GetMapping("/reporting/registry/template.xlsx")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    void template(Locale locale, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        guard.require(DataKind.ORGANISATIONS, AccessAction.WRITE);
        List<ImportTemplate.Column> columns = templateColumns(locale);
        response.setContentType(vn.hoctap.platform.FileTypes.XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"mau-so-danh-muc.xlsx\"");
        ImportTemplate.write("organisations", columns, ImportTemplate.texts(messages, locale), response.getOutputStream());
    }

    @GetMapping("/reporting/registry/{id}")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.READ)
    String entry(@PathVariable long id, Model model) {
        model.addAttribute("e", registry.entry(id));
        model.addAttribute("levels", OrganisationRegistry.LEVELS);
        return "reporting/registry-entry";
    }

    @PostMapping("/reporting/registry/{id}")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    String update(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String schoolLevel,
                  @RequestParam String ownership, @RequestParam(required = false) Integer staff, @RequestParam LocalDate validFrom,
                  @RequestParam(required = false) LocalDate validUntil, @RequestParam(required = false) Integer itStaff,
                  RedirectAttributes flash) {
        try {
            OrganisationRegistry.Entry e = registry.update(id, name, schoolLevel, ownership, staff, validFrom, validUntil, itStaff);
            flash.addFlashAttribute("saved", true);
            return "redirect:/reporting/registry?commune=" + e.communeCode();
        } catch (ValidationException ex) {
            flash.addFlashAttribute("errors", ex.errors());
            return "redirect:/reporting/registry/" + id;
        }
    }
}
