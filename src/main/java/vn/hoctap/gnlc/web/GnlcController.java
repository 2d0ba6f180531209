package vn.hoctap.gnlc.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.gnlc.core.KeyFeatures;
import vn.hoctap.gnlc.internal.GnlcEvidence;
import vn.hoctap.gnlc.internal.GnlcFramework;
import vn.hoctap.gnlc.internal.GnlcReports;
import vn.hoctap.gnlc.internal.ReportDocuments;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Thành phố học tập UNESCO: the overview (membership, report deadline, gap view), an area's evidence, international
 * cooperation, the questionnaires with their answers side by side in Vietnamese and English, and the English export.
 */
@Controller
@Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.READ)
class GnlcController {

    private final GnlcFramework framework;
    private final GnlcEvidence evidence;
    private final GnlcReports reports;
    private final ReportDocuments documents;
    private final AccessGuard guard;
    private final MessageSource messages;

    GnlcController(GnlcFramework framework, GnlcEvidence evidence, GnlcReports reports, ReportDocuments documents,
                   AccessGuard guard, MessageSource messages) {
        this.framework = framework;
        this.evidence = evidence;
        this.reports = reports;
        this.documents = documents;
        this.guard = guard;
        this.messages = messages;
    }

    List<String> errors(ValidationException e, Locale locale) {
        List<String> out = new ArrayList<>();
        if (e instanceof GnlcReports.BadFile b) {
            var f = b.located();
            out.add(messages.getMessage("gnlc.file.error", new Object[] {f.file(), f.line(), f.field(),
                    messages.getMessage(f.reasonKey(), null, f.reasonKey(), locale), f.value()}, locale));
            return out;
        }
        e.errors().forEach((field, key) -> out.add(messages.getMessage(key, null, key, locale)));
        return out;
    }

    boolean can(AccessAction action) {
        return guard.allows(DataKind.GNLC_EVIDENCE, action);
    }

    @GetMapping("/gnlc")
    String index(Model model) {
        model.addAttribute("membership", framework.membership());
        model.addAttribute("framework", framework.framework());
        model.addAttribute("mapVersion", framework.indicatorMap().version());
        model.addAttribute("gap", evidence.gap());
        model.addAttribute("questionnaires", reports.questionnaires());
        model.addAttribute("canLoad", can(AccessAction.WRITE) && guard.canWrite(GnlcFramework.CITY));
        return "gnlc/index";
    }

    @GetMapping("/gnlc/areas/{code}")
    String area(@PathVariable String code, Model model) {
        KeyFeatures fw = framework.framework();
        KeyFeatures.Area area = fw.area(code).orElseThrow(() -> new NotFoundException("gnlc.error.not-found"));
        List<Map<String, Object>> targets = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        codes.add(code);
        fw.featuresOf(code).forEach(f -> codes.add(f.code()));
        for (String c : codes) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("code", c);
            t.put("feature", fw.feature(c).orElse(null));
            t.put("indicators", evidence.indicators(c));
            t.put("evidence", evidence.evidence(c));
            t.put("cooperation", evidence.cooperation(c));
            targets.add(t);
        }
        model.addAttribute("area", area);
        model.addAttribute("group", fw.groups().stream().filter(g -> g.code().equals(area.group())).findFirst().orElseThrow());
        model.addAttribute("features", fw.featuresOf(code));
        model.addAttribute("targets", targets);
        model.addAttribute("units", evidence.writableUnits());
        model.addAttribute("deletable", evidence.writableUnits().stream().map(vn.hoctap.units.core.UnitVersion::code)
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("kinds", List.of("DOCUMENT", "PRACTICE", "EVENT", "PARTNERSHIP", "PHOTO"));
        model.addAttribute("isAdmin", guard.currentUser().map(u -> u.isAdmin()).orElse(false));
        model.addAttribute("today", LocalDate.now(vn.hoctap.platform.HanoiTime.ZONE));
        return "gnlc/area";
    }

