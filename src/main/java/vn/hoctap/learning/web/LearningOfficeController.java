package vn.hoctap.learning.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.learning.LearningRecord;
import vn.hoctap.learning.LiteracyContinuation;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/**
 * The officers' pages of the lifelong learning record: theo dõi sau xóa mù chữ (who completed a literacy class last
 * year and whether they continue learning this year — the numerator and denominator of {@code lit.new_continuing})
 * and gắn tài khoản công dân (a commune officer links a citizen account to the register's pseudonymous id; audited).
 */
@Controller
class LearningOfficeController {

    private final LearningRecord record;
    private final UnitDirectory units;
    private final AccessGuard guard;

    LearningOfficeController(LearningRecord record, UnitDirectory units, AccessGuard guard) {
        this.record = record;
        this.units = units;
        this.guard = guard;
    }

    private Map<String, String> communes() {
        Map<String, String> names = new LinkedHashMap<>();
        units.unitsOn(HanoiTime.today()).stream().filter(u -> u.level() == UnitLevel.COMMUNE && guard.canRead(u.code()))
                .sorted(java.util.Comparator.comparing(UnitVersion::name, vn.hoctap.platform.VietnameseText.ORDER))
                .forEach(u -> names.put(u.code(), u.name()));
        return names;
    }

    private static String chosen(String commune, Map<String, String> names) {
        if (commune != null && names.containsKey(commune)) return commune;
        return names.size() == 1 ? names.keySet().iterator().next() : null;
    }

    /** A unit code for a redirect (digits only), never the raw parameter. */
    private static String safe(String commune) {
        return commune != null && commune.matches("[0-9]{2,10}") ? commune : "";
    }

    @GetMapping("/learning/literacy")
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.READ)
    String literacy(@RequestParam(required = false) String commune, @RequestParam(required = false) Integer year, Model model) {
        int thisYear = HanoiTime.today().getYear();
        int y = year == null || year < 2000 || year > thisYear + 1 ? thisYear : year;
        boolean scoped = guard.grant(DataKind.LEARNING_RECORD, AccessAction.READ) == Grant.SCOPE;
        Map<String, String> names = communes();
        String c = chosen(commune, names);
        List<LearningRecord.CohortPerson> cohort = scoped && c == null ? List.of() : record.literacyCohort(c, y);
        int continuing = (int) cohort.stream().filter(LearningRecord.CohortPerson::continuing).count();
        model.addAttribute("communes", names);
        model.addAttribute("commune", c);
        model.addAttribute("scoped", scoped);
        model.addAttribute("year", y);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(2023, thisYear).boxed().sorted(java.util.Comparator.reverseOrder()).toList());
        model.addAttribute("cohort", cohort);
        model.addAttribute("counts", new LiteracyContinuation.Counts(continuing, cohort.size()));
        model.addAttribute("statuses", LearningRecord.FOLLOW_UP_STATUSES);
        // the year's learning of the commune (or of the user's communes), from the per-commune summary
        List<LearningRecord.CommuneYear> figures = record.figures(y).stream().filter(f -> c == null || f.communeCode().equals(c)).toList();
        model.addAttribute("figures", new long[] {figures.stream().mapToLong(LearningRecord.CommuneYear::learners).sum(),
                figures.stream().mapToLong(LearningRecord.CommuneYear::entries).sum(),
                figures.stream().mapToLong(LearningRecord.CommuneYear::verified).sum()});
        model.addAttribute("figureHours", figures.stream().map(LearningRecord.CommuneYear::hours).reduce(java.math.BigDecimal.ZERO,
                java.math.BigDecimal::add));
        return "learning/literacy";
    }

    @PostMapping("/learning/literacy")
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.WRITE)
    String followUp(@RequestParam("person_id") String personId, @RequestParam String commune, @RequestParam("completed_year") int completedYear,
                    @RequestParam int year, @RequestParam(defaultValue = "") String status, RedirectAttributes flash) {
        try {
            record.recordFollowUp(personId, commune, completedYear, year, status);
            flash.addFlashAttribute("saved", personId);
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/learning/literacy?commune=" + safe(commune) + "&year=" + year;
    }

    @GetMapping("/learning/links")
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.WRITE)
    String links(@RequestParam(required = false) String commune, Model model) {
        Map<String, String> names = communes();
        String c = chosen(commune, names);
        model.addAttribute("communes", names);
        model.addAttribute("commune", c);
        model.addAttribute("links", c == null ? List.of() : record.links(c));
        return "learning/links";
    }

    @PostMapping("/learning/links")
    @Access(kind = DataKind.LEARNING_RECORD, action = AccessAction.WRITE)
    String link(@RequestParam String username, @RequestParam("person_id") String personId, @RequestParam String commune,
                RedirectAttributes flash) {
        try {
            record.linkCitizen(username, personId, commune);
            flash.addFlashAttribute("linked", username.strip());
        } catch (ValidationException e) {
            flash.addFlashAttribute("errors", e.errors());
            flash.addFlashAttribute("username", username);
            flash.addFlashAttribute("personId", personId);
        }
        return "redirect:/learning/links?commune=" + safe(commune);
    }
}
