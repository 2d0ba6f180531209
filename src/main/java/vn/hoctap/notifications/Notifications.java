package vn.hoctap.notifications;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.notifications.internal.NotificationMail;
import vn.hoctap.platform.ValidationException;

/**
 * Thông báo (issue 19): when a learning-title dossier or an organisation's report moves, its owner (the citizen, the
 * organisation's users) finds a notification in the header's bell and on "Thông báo của tôi"; a user who gave an e-mail
 * address also gets it by e-mail once the move is committed ({@link NotificationMail}, off unless configured). A
 * notification is a message key with arguments (an argument {@code #key} is itself a message), so it reads in the
 * user's language and stores no names. SMS is not sent.
 */
@Service
public class Notifications {

    /** A notification as shown: its text in the reader's language, the page it points to, when, whether read. */
    public record Notification(long id, String text, String link, Instant at, boolean read) {
    }

    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final JdbcTemplate jdbc;
    private final Accounts accounts;
    private final AccessGuard guard;
    private final MessageSource messages;
    private final NotificationMail mail;
    private final AuditLog audit;

    Notifications(JdbcTemplate jdbc, Accounts accounts, AccessGuard guard, MessageSource messages, NotificationMail mail, AuditLog audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.guard = guard;
        this.messages = messages;
        this.mail = mail;
        this.audit = audit;
    }

    /**
     * Notifies the users (by username; unknown ones and the user who made the move are skipped) in the caller's
     * transaction; the e-mails leave after commit.
     */
    public void notify(Collection<String> usernames, String messageKey, List<String> args, String link) {
        String actor = guard.currentUser().map(CurrentUser::username).orElse(null);
        for (String username : usernames) {
            if (username == null || username.equals(actor)) continue;
            accounts.findByUsername(username).ifPresent(p -> notifyUser(p.user().id(), messageKey, args, link));
        }
    }

    /** Notifies one user by account id (the owner of a dossier), unless they made the move themselves. */
    public void notifyOwner(long userId, String messageKey, List<String> args, String link) {
        if (guard.currentUser().map(u -> u.id() == userId).orElse(false)) return;
        notifyUser(userId, messageKey, args, link);
    }

    private void notifyUser(long userId, String messageKey, List<String> args, String link) {
        jdbc.update("insert into notification (user_id, message_key, args, link) values (?, ?, ?, ?)",
                ps -> {
                    ps.setLong(1, userId);
                    ps.setString(2, messageKey);
                    ps.setArray(3, ps.getConnection().createArrayOf("text", args.toArray()));
                    ps.setString(4, link);
                });
        Optional<String> to = emailOf(userId);
        if (to.isEmpty() || !mail.enabled()) return;
        Locale vi = Locale.forLanguageTag("vi");
        String subject = messages.getMessage("notifications.mail.subject", null, vi);
        String body = text(messageKey, args, vi) + "\n\n" + messages.getMessage("notifications.mail.footer", new Object[] {mail.url(link)}, vi);
        Runnable send = () -> mail.send(to.get(), subject, body);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** The signed-in user's notifications, newest first. */
    public List<Notification> mine(int limit, Locale locale) {
        guard.require(DataKind.SIGNED_IN, AccessAction.READ);
        long me = guard.requireUser().id();
        return jdbc.query("select id, message_key, args, link, created_at, read_at from notification where user_id = ? "
                        + "order by created_at desc, id desc limit ?",
                (rs, i) -> new Notification(rs.getLong("id"), text(rs.getString("message_key"), strings(rs.getArray("args")), locale),
                        rs.getString("link"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null),
                me, limit);
    }

    /** How many of the signed-in user's notifications are unread (0 when not signed in). */
    public int unread() {
        return guard.currentUser().map(u -> jdbc.queryForObject(
                "select count(*) from notification where user_id = ? and read_at is null", Integer.class, u.id())).orElse(0);
    }

    @Transactional
    public int markAllRead() {
        guard.require(DataKind.SIGNED_IN, AccessAction.WRITE);
        return jdbc.update("update notification set read_at = now() where user_id = ? and read_at is null", guard.requireUser().id());
    }

    /** The e-mail address the signed-in user receives notifications at. */
    public Optional<String> myEmail() {
        return emailOf(guard.requireUser().id());
    }

    /** Sets (or, blank, removes) the signed-in user's address; audited without the address itself. */
    @Transactional
    public void setMyEmail(String email) {
        guard.require(DataKind.SIGNED_IN, AccessAction.WRITE);
        long me = guard.requireUser().id();
        String e = email == null ? "" : email.strip();
        if (e.isEmpty()) {
            int n = jdbc.update("delete from notification_email where user_id = ?", me);
            if (n > 0) audit.record("notifications.email.remove", "notification_email", String.valueOf(me), null, Map.of("email", true), null, null);
            return;
        }
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) throw ValidationException.of("email", "notifications.email.invalid");
        jdbc.update("""
                insert into notification_email (user_id, email) values (?, ?)
                on conflict (user_id) do update set email = excluded.email, updated_at = now()""", me, e);
        audit.record("notifications.email.set", "notification_email", String.valueOf(me), null, null, Map.of("email", true), null);
    }

    private Optional<String> emailOf(long userId) {
        return jdbc.queryForList("select email from notification_email where user_id = ?", String.class, userId).stream().findFirst();
    }

    /** The text of a notification: arguments written {@code #key} are messages themselves. */
    String text(String key, List<String> args, Locale locale) {
        List<Object> resolved = new ArrayList<>();
        for (String a : args) {
            resolved.add(a != null && a.startsWith("#") ? messages.getMessage(a.substring(1), null, a.substring(1), locale) : a);
        }
        return messages.getMessage(key, resolved.toArray(), key, locale);
    }

    private static List<String> strings(Array a) throws java.sql.SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
