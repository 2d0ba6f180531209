package vn.hoctap.units.web;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.VietnameseText;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitVersion;

/**
 * Địa bàn: the names of the signed-in user's units for every page (the home page says "Phường Ba Đình", never the
 * code 00004), in Vietnamese order; a code no longer in force is named as it was last.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ScopeNames {

    private final AccessGuard guard;
    private final UnitDirectory units;

    ScopeNames(AccessGuard guard, UnitDirectory units) {
        this.guard = guard;
        this.units = units;
    }

    @ModelAttribute("scopeNames")
    String scopeNames(jakarta.servlet.http.HttpServletRequest request) {
        if (vn.hoctap.platform.PageRequests.answersWithBody(request)) {
            return null;   // an API answer has no header
        }
        return guard.currentUser().map(CurrentUser::scopes).map(scopes -> {
            List<String> names = scopes.stream().map(this::name).sorted(VietnameseText.ORDER).toList();
            return String.join(", ", names);
        }).orElse("");
    }

    /** The unit picker of the account pages: the city and the communes in force today, in Vietnamese order. */
    @ModelAttribute("unitChoices")
    List<UnitVersion> unitChoices(jakarta.servlet.http.HttpServletRequest request) {
        if (vn.hoctap.platform.PageRequests.answersWithBody(request)
                || !request.getRequestURI().startsWith(request.getContextPath() + "/admin/accounts")) {
            return List.of();
        }
        List<UnitVersion> all = units.history().unitsOn(HanoiTime.today());
        List<UnitVersion> out = new java.util.ArrayList<>(all.stream().filter(u -> u.level() == vn.hoctap.units.core.UnitLevel.CITY).toList());
        out.addAll(all.stream().filter(u -> u.level() != vn.hoctap.units.core.UnitLevel.CITY)
                .sorted(java.util.Comparator.comparing(UnitVersion::name, VietnameseText.ORDER)).toList());
        return out;
    }

    /** Unit names by code for the pages that list accounts' units. */
    @ModelAttribute("unitNames")
    java.util.Map<String, String> unitNames(jakarta.servlet.http.HttpServletRequest request) {
        if (vn.hoctap.platform.PageRequests.answersWithBody(request)
                || !request.getRequestURI().startsWith(request.getContextPath() + "/admin/accounts")) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (UnitVersion u : units.history().allVersions()) {
            m.put(u.code(), u.name());
        }
        for (UnitVersion u : units.history().unitsOn(HanoiTime.today())) {
            m.put(u.code(), u.name());
        }
        return m;
    }

    private String name(String code) {
        return units.version(code, HanoiTime.today()).map(UnitVersion::name)
                .or(() -> units.history().versions(code).stream().reduce((a, b) -> b).map(UnitVersion::name))
                .orElse(code);
    }
}
