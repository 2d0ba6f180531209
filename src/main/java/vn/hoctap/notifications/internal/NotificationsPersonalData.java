package vn.hoctap.notifications.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.PersonalDataSection;

/** "Dữ liệu của tôi": the e-mail address given for notifications and how many notifications are kept. */
@Component
class NotificationsPersonalData implements PersonalDataSection {

    private final JdbcTemplate jdbc;

    NotificationsPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "notifications";
    }

    @Override
    public String titleKey() {
        return "notifications.title";
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public List<Group> groups(CurrentUser user) {
        List<Item> items = new ArrayList<>();
        jdbc.queryForList("select email from notification_email where user_id = ?", String.class, user.id())
                .forEach(e -> items.add(Item.text("notifications.email.label", e)));
        int n = jdbc.queryForObject("select count(*) from notification where user_id = ?", Integer.class, user.id());
        if (n > 0) items.add(Item.text("notifications.count", String.valueOf(n)));
        return items.isEmpty() ? List.of() : List.of(new Group("", items));
    }
}
