package vn.hoctap.gnlc.internal;

import java.time.LocalDate;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.gnlc.core.Questionnaire;

/**
 * Demo data (hoctap.demo=true, first start only): evidence for several areas of the Key Features — two documented
 * facts of Hà Nội (Resolution 23-NQ/TU of 16/11/2023; the GNLC title ceremony of 29/1/2026 [S]) and records marked
 * "minh họa" (demo) — a commune's practice added by Phường Ba Đình's officer, a partner city (demo), and drafted
 * answers to the sample biennial questionnaire, each through the normal services. Failure only warns.
 */
@Component
@Order(60)
class DemoGnlc implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGnlc.class);

    private final GnlcEvidence evidence;
    private final GnlcReports reports;
    private final JdbcTemplate jdbc;
    private final boolean demo;
    private final String command;
    private final String adminUsername;

    DemoGnlc(GnlcEvidence evidence, GnlcReports reports, JdbcTemplate jdbc, @Value("${hoctap.demo:false}") boolean demo,
             @Value("${hoctap.command:}") String command, @Value("${hoctap.admin.username:admin}") String adminUsername) {
        this.evidence = evidence;
        this.reports = reports;
        this.jdbc = jdbc;
        this.demo = demo;
        this.command = command;
        this.adminUsername = adminUsername;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || !command.isEmpty()) return;
        Integer n = jdbc.queryForObject("select count(*) from gnlc_evidence", Integer.class);
        if (n != null && n > 0) return;
        try {
            create();
            log.info("Đã tạo dữ liệu minh họa Thành phố học tập UNESCO / demo GNLC evidence created");
        } catch (RuntimeException e) {
            log.warn("Không tạo được dữ liệu minh họa GNLC / demo GNLC data not created: {}", e.toString());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void act(String username, Role role, String scope) {
        vn.hoctap.accounts.DemoActor.act(username, role, scope);
    }

    void create() {
        act(adminUsername, Role.CITY_ADMIN, GnlcFramework.CITY);
        evidence.add(new GnlcEvidence.NewEvidence("3.1", "DOCUMENT",
                "Nghị quyết 23-NQ/TU của Thành ủy Hà Nội về xây dựng xã hội học tập",
                "Resolution 23-NQ/TU of the Hà Nội Party Committee on building a learning society",
                "Nghị quyết ngày 16/11/2023, nền tảng của chương trình xây dựng xã hội học tập của thành phố.",
                "Resolution of 16 November 2023, the basis of the city's learning-society programme.",
                LocalDate.of(2023, 11, 16), null, "Thành ủy Hà Nội", "vi", GnlcFramework.CITY, null, null, null, null));
        evidence.add(new GnlcEvidence.NewEvidence("3.1", "EVENT",
                "Lễ đón danh hiệu Thành phố học tập toàn cầu UNESCO tại Văn Miếu – Quốc Tử Giám",
                "Ceremony receiving the UNESCO Global Network of Learning Cities membership at the Temple of Literature",
                "Nguồn thứ cấp (báo chí).", "Secondary source (press).",
                LocalDate.of(2026, 1, 29), null, "UBND thành phố Hà Nội", "vi", GnlcFramework.CITY,
                "https://hanoitimes.vn/hanoi-joins-unesco-s-global-learning-cities-network.973756.html", null, null, null));
        evidence.add(new GnlcEvidence.NewEvidence("2.6", "EVENT",
                "Tuần lễ hưởng ứng học tập suốt đời năm 2026 (minh họa)", "Lifelong Learning Week 2026 (demo)",
                "Dữ liệu minh họa.", "Demo data.", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7),
                "Sở Giáo dục và Đào tạo Hà Nội", "vi", GnlcFramework.CITY, null, null, null, null));
        evidence.addCooperation(new GnlcEvidence.NewCooperation("PARTNER_CITY", "Thành phố đối tác (minh họa)", null,
                "Trao đổi kinh nghiệm xây dựng thành phố học tập (minh họa)", "Exchange of experience in building a learning city (demo)",
                LocalDate.of(2026, 6, 15), LocalDate.of(2026, 6, 17),
                "Hai bên thống nhất trao đổi tài liệu về trung tâm học tập cộng đồng (minh họa).",
                "Both sides agreed to exchange materials on community learning centres (demo).", "3.2"));
        act("badinh", Role.COMMUNE_OFFICER, "00004");
        evidence.add(new GnlcEvidence.NewEvidence("2.2", "PRACTICE",
                "Ngày hội đọc sách tại trung tâm học tập cộng đồng phường Ba Đình (minh họa)",
                "Reading festival at the Ba Đình ward community learning centre (demo)",
                "Dữ liệu minh họa.", "Demo data.", LocalDate.of(2026, 4, 21), null, "UBND phường Ba Đình", "vi", "00004",
                null, null, null, null));
        act(adminUsername, Role.CITY_ADMIN, GnlcFramework.CITY);
        Questionnaire q = reports.report("sample-biennial-2021").questionnaire();
        for (Questionnaire.Question qu : q.questions()) {
            reports.draft(q.code(), qu.number());
        }
    }
}
