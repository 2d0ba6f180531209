package vn.hoctap.titles.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.titles.core.CampaignWorkflow;
import vn.hoctap.titles.core.CampaignWorkflow.Step;
import vn.hoctap.titles.core.CriteriaSet;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.TitleStatus;
import vn.hoctap.titles.internal.AutomaticCriteria;
import vn.hoctap.titles.internal.Campaigns;
import vn.hoctap.titles.internal.Certificates;
import vn.hoctap.titles.internal.CriteriaSets;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;
import vn.hoctap.units.Villages;

/** Danh hiệu học tập: campaigns, progress, a village's list with bulk actions, the evaluation page, criteria sets. */
@Controller
class TitlesController {

    private final Campaigns campaigns;
    private final CriteriaSets sets;
    private final Certificates certificates;
    private final AccessGuard guard;
    private final UnitDirectory units;
    private final Villages villages;
    private final Forms forms;

    TitlesController(Campaigns campaigns, CriteriaSets sets, Certificates certificates, AccessGuard guard, UnitDirectory units,
                     Villages villages, Forms forms) {
        this.campaigns = campaigns;
        this.sets = sets;
        this.certificates = certificates;
        this.guard = guard;
        this.units = units;
        this.villages = villages;
        this.forms = forms;
    }

    String unitName(String code) {
        return units.version(code, HanoiTime.today()).map(UnitVersion::name).orElse(code);
    }

