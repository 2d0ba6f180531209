package vn.hoctap.centres.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.centres.Centres;
import vn.hoctap.learning.LearningRecord;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;

/** Trang TTHTCĐ: centres, a centre's year (courses, report, rating), a course (learners, attendance, closing), on a phone too. */
@Controller
class CentresController {

    private final Centres centres;
    private final AccessGuard guard;
    private final vn.hoctap.units.UnitDirectory units;

    CentresController(Centres centres, AccessGuard guard, vn.hoctap.units.UnitDirectory units) {
        this.centres = centres;
        this.guard = guard;
        this.units = units;
    }

    @GetMapping("/centres")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.READ)
    String list(Model model) {
        List<Centres.Centre> visible = centres.visible();
        if (visible.size() == 1 && centres.centreOf(guard.requireUser().username()).isPresent()) {
            return "redirect:/centres/" + visible.get(0).id();
        }
        model.addAttribute("centres", visible);
        model.addAttribute("rollup", guard.grant(DataKind.CENTRE_RECORDS, AccessAction.READ) != vn.hoctap.accounts.Grant.OWN);
        return "centres/list";
    }

    /** Tổng hợp theo xã, phường và thành phố: the centres' year activity of the user's communes (issue 12, item 2). */
    @GetMapping("/centres/rollup")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.READ)
    String rollup(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? HanoiTime.today().getYear() : year;
        Centres.YearRollup r = centres.rollup(y);
        java.time.LocalDate d = java.time.LocalDate.of(y, 12, 31);
        Map<String, String> names = new java.util.HashMap<>();
        for (Centres.Rollup c : r.communes()) {
            names.put(c.communeCode(), units.version(c.communeCode(), d).or(() -> units.version(c.communeCode(), HanoiTime.today()))
                    .map(vn.hoctap.units.core.UnitVersion::name).orElse(c.communeCode()));
        }
        java.text.Collator vi = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        List<Centres.Rollup> rows = new java.util.ArrayList<>(r.communes());
        rows.sort((a, b) -> vi.compare(names.get(a.communeCode()), names.get(b.communeCode())));
        model.addAttribute("year", y);
        model.addAttribute("yearText", String.valueOf(y));   // not "2.026" through MessageFormat
        model.addAttribute("rows", rows);
        model.addAttribute("names", names);
        model.addAttribute("total", r.total());
        model.addAttribute("city", guard.canRead("01"));
        model.addAttribute("sources", Centres.FUNDING_SOURCES);
        return "centres/rollup";
    }

    @GetMapping("/centres/{id}")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.READ)
    String centre(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? HanoiTime.today().getYear() : year;
        model.addAttribute("report", centres.yearReport(id, y));
        model.addAttribute("courses", centres.courses(id, y));
        model.addAttribute("profile", centres.profile(id));
        model.addAttribute("plan", centres.plan(id, y).orElse(null));
        model.addAttribute("funding", centres.funding(id, y));
        model.addAttribute("year", y);
        model.addAttribute("topics", LearningRecord.TOPICS);
        model.addAttribute("today", HanoiTime.today());
        return "centres/centre";
    }

    @PostMapping("/centres/{id}/courses")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.WRITE)
    String openCourse(@PathVariable long id, @RequestParam String title, @RequestParam String kind, @RequestParam LocalDate start,
                      RedirectAttributes flash) {
        try {
            long course = centres.openCourse(id, title, kind, start);
            return "redirect:/centres/courses/" + course;
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
            return "redirect:/centres/" + id;
        }
    }

    @PostMapping("/centres/{id}/plan")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.WRITE)
    String plan(@PathVariable long id, @RequestParam int year, @RequestParam String text, RedirectAttributes flash) {
        try {
            centres.savePlan(id, year, text);
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/centres/" + id + "?year=" + year;
    }

    @PostMapping("/centres/{id}/funding")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.WRITE)
    String funding(@PathVariable long id, @RequestParam int year, @RequestParam String source, @RequestParam long amount,
                   @RequestParam(required = false) String note, RedirectAttributes flash) {
        try {
            centres.addFunding(id, year, source, amount, note);
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/centres/" + id + "?year=" + year;
    }

    /** Hồ sơ trung tâm: board, staff, premises, equipment, partners (audited). */
    @PostMapping("/centres/{id}/profile")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.WRITE)
    String profile(@PathVariable long id, @RequestParam(required = false) String director, @RequestParam(required = false) Integer staffCount,
                   @RequestParam(required = false) String premises, @RequestParam(required = false) String equipment,
                   @RequestParam(required = false) String partners, RedirectAttributes flash) {
        try {
            centres.saveProfile(id, new Centres.Profile(blankToNull(director), staffCount, blankToNull(premises), blankToNull(equipment),
                    blankToNull(partners)));
            flash.addFlashAttribute("profileSaved", true);
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/centres/" + id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Học viên không thường trú: counted only, no register id (audited). */
    @PostMapping("/centres/courses/{id}/anonymous")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.WRITE)
    String anonymous(@PathVariable long id, @RequestParam(defaultValue = "-1") int count, RedirectAttributes flash) {
        try {
            centres.setAnonymousLearners(id, count);
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/centres/courses/" + id;
    }

    @GetMapping("/centres/courses/{id}")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.READ)
    String course(@PathVariable long id, Model model) {
        Centres.Course c = centres.course(id);
        model.addAttribute("course", c);
        model.addAttribute("learners", centres.learners(id));
        model.addAttribute("sessions", centres.sessions(id));
        model.addAttribute("today", HanoiTime.today());
        return "centres/course";
    }

    @PostMapping("/centres/courses/{id}/learners")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.WRITE)
    String addLearner(@PathVariable long id, @RequestParam("person_id") String personId, RedirectAttributes flash) {
        try {
            centres.addLearner(id, personId);
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/centres/courses/" + id;
    }

    @PostMapping("/centres/courses/{id}/sessions")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.WRITE)
    String session(@PathVariable long id, @RequestParam("held_on") LocalDate heldOn, @RequestParam BigDecimal hours,
                   @RequestParam(required = false) String topic, @RequestParam(required = false) List<String> present,
                   RedirectAttributes flash) {
        try {
            centres.recordSession(id, heldOn, hours, topic, present == null ? new HashSet<>() : new HashSet<>(present));
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/centres/courses/" + id;
    }

    @PostMapping("/centres/courses/{id}/close")
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.WRITE)
    String close(@PathVariable long id, RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("closed", centres.closeCourse(id));
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/centres/courses/" + id;
    }

    // ---- JSON ----

    @GetMapping("/api/centres")
    @ResponseBody
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.READ)
    List<Centres.Centre> apiList() {
        return centres.visible();
    }

    @GetMapping("/api/centres/{id}/report")
    @ResponseBody
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.READ)
    Centres.YearReport apiReport(@PathVariable long id, @RequestParam int year) {
        return centres.yearReport(id, year);
    }

    @GetMapping("/api/centres/{id}/courses")
    @ResponseBody
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.READ)
    List<Centres.Course> apiCourses(@PathVariable long id, @RequestParam int year) {
        return centres.courses(id, year);
    }

    record OfficerJson(String username) {
    }

    @PostMapping("/api/centres/{id}/officers")
    @ResponseBody
    @Access(kind = DataKind.CENTRE_RECORDS, action = AccessAction.APPROVE)
    ResponseEntity<Map<String, Object>> apiOfficer(@PathVariable long id, @RequestBody OfficerJson body) {
        centres.assignOfficer(body.username(), id);
        return ResponseEntity.ok(Map.of("centre", id, "username", body.username()));
    }
}