    @PostMapping("/gnlc/evidence")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.WRITE)
    String addEvidence(@RequestParam String area, @RequestParam String target, @RequestParam String kind,
                       @RequestParam String titleVi, @RequestParam(required = false) String titleEn,
                       @RequestParam(required = false) String descriptionVi, @RequestParam(required = false) String descriptionEn,
                       @RequestParam(required = false) LocalDate dateFrom, @RequestParam(required = false) LocalDate dateTo,
                       @RequestParam String owner, @RequestParam String language, @RequestParam String unit,
                       @RequestParam(required = false) String link, @RequestParam(required = false) MultipartFile file,
                       RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            boolean hasFile = file != null && !file.isEmpty();
            evidence.add(new GnlcEvidence.NewEvidence(target, kind, titleVi, titleEn, descriptionVi, descriptionEn, dateFrom, dateTo,
                    owner, language, unit, link, hasFile ? file.getOriginalFilename() : null, hasFile ? file.getContentType() : null,
                    hasFile ? file.getBytes() : null));
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/gnlc/areas/" + framework.framework().area(area).map(KeyFeatures.Area::code).orElse("1.1");
    }

    /** Types served as themselves; anything else (HTML, SVG, scripts…) is sent as bytes to download. */
    static final java.util.Set<String> SAFE_TYPES = java.util.Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp", "text/plain");

    @PostMapping("/gnlc/evidence/{id}/delete")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.WRITE)
    String deleteEvidence(@PathVariable long id, @RequestParam String area, RedirectAttributes redirect) {
        evidence.delete(id);
        redirect.addFlashAttribute("deleted", true);
        return "redirect:/gnlc/areas/" + framework.framework().area(area).map(KeyFeatures.Area::code).orElse("1.1");
    }

    @GetMapping("/gnlc/evidence/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        GnlcEvidence.StoredFile f = evidence.file(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(SAFE_TYPES.contains(f.type()) ? MediaType.parseMediaType(f.type()) : MediaType.APPLICATION_OCTET_STREAM)
                .header("X-Content-Type-Options", "nosniff")
                .body(f.bytes());
    }

    @PostMapping("/gnlc/features")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.WRITE)
    String addFeature(@RequestParam String area, @RequestParam String wordingVi, @RequestParam String wordingEn,
                      @RequestParam(required = false) String measurementsVi, @RequestParam(required = false) String measurementsEn,
                      @RequestParam String source, RedirectAttributes redirect, Locale locale) {
        try {
            framework.addFeature(area, wordingVi, wordingEn, measurementsVi, measurementsEn, source);
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/gnlc/areas/" + framework.framework().area(area).map(KeyFeatures.Area::code).orElse("1.1");
    }

    @GetMapping("/gnlc/cooperation")
    String cooperation(Model model) {
        model.addAttribute("rows", evidence.cooperation());
        model.addAttribute("framework", framework.framework());
        model.addAttribute("kinds", List.of("PARTNER_CITY", "CLUSTER", "VISIT", "JOINT_PROJECT"));
        model.addAttribute("canWrite", can(AccessAction.WRITE) && guard.canWrite(GnlcFramework.CITY));
        return "gnlc/cooperation";
    }

    @PostMapping("/gnlc/cooperation")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.WRITE)
    String addCooperation(@RequestParam String kind, @RequestParam String partner, @RequestParam(required = false) String country,
                          @RequestParam String titleVi, @RequestParam(required = false) String titleEn,
                          @RequestParam(required = false) LocalDate dateFrom, @RequestParam(required = false) LocalDate dateTo,
                          @RequestParam(required = false) String outcomesVi, @RequestParam(required = false) String outcomesEn,
                          @RequestParam String target, RedirectAttributes redirect, Locale locale) {
        try {
            evidence.addCooperation(new GnlcEvidence.NewCooperation(kind, partner, country, titleVi, titleEn, dateFrom, dateTo,
                    outcomesVi, outcomesEn, target));
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/gnlc/cooperation";
    }

    @GetMapping("/gnlc/questionnaires/{code}")
    String questionnaire(@PathVariable String code, Model model) {
        GnlcReports.Report r = reports.report(code);
        KeyFeatures fw = framework.framework();
        Map<String, String> targetNamesVi = new LinkedHashMap<>();
        Map<String, String> targetNamesEn = new LinkedHashMap<>();
        fw.areas().forEach(a -> {
            targetNamesVi.put(a.code(), a.nameVi());
            targetNamesEn.put(a.code(), a.nameEn());
        });
        fw.features().forEach(f -> {
            targetNamesVi.put(f.code(), f.wordingVi());
            targetNamesEn.put(f.code(), f.wordingEn());
        });
        model.addAttribute("report", r);
        model.addAttribute("q", r.questionnaire());
        model.addAttribute("answers", r.answers());
        model.addAttribute("namesVi", targetNamesVi);
        model.addAttribute("namesEn", targetNamesEn);
        model.addAttribute("canWrite", can(AccessAction.WRITE) && guard.canWrite(GnlcFramework.CITY));
        model.addAttribute("canApprove", can(AccessAction.APPROVE) && guard.canWrite(GnlcFramework.CITY));
        model.addAttribute("canExport", can(AccessAction.EXPORT));
        return "gnlc/questionnaire";
    }

    @PostMapping("/gnlc/questionnaires")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.WRITE)
    String load(@RequestParam MultipartFile file, RedirectAttributes redirect, Locale locale) throws IOException {
        try {
            String code = reports.load(file.getBytes(), file.getOriginalFilename() == null ? "questionnaire.txt" : file.getOriginalFilename());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/gnlc/questionnaires/" + code;
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", errors(e, locale));
            return "redirect:/gnlc";
        }
    }

    @PostMapping("/gnlc/questionnaires/{code}/{number}/draft")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.WRITE)
    String draft(@PathVariable String code, @PathVariable int number, RedirectAttributes redirect) {
        reports.draft(code, number);
        redirect.addFlashAttribute("drafted", number);
        return "redirect:/gnlc/questionnaires/" + code + "#q" + number;
    }

    @PostMapping("/gnlc/questionnaires/{code}/{number}")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.WRITE)
    String save(@PathVariable String code, @PathVariable int number, @RequestParam(required = false) String textVi,
                @RequestParam(required = false) String textEn, RedirectAttributes redirect) {
        reports.save(code, number, textVi, textEn);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/gnlc/questionnaires/" + code + "#q" + number;
    }

    @PostMapping("/gnlc/questionnaires/{code}/{number}/approve")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.APPROVE)
    String approve(@PathVariable String code, @PathVariable int number, RedirectAttributes redirect, Locale locale) {
        try {
            reports.approve(code, number);
            redirect.addFlashAttribute("approved", number);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", errors(e, locale));
        }
        return "redirect:/gnlc/questionnaires/" + code + "#q" + number;
    }

    @GetMapping("/gnlc/questionnaires/{code}/report.docx")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.EXPORT)
    ResponseEntity<byte[]> docx(@PathVariable String code) {
        byte[] body = documents.docx(reports.reportForExport(code), framework.membership());
        return download(body, "hanoi-" + code + "-en.docx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    @GetMapping("/gnlc/questionnaires/{code}/report.pdf")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.EXPORT)
    ResponseEntity<byte[]> pdf(@PathVariable String code) {
        byte[] body = documents.pdf(reports.reportForExport(code), framework.membership());
        return download(body, "hanoi-" + code + "-en.pdf", MediaType.APPLICATION_PDF);
    }

    static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(type).body(body);
    }
}
