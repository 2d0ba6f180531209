package vn.hoctap.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Thông báo qua thư điện tử: a plain-text e-mail through Spring's {@link JavaMailSender}. Off by default: it sends only
 * when {@code hoctap.notifications.mail.enabled=true} and a mail server is configured ({@code spring.mail.host}, which
 * makes Spring Boot create the sender). Nothing about the recipient or the message is logged; a failure is logged by
 * its kind only and never undoes the move (the notification stays in the application).
 */
@Component
public class NotificationMail {

    private static final Logger log = LoggerFactory.getLogger(NotificationMail.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final boolean enabled;
    private final String from;
    private final String publicUrl;

    NotificationMail(ObjectProvider<JavaMailSender> sender, @Value("${hoctap.notifications.mail.enabled:false}") boolean enabled,
                     @Value("${hoctap.notifications.mail.from:hoctap@localhost}") String from,
                     @Value("${hoctap.public-url:http://localhost:8080}") String publicUrl) {
        this.sender = sender;
        this.enabled = enabled;
        this.from = from;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public boolean enabled() {
        return enabled && sender.getIfAvailable() != null;
    }

    /** The absolute address of a page of the platform (for the e-mail's link). */
    public String url(String link) {
        return link == null ? publicUrl + "/me/notifications" : publicUrl + link;
    }

    public void send(String to, String subject, String text) {
        JavaMailSender s = sender.getIfAvailable();
        if (!enabled || s == null) return;
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to);
        m.setSubject(subject);
        m.setText(text);
        try {
            s.send(m);
        } catch (MailException e) {
            log.warn("a notification e-mail could not be sent ({})", e.getClass().getSimpleName());
        }
    }
}
