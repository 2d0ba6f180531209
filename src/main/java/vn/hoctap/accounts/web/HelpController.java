package vn.hoctap.accounts.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.DataKind;

/**
 * Thuật ngữ: the glossary of the abbreviations officials and citizens meet (PCGD, XMC, TTHTCĐ…), public, linked from
 * every page's header (issue 19). Here rather than in platform, which must not depend on the access annotations.
 */
@Controller
class HelpController {

    static final List<String> GLOSSARY = List.of("nq23", "pcgd", "xmc", "pcgdmn5", "pcgdth", "pcgdthcs", "gdtx", "gdnn",
            "tthtcd", "khuyenhoc", "cdht", "gdht", "dvht", "cdhtxa", "thon", "dbkk", "skno", "gnlc");

    @GetMapping("/public/help")
    @Access(kind = DataKind.PUBLIC)
    String help(Model model) {
        model.addAttribute("terms", GLOSSARY);
        return "help";
    }
}
