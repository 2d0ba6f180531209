package vn.hoctap.notifications.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.notifications.Notifications;
import vn.hoctap.platform.ValidationException;

/** "Thông báo của tôi": the signed-in user's notifications, marking them read, and the e-mail address for them. */
@Controller
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Access(kind = DataKind.SIGNED_IN, action = AccessAction.READ)
    @GetMapping("/me/notifications")
    String page(Model model, Locale locale) {
        model.addAttribute("items", notifications.mine(200, locale));
        model.addAttribute("email", notifications.myEmail().orElse(""));
        return "notifications/list";
    }

    @Access(kind = DataKind.SIGNED_IN, action = AccessAction.WRITE)
    @PostMapping("/me/notifications/read")
    String read() {
        notifications.markAllRead();
        return "redirect:/me/notifications";
    }

    @Access(kind = DataKind.SIGNED_IN, action = AccessAction.WRITE)
    @PostMapping("/me/notifications/email")
    String email(@RequestParam(defaultValue = "") String email, RedirectAttributes flash) {
        try {
            notifications.setMyEmail(email);
            flash.addFlashAttribute("emailSaved", true);
        } catch (ValidationException e) {
            flash.addFlashAttribute("emailError", e.errors().get("email"));
            flash.addFlashAttribute("emailTyped", email);
        }
        return "redirect:/me/notifications";
    }

    /** The count in the header's bell on every page of a signed-in user. */
    @ControllerAdvice(annotations = Controller.class)
    static class UnreadCount {
        private final Notifications notifications;

        UnreadCount(Notifications notifications) {
            this.notifications = notifications;
        }

        @ModelAttribute("unreadNotifications")
        Integer unread(jakarta.servlet.http.HttpServletRequest request) {
            // an API answer has no header: no query for it
            return vn.hoctap.platform.PageRequests.answersWithBody(request) ? null : notifications.unread();
        }
    }
}
