package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import vn.hoctap.notifications.internal.NotificationMail;

/** The notification e-mail through a fake {@link JavaMailSender}: off by default, plain text, nothing personal logged. */
@ExtendWith(OutputCaptureExtension.class)
class NotificationMailTest {

    static class FakeSender extends JavaMailSenderImpl {
        final List<SimpleMailMessage> sent = new ArrayList<>();
        boolean fail;

        @Override
        public void send(SimpleMailMessage... messages) {
            if (fail) throw new MailSendException("refused for an.nguyen@vidu.vn");
            sent.addAll(List.of(messages));
        }
    }

    static NotificationMail mail(FakeSender sender, boolean enabled) throws Exception {
        var provider = new StaticListableBeanFactory(Map.of("sender", sender)).getBeanProvider(JavaMailSender.class);
        var c = NotificationMail.class.getDeclaredConstructor(org.springframework.beans.factory.ObjectProvider.class, boolean.class,
                String.class, String.class);
        c.setAccessible(true);
        return c.newInstance(provider, enabled, "hoctap@hanoi.gov.vn", "https://hoctap.hanoi.gov.vn/");
    }

    @Test
    void offByDefaultNothingLeaves() throws Exception {
        FakeSender sender = new FakeSender();
        NotificationMail m = mail(sender, false);
        assertThat(m.enabled()).isFalse();
        m.send("an.nguyen@vidu.vn", "HọcTập", "text");
        assertThat(sender.sent).isEmpty();
    }

    @Test
    void enabledItSendsPlainTextWithTheLinkToThePage() throws Exception {
        FakeSender sender = new FakeSender();
        NotificationMail m = mail(sender, true);
        assertThat(m.enabled()).isTrue();
        assertThat(m.url("/titles/evaluations/7")).isEqualTo("https://hoctap.hanoi.gov.vn/titles/evaluations/7");
        m.send("an.nguyen@vidu.vn", "HọcTập: hồ sơ của bạn có thay đổi", "Hồ sơ danh hiệu “Công dân học tập” năm 2026: Đã công bố.");
        assertThat(sender.sent).hasSize(1);
        SimpleMailMessage s = sender.sent.get(0);
        assertThat(s.getTo()).containsExactly("an.nguyen@vidu.vn");
        assertThat(s.getFrom()).isEqualTo("hoctap@hanoi.gov.vn");
        assertThat(s.getSubject()).isEqualTo("HọcTập: hồ sơ của bạn có thay đổi");
        assertThat(s.getText()).contains("Đã công bố");
    }

    @Test
    void aFailureIsLoggedByItsKindOnlyAndNeverThrown(CapturedOutput output) throws Exception {
        FakeSender sender = new FakeSender();
        sender.fail = true;
        mail(sender, true).send("an.nguyen@vidu.vn", "HọcTập", "Hồ sơ của Nguyễn Văn An");
        assertThat(output.getAll()).contains("a notification e-mail could not be sent (MailSendException)")
                .doesNotContain("vidu.vn").doesNotContain("Nguyễn Văn An");
    }
}
