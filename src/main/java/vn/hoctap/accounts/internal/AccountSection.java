package vn.hoctap.accounts.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.PersonalDataSection;

/** "Dữ liệu của tôi": the account itself (name, role, units, since when; the password only as a one-way hash). */
@Component
class AccountSection implements PersonalDataSection {

    private final JdbcTemplate jdbc;

    AccountSection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "account";
    }

    @Override
    public String titleKey() {
        return "privacy.section.account";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<Group> groups(CurrentUser user) {
        List<Item> items = new ArrayList<>();
        items.add(Item.text("privacy.account.username", user.username()));
        items.add(Item.text("privacy.account.name", user.displayName()));
        items.add(Item.key("privacy.account.role", "role." + user.role().name()));
        items.add(Item.text("privacy.account.scopes", String.join(", ", user.scopes())));
        jdbc.query("select created_at from app_user where id = ?", rs -> {
            items.add(Item.text("privacy.account.created", rs.getTimestamp(1).toInstant().atZone(vn.hoctap.platform.HanoiTime.ZONE)
                    .toLocalDate().toString()));
        }, user.id());
        items.add(Item.key("privacy.account.password", "privacy.account.password-hash"));
        Integer events = jdbc.queryForObject("select count(*) from audit_event where actor = ?", Integer.class, user.username());
        items.add(Item.text("privacy.account.audit", String.valueOf(events == null ? 0 : events)));
        return List.of(new Group(null, items));
    }
}
