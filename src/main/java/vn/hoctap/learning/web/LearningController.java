package vn.hoctap.learning.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
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

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.learning.LearningEntry;
import vn.hoctap.learning.LearningRecord;
import vn.hoctap.platform.ValidationException;

/** Hồ sơ học tập suốt đời: the citizen's own record (page, PDF, Open Badges 3.0 JSON, share link), the public shared view, the API. */
@Controller
class LearningController {

    private final LearningRecord record;
    private final MessageSource messages;
    private final String publicUrl;

    LearningController(LearningRecord record, MessageSource messages, @Value("${hoctap.public-url:http://localhost:8080}") String publicUrl) {
        this.record = record;
        this.messages = messages;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/learning/me")
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.READ)
    String me(Model model) {
        model.addAttribute("linked", record.ownPersonId().isPresent());
        model.addAttribute("entries", record.ownPersonId().isPresent() ? record.ownEntries() : List.of());
        model.addAttribute("topics", LearningRecord.TOPICS);
        model.addAttribute("kinds", LearningRecord.KINDS);
        return "learning/me";
    }

    @GetMapping("/learning/me.pdf")
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.EXPORT)
    ResponseEntity<byte[]> pdf(Locale locale) {
        String[] cols = {m("learning.col.title", locale), m("learning.col.topic", locale), m("learning.col.provider", locale),
                m("learning.col.dates", locale), m("learning.col.hours", locale), m("learning.col.status", locale)};
        byte[] pdf = record.pdfOwn(m("learning.pdf.heading", locale), cols, locale, k -> m(k, locale));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ho-so-hoc-tap.pdf\"").body(pdf);
    }

    @GetMapping(value = "/learning/me.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.EXPORT)
    ResponseEntity<Map<String, Object>> json() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ho-so-hoc-tap.json\"")
                .body(record.exportOwn(publicUrl));
    }

    /** The record as a CLR 2.0 ClrCredential, signed (VC-JWT, served as text/plain like the titles' credentials). */
    @GetMapping(value = "/learning/me.clr.jwt", produces = MediaType.TEXT_PLAIN_VALUE)
    @ResponseBody
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.EXPORT)
    ResponseEntity<String> clr() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ho-so-hoc-tap.clr.jwt\"")
                .contentType(MediaType.TEXT_PLAIN).body(record.clrOwn(publicUrl));
    }

    @PostMapping("/learning/me/share")
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.EXPORT)
    String share(RedirectAttributes flash) {
        flash.addFlashAttribute("shareUrl", publicUrl.replaceAll("/$", "") + "/public/learning/shared/" + record.share());
        return "redirect:/learning/me";
    }

    @PostMapping("/learning/me/entries")
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.WRITE)
    String declare(@RequestParam String title, @RequestParam String kind, @RequestParam String topic, @RequestParam String provider,
                   @RequestParam LocalDate start, @RequestParam(required = false) LocalDate end, @RequestParam BigDecimal hours,
                   @RequestParam MultipartFile evidence, RedirectAttributes flash) throws IOException {
        try {
            record.declare(title, kind, topic, provider, start, end, hours, evidence.getOriginalFilename(), evidence.getContentType(),
                    evidence.getBytes());
            flash.addFlashAttribute("declared", true);
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/learning/me";
    }

    @GetMapping("/public/learning/shared/{token}")
    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    String shared(@PathVariable String token, Model model) {
        List<LearningEntry> entries = record.sharedEntries(token);
        model.addAttribute("entries", entries);
        model.addAttribute("personId", record.sharedPerson(token).orElse(""));
        return "learning/shared";
    }

    // ---- JSON API ----

    record LinkJson(String username, String personId, String communeCode) {
    }

    @PostMapping("/api/learning/links")
    @ResponseBody
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.WRITE)
    Map<String, Object> link(@RequestBody LinkJson body) {
        record.linkCitizen(body.username(), body.personId(), body.communeCode());
        return Map.of("username", body.username(), "person_id", body.personId());
    }

    @GetMapping("/api/learning/persons/{personId}/entries")
    @ResponseBody
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.READ)
    List<LearningEntry> entries(@PathVariable String personId) {
        return record.entries(personId);
    }

    @GetMapping("/api/learning/me")
    @ResponseBody
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.READ)
    List<LearningEntry> ownEntries() {
        return record.ownEntries();
    }

    @GetMapping("/api/learning/figures")
    @ResponseBody
    @Access(kind = DataKind.UNIT_AGGREGATES, action = AccessAction.READ)
    List<LearningRecord.CommuneYear> figures(@RequestParam int year) {
        return record.figures(year);
    }

    record FollowUpJson(String personId, String communeCode, int completedYear, int followYear, String status) {
    }

    @PostMapping("/api/learning/literacy-followups")
    @ResponseBody
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.WRITE)
    Map<String, Object> followUp(@RequestBody FollowUpJson body) {
        record.recordFollowUp(body.personId(), body.communeCode(), body.completedYear(), body.followYear(), body.status());
        return Map.of("person_id", body.personId(), "status", body.status());
    }

    private String m(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
