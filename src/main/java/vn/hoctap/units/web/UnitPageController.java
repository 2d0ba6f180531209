package vn.hoctap.units.web;

import vn.hoctap.accounts.Access;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitHistory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;
import vn.hoctap.units.Villages;

/** Trang tra cứu đơn vị hành chính: the unit browser and the unit page. */
@Controller
class UnitPageController {

    private final UnitDirectory directory;
    private final Villages villages;
    private final AccessGuard guard;

    UnitPageController(UnitDirectory directory, Villages villages, AccessGuard guard) {
        this.directory = directory;
        this.villages = villages;
        this.guard = guard;
    }

    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/units")
    String browse(@RequestParam(required = false) String date, @RequestParam(required = false) String q, Model model) {
        UnitHistory h = directory.history();
        LocalDate d = UnitViews.parseDate(date, h);
        model.addAttribute("date", d);
        model.addAttribute("earliest", h.earliestDate());
        model.addAttribute("counts", h.countsOn(d));
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            List<UnitVersion> found = h.search(q, d).stream().filter(v -> guard.canRead(v.code(), d)).toList();
            model.addAttribute("results", found.stream()
                    .map(v -> new SearchHit(v, h.ancestors(v.code(), d))).toList());
        } else {
            model.addAttribute("tree", UnitViews.tree(h, d, guard));
        }
        return "units/browse";
    }

    record SearchHit(UnitVersion unit, List<UnitVersion> ancestors) {
    }

    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/units/{code}")
    String unit(@PathVariable String code, @RequestParam(required = false) String date, Model model) {
        UnitHistory h = directory.history();
        if (!h.exists(code)) {
            throw new NotFoundException("units.error.not-found", code);
        }
        UnitVersion v;
        LocalDate d;
        if (date == null || date.isBlank()) {
            guard.requireRead(code);
            v = h.current(code, vn.hoctap.platform.HanoiTime.today()).orElseThrow();
            d = UnitViews.dayShown(v);
        } else {
            d = UnitViews.parseDate(date, h);
            guard.requireRead(code, d);
            v = h.version(code, d).orElseThrow(() -> new NotFoundException("units.error.not-in-force", code, date));
        }
        model.addAttribute("date", d);
        model.addAttribute("unit", v);
        List<UnitVersion> breadcrumbs = new java.util.ArrayList<>(h.ancestors(code, d));
        java.util.Collections.reverse(breadcrumbs);
        model.addAttribute("breadcrumbs", breadcrumbs);
        model.addAttribute("children", h.children(code, d).stream().filter(c -> guard.canRead(c.code(), d)).toList());
        model.addAttribute("versions", h.versions(code));
        model.addAttribute("predecessors", UnitViews.predecessors(h, v));
        model.addAttribute("successors", UnitViews.successors(h, v));
        model.addAttribute("population", directory.population(code).orElse(null));
        model.addAttribute("isCommune", v.level() == UnitLevel.COMMUNE);
        model.addAttribute("villages", v.level() == UnitLevel.COMMUNE ? villages.of(code, d) : List.of());
        model.addAttribute("canWrite", v.level() == UnitLevel.COMMUNE && v.validUntil() == null && guard.can(DataKind.UNITS, AccessAction.WRITE, code));
        model.addAttribute("canReadCode", (java.util.function.Predicate<String>) guard::canRead);
        return "units/unit";
    }

    @Access(kind = DataKind.UNITS, action = AccessAction.WRITE)
    @PostMapping("/units/{code}/villages")
    String addVillage(@PathVariable String code, @RequestParam String name, @RequestParam String kind,
                      RedirectAttributes redirect) {
        try {
            Villages.Village v = villages.add(code, name, Villages.Kind.fromCode(kind), null);
            redirect.addFlashAttribute("saved", v.name());
        } catch (ValidationException e) {
            redirect.addFlashAttribute("villageErrors", e.errors());
            redirect.addFlashAttribute("villageName", name);
        }
        return "redirect:/units/" + code + "#villages";
    }

    @Access(kind = DataKind.UNITS, action = AccessAction.WRITE)
    @PostMapping("/villages/{id}")
    String updateVillage(@PathVariable long id, @RequestParam String name, @RequestParam String kind,
                         @RequestParam int version, RedirectAttributes redirect) {
        Villages.Village before = villages.get(id);
        try {
            villages.update(id, name, Villages.Kind.fromCode(kind), version);
            redirect.addFlashAttribute("saved", name);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("villageErrors", e.errors());
        }
        return "redirect:/units/" + before.communeCode() + "#villages";
    }
}
