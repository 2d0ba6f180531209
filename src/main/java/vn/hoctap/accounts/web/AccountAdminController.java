package vn.hoctap.accounts.web;

import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.Access;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.Role;
import vn.hoctap.platform.ValidationException;

/** Quản lý tài khoản (city administrators only, enforced by the security configuration for /admin/**). */
@Controller
class AccountAdminController {

    private final Accounts accounts;

    AccountAdminController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.READ)
    @GetMapping("/admin/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", Role.values());
        return "admin/accounts";
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @PostMapping("/admin/accounts")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String role,
                  @RequestParam String scopes, @RequestParam String password, RedirectAttributes redirect) {
        Set<String> scopeSet = new LinkedHashSet<>();
        Arrays.stream(scopes.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(scopeSet::add);
        Role r;
        try {
            r = Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            r = null;
        }
        try {
            accounts.create(new Accounts.NewAccount(username, displayName, r, scopeSet, password));
            redirect.addFlashAttribute("created", username);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
            redirect.addFlashAttribute("form", new Form(username, displayName, role, scopes));
        }
        return "redirect:/admin/accounts";
    }

    record Form(String username, String displayName, String role, String scopes) {
    }

    /** One account: change its role and units (picked from a list, not typed as codes), reset its password. */
    @GetMapping("/admin/accounts/{id}")
    @vn.hoctap.accounts.Access(kind = vn.hoctap.accounts.DataKind.ADMINISTRATION, action = vn.hoctap.accounts.AccessAction.READ)
    String edit(@PathVariable long id, Model model) {
        Accounts.AccountSummary a = accounts.list().stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> new vn.hoctap.platform.NotFoundException("account.error.not-found", id));
        model.addAttribute("account", a);
        model.addAttribute("roles", Role.values());
        return "admin/account";
    }

    @PostMapping("/admin/accounts/{id}/role")
    @vn.hoctap.accounts.Access(kind = vn.hoctap.accounts.DataKind.ADMINISTRATION, action = vn.hoctap.accounts.AccessAction.WRITE)
    String changeRole(@PathVariable long id, @RequestParam String role,
                      @RequestParam(name = "scope", required = false) java.util.List<String> scopes, RedirectAttributes redirect) {
        Role r;
        try {
            r = Role.valueOf(role);
        } catch (IllegalArgumentException e) {
            r = null;
        }
        try {
            accounts.changeRoleAndScopes(id, r, scopes == null ? Set.of() : new LinkedHashSet<>(scopes));
            redirect.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/password")
    @vn.hoctap.accounts.Access(kind = vn.hoctap.accounts.DataKind.ADMINISTRATION, action = vn.hoctap.accounts.AccessAction.WRITE)
    String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, password);
            redirect.addFlashAttribute("passwordReset", true);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/admin/accounts/" + id;
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @PostMapping("/admin/accounts/{id}/enabled")
    String enable(@PathVariable long id, @RequestParam boolean enabled) {
        accounts.setEnabled(id, enabled);
        return "redirect:/admin/accounts";
    }
}
