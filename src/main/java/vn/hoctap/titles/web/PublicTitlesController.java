package vn.hoctap.titles.web;

import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.Access;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.titles.core.CredentialIssuer;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.TitleStatus;
import vn.hoctap.titles.core.VerificationResult;
import vn.hoctap.titles.internal.Campaigns;
import vn.hoctap.titles.internal.Certificates;
import vn.hoctap.titles.internal.CriteriaSets;
import vn.hoctap.titles.internal.IssuerKeyStore;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/**
 * Public pages, no account: a resident's self-assessment for "Công dân học tập" (register with a phone or e-mail,
 * choose one of the five sets, score themselves, submit into their commune's campaign), and the verification of a
 * certificate code or of a VC-JWT.
 */
@Controller
class PublicTitlesController {

    private final Campaigns campaigns;
    private final CriteriaSets sets;
    private final Certificates certificates;
    private final IssuerKeyStore keys;
    private final UnitDirectory units;
    private final Forms forms;

    PublicTitlesController(Campaigns campaigns, CriteriaSets sets, Certificates certificates, IssuerKeyStore keys, UnitDirectory units,
                           Forms forms) {
        this.campaigns = campaigns;
        this.sets = sets;
        this.certificates = certificates;
        this.keys = keys;
        this.units = units;
        this.forms = forms;
    }

    List<UnitVersion> communes() {
        return units.unitsOn(HanoiTime.today()).stream().filter(u -> u.level() == UnitLevel.COMMUNE)
                .sorted(java.util.Comparator.comparing(UnitVersion::name, vn.hoctap.platform.VietnameseText.ORDER)).toList();
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping("/public/titles")
    String start(Model model) {
        model.addAttribute("communes", communes());
        model.addAttribute("sets", sets.latest(TitleKind.CONG_DAN));
        model.addAttribute("year", HanoiTime.today().getYear());
        return "titles/public-register";
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.WRITE)
    @PostMapping("/public/titles/register")
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) String commune,
                    @RequestParam(required = false) String contact, @RequestParam(required = false) String setId,
                    @RequestParam(required = false) String nationalId, RedirectAttributes redirect, Locale locale) {
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            String c = contact == null ? "" : contact.strip();
            String type = null;
            String normalised = null;
            if (c.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                type = "emailAddress";
                normalised = CredentialIssuer.normalise(c, type);
            } else if (c.replaceAll("[\\s.-]", "").matches("(\\+84|0)[0-9]{9,10}")) {
                type = "phone";
                normalised = CredentialIssuer.normalise(c, type);
            } else {
                errors.put("contact", "titles.error.contact");
            }
            String nid = nationalId == null ? "" : nationalId.replaceAll("\\s", "");
            if (!nid.isEmpty() && !nid.matches("[0-9]{12}")) errors.put("nationalId", "titles.error.national-id");
            Optional<Campaigns.Campaign> campaign = commune == null ? Optional.empty()
                    : campaigns.citizenCampaign(commune, HanoiTime.today().getYear());
            if (campaign.isEmpty()) errors.put("commune", "titles.error.no-campaign");
            if (!errors.isEmpty()) throw new ValidationException(errors);
            var created = campaigns.registerResident(campaign.get().id(),
                    new Campaigns.NewDossier(SubjectType.CITIZEN, name, commune, null, null, setId), normalised, type,
                    nid.isEmpty() ? null : keys.hmac(nid));
            return "redirect:/public/titles/self/" + created.getValue();
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", forms.messages(e, locale));
            return "redirect:/public/titles";
        }
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping("/public/titles/self/{token}")
    String self(@PathVariable String token, Model model) {
        Campaigns.Dossier d = campaigns.byPublicToken(token);
        CriteriaSets.StoredSet set = sets.get(d.criteriaSetId());
        Map<String, Campaigns.Score> scores = new LinkedHashMap<>();
        campaigns.scores(d.id()).forEach(s -> scores.put(s.indicatorId(), s));
        model.addAttribute("d", d);
        model.addAttribute("set", set.set());
        model.addAttribute("scores", scores);
        model.addAttribute("token", token);
        model.addAttribute("campaign", campaigns.campaignPublic(d.campaignId()));
        model.addAttribute("communeName", units.version(d.communeCode(), HanoiTime.today()).map(UnitVersion::name).orElse(d.communeCode()));
        model.addAttribute("editable", d.status() == TitleStatus.REGISTERED || d.status() == TitleStatus.SELF_ASSESSED);
        return "titles/public-self";
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.WRITE)
    @PostMapping("/public/titles/self/{token}")
    String assess(@PathVariable String token, @RequestParam Map<String, String> form, @RequestParam int version,
                  RedirectAttributes redirect, Locale locale) {
        Campaigns.Dossier d = campaigns.byPublicToken(token);
        try {
            campaigns.selfAssessWithToken(token, TitlesController.points(form, sets.get(d.criteriaSetId()).set()), version);
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", forms.messages(e, locale));
        }
        return "redirect:/public/titles/self/" + token;
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping("/public/verify")
    String verifyForm(@RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) {
            return "redirect:/public/verify/" + code.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        }
        return "titles/verify-form";
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping("/public/verify/{code}")
    String verify(@PathVariable String code, Model model, HttpServletResponse response) {
        Optional<Certificates.Verification> v = certificates.verify(code);
        if (v.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("v", v.orElse(null));
        model.addAttribute("code", code);
        return "titles/verify";
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @PostMapping("/public/verify/credential")
    String verifyCredential(@RequestParam(required = false) String jwt, Model model) {
        VerificationResult r = certificates.verifyCredential(jwt);
        model.addAttribute("result", r);
        model.addAttribute("jwt", jwt);
        return "titles/verify-form";
    }
}
