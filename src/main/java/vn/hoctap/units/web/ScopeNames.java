package vn.hoctap.units.web;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.VietnameseText;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.UnitVersion;

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
    String scopeNames() {
        return guard.currentUser().map(CurrentUser::scopes).map(scopes -> {
            List<String> names = scopes.stream().map(this::name).sorted(VietnameseText.ORDER).toList();
            return String.join(", ", names);
        }).orElse("");
    }

    private String name(String code) {
        return units.version(code, HanoiTime.today()).map(UnitVersion::name)
                .or(() -> units.history().versions(code).stream().reduce((a, b) -> b).map(UnitVersion::name))
                .orElse(code);
    }
}
