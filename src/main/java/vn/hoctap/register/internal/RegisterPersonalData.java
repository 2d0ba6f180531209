package vn.hoctap.register.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.PersonalDataSection;

/**
 * "Dữ liệu của tôi" — sổ phổ cập: the register is pseudonymous (no names, no ID numbers: docs/contracts/register-csv.md),
 * so the platform cannot tell which of its rows is the signed-in person; the section says so and where to ask (the
 * commune, which keeps the paper register with the names).
 */
@Component
class RegisterPersonalData implements PersonalDataSection {

    @Override
    public String id() {
        return "register";
    }

    @Override
    public String titleKey() {
        return "privacy.section.register";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Group> groups(CurrentUser user) {
        return List.of(new Group(null, List.of(Item.key("privacy.register.what", "privacy.register.pseudonymous"))));
    }
}
