package vn.hoctap.accounts.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.LoginProtection;

/** An toàn đăng nhập: administrators see failed sign-ins and throttled or locked usernames, and lift lockouts. */
@Controller
class LoginSecurityController {

    private final LoginProtection protection;

    LoginSecurityController(LoginProtection protection) {
        this.protection = protection;
    }

    @GetMapping("/admin/security")
    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.READ)
    String page(@RequestParam(required = false) String username, Model model) {
        model.addAttribute("states", protection.accountStates());
        model.addAttribute("failures", protection.recentFailures(username, 200));
        model.addAttribute("times", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
                .withZone(vn.hoctap.platform.HanoiTime.ZONE));
        return "admin/security";
    }

    @PostMapping("/admin/security/lockouts/{username}/lift")
    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    String lift(@PathVariable String username, RedirectAttributes redirect) {
        protection.lift(username);
        redirect.addFlashAttribute("lifted", username);
        return "redirect:/admin/security";
    }

    @GetMapping("/api/admin/login-failures")
    @ResponseBody
    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.READ)
    List<LoginProtection.FailedLogin> failures(@RequestParam(required = false) String username,
                                               @RequestParam(defaultValue = "100") int limit) {
        return protection.recentFailures(username, limit);
    }

    @GetMapping("/api/admin/lockouts")
    @ResponseBody
    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.READ)
    List<LoginProtection.AccountState> lockouts() {
        return protection.accountStates();
    }

    @PostMapping("/api/admin/lockouts/{username}/lift")
    @ResponseBody
    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    Map<String, Object> liftApi(@PathVariable String username) {
        protection.lift(username);
        return Map.of("username", username, "lifted", true);
    }
}