    /** The units where the user may open a campaign: the city (city roles) and the writable communes. */
    List<UnitVersion> writableUnits() {
        return units.unitsOn(HanoiTime.today()).stream()
                .filter(u -> u.level() != UnitLevel.DISTRICT && guard.can(DataKind.TITLE_DOSSIER, AccessAction.APPROVE, u.code())).toList();
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.READ)
    @GetMapping("/titles")
    String index(Model model) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Campaigns.Campaign c : campaigns.campaigns()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("campaign", c);
            r.put("unitName", unitName(c.unitCode()));
            r.put("progress", campaigns.progress(c.id(), null));
            rows.add(r);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", TitleStatus.values());
        CurrentUser u = guard.requireUser();
        boolean opens = CampaignWorkflow.opensCampaigns(u.role()) && guard.allows(DataKind.TITLE_DOSSIER, AccessAction.APPROVE);
        model.addAttribute("canOpen", opens);
        if (opens) {
            model.addAttribute("openUnits", writableUnits());
            model.addAttribute("kinds", TitleKind.values());
            LocalDate t = HanoiTime.today();
            model.addAttribute("year", t.getYear());
            // suggested deadlines: two weeks per step from today (the officer changes them)
            model.addAttribute("d1", t.plusDays(14));
            model.addAttribute("d2", t.plusDays(28));
            model.addAttribute("d3", t.plusDays(42));
            model.addAttribute("d4", t.plusDays(56));
        }
        return "titles/index";
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.APPROVE)
    @PostMapping("/titles/campaigns")
    String open(@RequestParam int year, @RequestParam String kind, @RequestParam String unit, @RequestParam(required = false) String name,
                @RequestParam LocalDate registrationUntil, @RequestParam LocalDate assessmentUntil, @RequestParam LocalDate reviewUntil,
                @RequestParam LocalDate decisionUntil, RedirectAttributes redirect, Locale locale) {
        try {
            CampaignWorkflow.Deadlines d;
            try {
                d = new CampaignWorkflow.Deadlines(registrationUntil, assessmentUntil, reviewUntil, decisionUntil);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("deadlines", "titles.error.deadlines");
            }
            TitleKind k;
            try {
                k = TitleKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("kind", "titles.error.kind");
            }
            Campaigns.Campaign c = campaigns.createCampaign(year, k, unit, name, d);
            return "redirect:/titles/campaigns/" + c.id();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", forms.messages(e, locale));
            return "redirect:/titles";
        }
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.READ)
    @GetMapping("/titles/campaigns/{id}")
    String campaign(@PathVariable long id, @RequestParam(required = false) String commune, @RequestParam(required = false) Long village,
                    @RequestParam(required = false) String status, Model model) {
        Campaigns.Campaign c = campaigns.campaign(id);
        TitleStatus st = status == null || status.isBlank() ? null : TitleStatus.valueOf(status);
        List<Campaigns.Dossier> all = campaigns.dossiers(id, null, null);
        List<String> communeCodes = "01".equals(c.unitCode()) ? all.stream().map(Campaigns.Dossier::communeCode).distinct().sorted().toList()
                : List.of(c.unitCode());
        String selectedCommune = commune != null && !commune.isBlank() ? commune : "01".equals(c.unitCode()) ? null : c.unitCode();
        if (selectedCommune != null) campaigns.requireRead(selectedCommune);
        List<Campaigns.Dossier> list = campaigns.dossiers(id, village, st).stream()
                .filter(d -> selectedCommune == null || d.communeCode().equals(selectedCommune)).toList();
        LocalDate on = LocalDate.of(c.year(), 12, 31).isAfter(HanoiTime.today()) ? HanoiTime.today() : LocalDate.of(c.year(), 12, 31);
        List<Villages.Village> vs = selectedCommune == null ? List.of() : villages.of(selectedCommune, on);
        Map<Long, String> villageNames = new LinkedHashMap<>();
        vs.forEach(v -> villageNames.put(v.id(), v.name()));
        model.addAttribute("campaign", c);
        model.addAttribute("unitName", unitName(c.unitCode()));
        model.addAttribute("progress", campaigns.progress(id, selectedCommune));
        model.addAttribute("dossiers", list);
        model.addAttribute("villages", vs);
        model.addAttribute("villageNames", villageNames);
        model.addAttribute("village", village);
        model.addAttribute("status", st);
        model.addAttribute("statuses", TitleStatus.values());
        model.addAttribute("commune", selectedCommune);
        model.addAttribute("communes", communeCodes.stream().filter(campaigns::canRead).map(code -> Map.entry(code, unitName(code))).toList());
        model.addAttribute("subjectType", SubjectType.of(c.kind()));
        model.addAttribute("subjectTypes", java.util.Arrays.stream(SubjectType.values()).filter(t -> t.kind() == c.kind()).toList());
        model.addAttribute("sets", sets.latest(c.kind()));
        // offered when the access matrix and the workflow (role, subject, deadline) allow this user to register here
        String registerIn = selectedCommune != null ? selectedCommune : c.unitCode();
        model.addAttribute("canRegister", guard.can(DataKind.TITLE_DOSSIER, AccessAction.WRITE, registerIn)
                && CampaignWorkflow.check(Step.REGISTER, null, SubjectType.of(c.kind()), campaigns.actorFor(registerIn), c.deadlines(),
                        HanoiTime.today()).isEmpty());
        model.addAttribute("registerCommunes", "01".equals(c.unitCode())
                ? units.unitsOn(HanoiTime.today()).stream().filter(u -> u.level() == UnitLevel.COMMUNE
                        && guard.can(DataKind.TITLE_DOSSIER, AccessAction.WRITE, u.code())).toList()
                : List.of());
        model.addAttribute("bulkSteps", List.of(Step.REVIEW, Step.DECIDE, Step.PUBLISH, Step.REJECT));
        model.addAttribute("unitNames", new UnitNames());
        return "titles/campaign";
    }

    /** Unit names for templates. */
    class UnitNames {
        public String of(String code) {
            return unitName(code);
        }
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.WRITE)
    @PostMapping("/titles/campaigns/{id}/evaluations")
    String register(@PathVariable long id, @RequestParam String subjectName, @RequestParam(required = false) String commune,
                    @RequestParam(required = false) Long villageId, @RequestParam(required = false) String householdId,
                    @RequestParam(required = false) String setId, @RequestParam(required = false) String personId,
                    @RequestParam(required = false) String subjectType, RedirectAttributes redirect, Locale locale) {
        Campaigns.Campaign c = campaigns.campaign(id);
        String communeCode = commune == null || commune.isBlank() ? c.unitCode() : commune;
        // "Đơn vị học tập": under the commune's management (UNIT, the default) or at city level (CITY_UNIT)
        SubjectType type = SubjectType.of(c.kind());
        for (SubjectType t : SubjectType.values()) if (t.name().equals(subjectType) && t.kind() == c.kind()) type = t;
        try {
            Campaigns.Dossier d = campaigns.register(id, new Campaigns.NewDossier(type, subjectName, communeCode,
                    villageId, householdId, setId, personId));
            return "redirect:/titles/evaluations/" + d.id();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", forms.messages(e, locale));
            return "redirect:/titles/campaigns/" + id;
        }
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.APPROVE)
    @PostMapping("/titles/campaigns/{id}/bulk")
    String bulk(@PathVariable long id, @RequestParam(required = false) List<Long> ids, @RequestParam String step,
                @RequestParam(required = false) String reason, @RequestParam(required = false) String commune,
                @RequestParam(required = false) Long village, RedirectAttributes redirect, Locale locale) {
        campaigns.campaign(id);
        try {
            int n = campaigns.bulk(ids, Step.valueOf(step), reason);
            redirect.addFlashAttribute("done", n);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", forms.messages(e, locale));
        }
        StringBuilder url = new StringBuilder("redirect:/titles/campaigns/" + id + "?x=1");
        if (commune != null && !commune.isBlank()) url.append("&commune=").append(commune);
        if (village != null) url.append("&village=").append(village);
        return url.toString();
    }

    /** Danh hiệu của tôi: a citizen's own space — their dossiers, each with its status, campaign and certificate. */
    @GetMapping("/titles/mine")
    @vn.hoctap.accounts.Access(kind = vn.hoctap.accounts.DataKind.TITLE_DOSSIER, action = vn.hoctap.accounts.AccessAction.READ)
    String mine(Model model) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Campaigns.Dossier d : campaigns.ownDossiers()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("d", d);
            r.put("campaign", campaigns.campaignPublic(d.campaignId()));
            r.put("communeName", unitName(d.communeCode()));
            r.put("history", campaigns.history(d.id()));
            rows.add(r);
        }
        model.addAttribute("rows", rows);
        return "titles/mine";
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.READ)
    @GetMapping("/titles/evaluations/{id}")
    String evaluation(@PathVariable long id, Model model) {
        Campaigns.Dossier d = campaigns.dossier(id);
        Campaigns.Campaign c = campaigns.campaign(d.campaignId());
        CriteriaSets.StoredSet set = sets.get(d.criteriaSetId());
        Map<String, Campaigns.Score> scores = new LinkedHashMap<>();
        campaigns.scores(id).forEach(s -> scores.put(s.indicatorId(), s));
        model.addAttribute("d", d);
        model.addAttribute("campaign", c);
        model.addAttribute("set", set.set());
        model.addAttribute("setSha", set.sha256());
        model.addAttribute("scores", scores);
        model.addAttribute("automatic", new Automatic(set.set()));
        model.addAttribute("history", campaigns.history(id));
        model.addAttribute("files", campaigns.files(id));
        model.addAttribute("communeName", unitName(d.communeCode()));
        model.addAttribute("hasCredential", certificates.credentialJwt(id).isPresent());
        Map<Step, Boolean> can = new LinkedHashMap<>();
        for (Step s : Step.values()) {
            if (s == Step.REGISTER) continue;
            can.put(s, CampaignWorkflow.check(s, d.status(), d.subjectType(), campaigns.actorFor(d.communeCode()), c.deadlines(),
                    HanoiTime.today()).isEmpty());
        }
        model.addAttribute("can", can);
        List<Step> actionSteps = List.of(Step.REVIEW, Step.DECIDE, Step.PUBLISH, Step.REJECT, Step.REVOKE);
        model.addAttribute("actionSteps", actionSteps);
        model.addAttribute("anyAction", actionSteps.stream().anyMatch(can::get));
        model.addAttribute("canAssess", can.get(Step.SELF_ASSESS));
        return "titles/evaluation";
    }

    /** Which indicators are filled automatically, for the template. */
    record Automatic(CriteriaSet set) {
        public boolean is(String indicatorId) {
            return AutomaticCriteria.isAutomatic(set.id(), indicatorId) && set.indicator(indicatorId).map(i -> !i.manual()).orElse(false);
        }
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.WRITE)
    @PostMapping("/titles/evaluations/{id}/assess")
    String assess(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam int version, RedirectAttributes redirect,
                  Locale locale) {
        Campaigns.Dossier d = campaigns.dossier(id);
        try {
            campaigns.selfAssess(id, points(form, sets.get(d.criteriaSetId()).set()), version);
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", forms.messages(e, locale));
        }
        return "redirect:/titles/evaluations/" + id;
    }

    /** The points typed in a scoring form ("p_1.1" = "8"); a value that is not a whole number is refused. */
    static Map<String, Integer> points(Map<String, String> form, CriteriaSet set) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String ind : set.indicators().keySet()) {
            String v = form.get("p_" + ind);
            if (v == null || v.isBlank()) continue;
            try {
                out.put(ind, Integer.parseInt(v.strip()));
            } catch (NumberFormatException e) {
                throw ValidationException.of("p_" + ind, "titles.error.points-number");
            }
        }
        return out;
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.WRITE)
    @PostMapping("/titles/evaluations/{id}/evidence")
    String evidence(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect, Locale locale)
            throws IOException {
        campaigns.dossier(id);
        try {
            campaigns.addEvidence(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", forms.messages(e, locale));
        }
        return "redirect:/titles/evaluations/" + id;
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.READ)
    @GetMapping("/titles/evidence/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long fileId) {
        var f = campaigns.file(fileId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.getKey().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.getKey().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.getValue());
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.APPROVE)
    @PostMapping("/titles/evaluations/{id}/step")
    String step(@PathVariable long id, @RequestParam String step, @RequestParam(required = false) String reason,
                RedirectAttributes redirect, Locale locale) {
        campaigns.dossier(id);
        try {
            campaigns.step(id, Step.valueOf(step), reason);
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", forms.messages(e, locale));
        }
        return "redirect:/titles/evaluations/" + id;
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.EXPORT)
    @GetMapping("/titles/evaluations/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        Campaigns.Dossier d = campaigns.dossier(id);
        if (d.verificationCode() == null || d.status() != TitleStatus.PUBLISHED) {
            throw new NotFoundException("titles.error.no-certificate");
        }
        byte[] pdf = certificates.pdf(d, campaigns.campaign(d.campaignId()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"giay-chung-nhan-" + id + ".pdf\"").body(pdf);
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.EXPORT)
    @GetMapping("/titles/evaluations/{id}/credential.jwt")
    ResponseEntity<String> credential(@PathVariable long id) {
        campaigns.dossier(id);
        String jwt = certificates.credentialJwt(id).orElseThrow(() -> new NotFoundException("titles.error.no-certificate"));
        // OB 3.0 §"Web Resource": a VC-JWT is served as the Compact JWS with Content-Type text/plain
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.US_ASCII))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cong-dan-hoc-tap-" + id + ".jwt\"").body(jwt);
    }

    // ---------------------------------------------------------------- criteria sets

    @Access(kind = DataKind.SIGNED_IN, action = AccessAction.READ)
    @GetMapping("/titles/sets")
    String sets(Model model) {
        model.addAttribute("sets", sets.latest());
        model.addAttribute("isAdmin", guard.requireUser().isAdmin());
        return "titles/sets";
    }

    @Access(kind = DataKind.SIGNED_IN, action = AccessAction.READ)
    @GetMapping("/titles/sets/{id}")
    String set(@PathVariable long id, Model model) {
        guard.requireUser();
        CriteriaSets.StoredSet s = sets.get(id);
        model.addAttribute("stored", s);
        model.addAttribute("set", s.set());
        String successor = CriteriaSets.SUPERSEDED.get(s.set().id());   // a set replaced by a later legal text (issue 15)
        model.addAttribute("supersededBy", successor == null ? null : sets.latest(successor).set().title());
        model.addAttribute("versions", sets.versions(s.set().id()));
        model.addAttribute("isAdmin", guard.requireUser().isAdmin());
        if (!model.containsAttribute("text")) model.addAttribute("text", s.text());
        return "titles/set";
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @PostMapping("/titles/sets")
    String publishSet(@RequestParam String text, @RequestParam long from, RedirectAttributes redirect, Locale locale) {
        try {
            CriteriaSets.StoredSet s = sets.publish(text);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/titles/sets/" + s.id();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", forms.messages(e, locale));
            redirect.addFlashAttribute("text", text);
            return "redirect:/titles/sets/" + from;
        }
    }

    /** The structured editor of a set (issue 19): items, points, pass rule, source and status as form fields. */
    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @GetMapping("/titles/sets/{id}/edit")
    String editSet(@PathVariable long id, Model model) {
        guard.require(DataKind.ADMINISTRATION, AccessAction.WRITE);
        CriteriaSets.StoredSet s = sets.get(id);
        return editPage(s, CriteriaSetForm.of(s.set()), Map.of(), model);
    }

    /**
     * Saves the edited set as a NEW version (the platform gives the number) or, for the add/remove buttons,
     * shows the form again with the row added or removed. Refused input shows the message beside its field and
     * stores nothing.
     */
    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @PostMapping("/titles/sets/{id}/edit")
    String saveSet(@PathVariable long id, @RequestParam Map<String, String> params,
            @RequestParam(name = "action", defaultValue = "save") String action, Model model, RedirectAttributes redirect,
            Locale locale, jakarta.servlet.http.HttpServletResponse response) {
        guard.require(DataKind.ADMINISTRATION, AccessAction.WRITE);
        CriteriaSets.StoredSet s = sets.get(id);
        CriteriaSetForm form = CriteriaSetForm.of(params, s.set());
        if (!"save".equals(action)) {
            form.apply(action);
            return editPage(s, form, Map.of(), model);
        }
        Map<String, String> errors = form.validate();
        if (errors.isEmpty()) {
            try {
                CriteriaSets.StoredSet saved = sets.publishNextVersion(form.toSet(s.set()));
                redirect.addFlashAttribute("savedVersion", saved.set().version());
                return "redirect:/titles/sets/" + saved.id();
            } catch (ValidationException e) {
                model.addAttribute("errors", forms.messages(e, locale));
            }
        }
        response.setStatus(422);
        return editPage(s, form, errors, model);
    }

    private String editPage(CriteriaSets.StoredSet s, CriteriaSetForm form, Map<String, String> fieldErrors, Model model) {
        model.addAttribute("stored", s);
        model.addAttribute("set", s.set());
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("statuses", vn.hoctap.titles.core.VerificationStatus.values());
        Integer next = sets.versions(s.set().id()).stream().mapToInt(v -> v.set().version()).max().orElse(0) + 1;
        model.addAttribute("nextVersion", next);
        return "titles/set-edit";
    }
}
