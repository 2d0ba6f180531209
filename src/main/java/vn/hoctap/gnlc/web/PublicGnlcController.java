package vn.hoctap.gnlc.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.gnlc.internal.GnlcFramework;
import vn.hoctap.gnlc.internal.GnlcReports;

/** The public page: Hà Nội's GNLC membership and the answers the city approved (nothing else). No sign-in. */
@Controller
class PublicGnlcController {

    private final GnlcFramework framework;
    private final GnlcReports reports;

    PublicGnlcController(GnlcFramework framework, GnlcReports reports) {
        this.framework = framework;
        this.reports = reports;
    }

    @GetMapping("/public/gnlc")
    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    String report(Model model) {
        model.addAttribute("membership", framework.membership());
        model.addAttribute("reports", reports.publicReports());
        return "gnlc/public";
    }
}
