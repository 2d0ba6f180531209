package vn.hoctap.fund.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.fund.internal.Association;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/**
 * Hội Khuyến học pages: the association of a commune or of the city in a year — its yearly figures (branches, members,
 * dues, funds raised and per resident), its branches and committees (chi hội, ban khuyến học) of villages, clans,
 * organisations and schools with their members and dues; the accountant and the chair add branches and record a year.
 * Access: the matrix's FUND_RECORDS rows (read: officers, association, auditor, inspector; write: accountant, chair).
 */
@Controller
class AssociationController {

    static final List<String> KINDS = List.of("VILLAGE", "CLAN", "ORGANISATION", "SCHOOL", "COMMUNE");

    private final Association association;
    private final AccessGuard guard;
    private final UnitDirectory units;

    AssociationController(Association association, AccessGuard guard, UnitDirectory units) {
        this.association = association;
        this.guard = guard;
        this.units = units;
    }

    @GetMapping("/association")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.READ)
    String index(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year, Model model) {
        if (guard.require(DataKind.FUND_RECORDS, AccessAction.READ) == Grant.OWN) {
            return "redirect:/fund/mine";   // a citizen: their own donations, not the association's books
        }
        LocalDate today = HanoiTime.today();
        Map<String, String> choices = new LinkedHashMap<>();
        if (guard.canRead("01")) choices.put("01", "Thành phố Hà Nội");
        List<UnitVersion> communes = new ArrayList<>(units.unitsOn(today).stream()
                .filter(u -> u.level() == UnitLevel.COMMUNE && guard.canRead(u.code())).toList());
        communes.sort(Comparator.comparing(UnitVersion::name, vn.hoctap.platform.VietnameseText.ORDER));
        for (UnitVersion u : communes) choices.put(u.code(), u.name());
        String chosen = unit != null && choices.containsKey(unit) ? unit : choices.keySet().stream().findFirst().orElse(null);
        int y = year == null ? today.getYear() : year;
        model.addAttribute("choices", choices);
        model.addAttribute("unit", chosen);
        model.addAttribute("unitName", chosen == null ? null : choices.get(chosen));
        model.addAttribute("year", y);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("names", choices);
        if (chosen != null) {
            model.addAttribute("figures", association.figures(chosen, y));
            model.addAttribute("branches", association.branchYears(chosen, y));
            model.addAttribute("canWrite", guard.can(DataKind.FUND_RECORDS, AccessAction.WRITE, chosen));
        } else {
            model.addAttribute("branches", List.of());
            model.addAttribute("canWrite", false);
        }
        return "fund/association";
    }

    @PostMapping("/association/branches")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    String addBranch(@RequestParam String unitCode, @RequestParam String name, @RequestParam String kind, @RequestParam int year) {
        association.addBranch(unitCode, name, kind);
        return "redirect:/association?unit=" + unitCode + "&year=" + year + "#branches";
    }

    @PostMapping("/association/branches/{id}/years")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    String recordYear(@PathVariable long id, @RequestParam String unit, @RequestParam int year, @RequestParam int members,
                      @RequestParam long duesVnd) {
        association.recordYear(id, year, members, duesVnd);
        return "redirect:/association?unit=" + (unit.matches("\\d{2,5}") ? unit : "01") + "&year=" + year + "#branches";
    }
}
