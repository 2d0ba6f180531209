package vn.hoctap.accounts.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.DataSubjectRequestDeadlines;
import vn.hoctap.accounts.PersonalDataSection;
import vn.hoctap.accounts.ProcessingActivities;
import vn.hoctap.accounts.internal.PersonalDataRequests;
import vn.hoctap.platform.ValidationException;

/**
 * Dữ liệu của tôi (Luật 91/2025/QH15, Art. 4(1)(a)(c) [V]): what the platform holds about the signed-in person, from
 * every module ({@link PersonalDataSection}), with a way to ask for a correction; the officers' list of requests to
 * answer; the record of processing for administrators.
 */
@Controller
class PersonalDataController {

    private final List<PersonalDataSection> sections;
    private final PersonalDataRequests requests;
    private final AccessGuard guard;
    private final MessageSource messages;

    PersonalDataController(List<PersonalDataSection> sections, PersonalDataRequests requests, AccessGuard guard, MessageSource messages) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(PersonalDataSection::order)).toList();
        this.requests = requests;
        this.guard = guard;
        this.messages = messages;
    }

    /** A section as the page shows it. */
    record SectionView(String id, String titleKey, List<PersonalDataSection.Group> groups) {
    }

    @Access(kind = DataKind.SIGNED_IN, action = AccessAction.READ)
    @GetMapping("/me/data")
    String myData(Model model) {
        CurrentUser u = guard.requireUser();
        model.addAttribute("sections", sections.stream().map(s -> new SectionView(s.id(), s.titleKey(), s.groups(u))).toList());
        model.addAttribute("requests", requests.mine());
        model.addAttribute("ackDays", DataSubjectRequestDeadlines.ACKNOWLEDGE_WORKING_DAYS);
        model.addAttribute("answerDays", DataSubjectRequestDeadlines.ANSWER_DAYS);
        return "privacy/my-data";
    }

    @Access(kind = DataKind.DATA_SUBJECT_REQUESTS, action = AccessAction.WRITE)
    @PostMapping("/me/data/requests")
    String ask(@RequestParam(required = false) String section, @RequestParam(required = false) String text,
               RedirectAttributes redirect, Locale locale) {
        Set<String> ids = sections.stream().map(PersonalDataSection::id).collect(Collectors.toSet());
        try {
            requests.create(section, text, ids);
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", resolve(e, locale));
        }
        return "redirect:/me/data";
    }

    @Access(kind = DataKind.DATA_SUBJECT_REQUESTS, action = AccessAction.APPROVE)
    @GetMapping("/privacy/requests")
    String toAnswer(Model model) {
        model.addAttribute("requests", requests.toAnswer());
        model.addAttribute("sectionTitles", sections.stream().collect(Collectors.toMap(PersonalDataSection::id, PersonalDataSection::titleKey)));
        return "privacy/requests";
    }

    @Access(kind = DataKind.DATA_SUBJECT_REQUESTS, action = AccessAction.APPROVE)
    @PostMapping("/privacy/requests/{id}")
    String answer(@PathVariable long id, @RequestParam(required = false) String status, @RequestParam(required = false) String answer,
                  RedirectAttributes redirect, Locale locale) {
        try {
            PersonalDataRequests.Status s = "CORRECTED".equals(status) ? PersonalDataRequests.Status.CORRECTED
                    : "REFUSED".equals(status) ? PersonalDataRequests.Status.REFUSED : null;
            requests.answer(id, s, answer);
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", resolve(e, locale));
        }
        return "redirect:/privacy/requests";
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.READ)
    @GetMapping("/admin/privacy")
    String processing(Model model) {
        model.addAttribute("activities", ProcessingActivities.ALL);
        return "privacy/processing";
    }

    Map<String, String> resolve(ValidationException e, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        e.errors().forEach((field, key) -> out.put(field, messages.getMessage(key, null, key, locale)));
        return out;
    }
}
