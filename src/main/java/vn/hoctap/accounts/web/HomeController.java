package vn.hoctap.accounts.web;

import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.Access;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Trang chủ: where each kind of user starts. */
@Controller
class HomeController {

    @Access(kind = DataKind.SIGNED_IN, action = AccessAction.READ)
    @GetMapping("/")
    String home() {
        return "home";
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping("/login")
    String login() {
        return "login";
    }
}
