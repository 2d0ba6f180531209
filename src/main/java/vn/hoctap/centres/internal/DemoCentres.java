package vn.hoctap.centres.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.centres.Centres;
import vn.hoctap.learning.LearningRecord;
import vn.hoctap.platform.HanoiTime;

/**
 * Dữ liệu mẫu TTHTCĐ (synthetic): with {@code hoctap.demo=true}, once, the Ba Đình centre gets the demo officer
 * {@code tthtcd.badinh}, literacy classes closed in 2023 and 2024 with follow-ups in 2024 and 2025 (so
 * {@code lit.new_continuing} has demo values: 2024 = 3 of 4 = 75 %, 2025 = 4 of 6 ≈ 66.67 %), a post-literacy class
 * (2024), a digital-skills class (2025), a health class closed and a digital class still open this year; the demo
 * citizen {@code congdan} is linked to the pseudonymous id DEMO-LIT-2024-1. Every step goes through the services as
 * the demo users would take it.
 */
@Component
@Order(30)
class DemoCentres implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCentres.class);

    private final boolean demo;
    private final String command;
    private final JdbcTemplate jdbc;
    private final Centres centres;
    private final LearningRecord learning;
    private final Accounts accounts;
    private final TransactionTemplate tx;

    DemoCentres(@Value("${hoctap.demo:false}") boolean demo, @Value("${hoctap.command:}") String command, JdbcTemplate jdbc,
                Centres centres, LearningRecord learning, Accounts accounts, TransactionTemplate tx) {
        this.demo = demo;
        this.command = command;
        this.jdbc = jdbc;
        this.centres = centres;
        this.learning = learning;
        this.accounts = accounts;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || !command.isEmpty()) return;
        Integer n = jdbc.queryForObject("select count(*) from centre_course", Integer.class);
        if (n != null && n > 0) return;
        Long centre = jdbc.queryForList("select id from reporting_organisation where kind = 'clc' and commune_code = '00004' order by id",
                Long.class).stream().findFirst().orElse(null);
        if (centre == null || accounts.findByUsername("tthtcd.badinh").isEmpty()) return;
        try {
            tx.executeWithoutResult(s -> create(centre));
            log.info("Dữ liệu mẫu TTHTCĐ đã được tạo / demo centre data created");
        } catch (RuntimeException e) {
            log.warn("Không tạo được dữ liệu mẫu TTHTCĐ / the demo centre data could not be created", e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void as(String username, Role role) {
        CurrentUser u = new CurrentUser(0, username, "Dữ liệu mẫu", role, Set.of(role == Role.CITY_ADMIN ? "01" : "00004"));
        AccountPrincipal p = new AccountPrincipal(u, "", true);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    private void create(long centre) {
        as("demo", Role.CITY_ADMIN);
        centres.assignOfficer("tthtcd.badinh", centre);
        if (accounts.findByUsername("congdan").isPresent()) learning.linkCitizen("congdan", "DEMO-LIT-2024-1", "00004");

        as("tthtcd.badinh", Role.CENTRE_OFFICER);
        int year = HanoiTime.today().getYear();
        centres.saveProfile(centre, new Centres.Profile("Phó Chủ tịch UBND phường (kiêm Giám đốc)", 3,
                "Nhà văn hóa tổ dân phố số 1 (mô phỏng)", "6 máy tính, 1 máy chiếu, wifi", "Trường Tiểu học Ba Đình; Hội Khuyến học phường"));
        centres.savePlan(centre, year, "Mở lớp kỹ năng số, pháp luật, sức khỏe; duy trì lớp sau xóa mù chữ (mô phỏng).");
        centres.addFunding(centre, year, "state_budget", 45_000_000L, "Ngân sách phường (mô phỏng)");
        centres.addFunding(centre, year, "association", 10_000_000L, "Hội Khuyến học (mô phỏng)");

        // 2023: literacy; learner 5 attends 1 of 3 sessions and does not complete → cohort 2024 = 4
        course(centre, "Lớp xóa mù chữ 2023 (mô phỏng)", "literacy", LocalDate.of(2023, 3, 1),
                List.of("DEMO-LIT-2023-1", "DEMO-LIT-2023-2", "DEMO-LIT-2023-3", "DEMO-LIT-2023-4", "DEMO-LIT-2023-5"),
                List.of(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 15), LocalDate.of(2023, 4, 1)), Set.of("DEMO-LIT-2023-5"), true);
        // 2024: literacy, six complete → cohort 2025 = 6; post-literacy for two of 2023's
        course(centre, "Lớp xóa mù chữ 2024 (mô phỏng)", "literacy", LocalDate.of(2024, 3, 4),
                List.of("DEMO-LIT-2024-1", "DEMO-LIT-2024-2", "DEMO-LIT-2024-3", "DEMO-LIT-2024-4", "DEMO-LIT-2024-5", "DEMO-LIT-2024-6"),
                List.of(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 18), LocalDate.of(2024, 4, 1)), Set.of(), true);
        course(centre, "Lớp sau xóa mù chữ 2024 (mô phỏng)", "post_literacy", LocalDate.of(2024, 9, 9),
                List.of("DEMO-LIT-2023-1", "DEMO-LIT-2023-2"), List.of(LocalDate.of(2024, 9, 9), LocalDate.of(2024, 9, 23)), Set.of(), true);
        // 2025: digital skills for three of 2024's
        course(centre, "Kỹ năng số cơ bản 2025 (mô phỏng)", "digital", LocalDate.of(2025, 9, 8),
                List.of("DEMO-LIT-2024-1", "DEMO-LIT-2024-2", "DEMO-LIT-2024-3"), List.of(LocalDate.of(2025, 9, 8), LocalDate.of(2025, 9, 22)), Set.of(), true);
        // this year: a health class closed, a digital class open
        course(centre, "Chăm sóc sức khỏe người cao tuổi (mô phỏng)", "health", LocalDate.of(year, 1, 12),
                List.of("DEMO-P-1", "DEMO-P-2", "DEMO-P-3"), List.of(LocalDate.of(year, 1, 12), LocalDate.of(year, 1, 26)), Set.of(), true);
        course(centre, "Dịch vụ công trực tuyến (mô phỏng)", "digital", LocalDate.of(year, 2, 2),
                List.of("DEMO-P-1", "DEMO-P-4", "DEMO-P-5"), List.of(LocalDate.of(year, 2, 2)), Set.of(), false);

        // follow-ups by the commune: 2024 → 2023-3 re-tested, 2023-4 relapsed (2023-1, 2 are in post-literacy) = 3 of 4;
        // 2025 → 2024-4 in class, 2024-5 relapsed, 2024-6 no news (2024-1..3 took the digital class) = 4 of 6
        as("badinh", Role.COMMUNE_OFFICER);
        learning.recordFollowUp("DEMO-LIT-2023-3", "00004", 2023, 2024, "retested");
        learning.recordFollowUp("DEMO-LIT-2023-4", "00004", 2023, 2024, "relapsed");
        learning.recordFollowUp("DEMO-LIT-2024-4", "00004", 2024, 2025, "in_class");
        learning.recordFollowUp("DEMO-LIT-2024-5", "00004", 2024, 2025, "relapsed");
        as("tthtcd.badinh", Role.CENTRE_OFFICER);
    }

    private void course(long centre, String title, String kind, LocalDate start, List<String> learners, List<LocalDate> sessions,
                        Set<String> absentAfterFirst, boolean close) {
        long id = centres.openCourse(centre, title, kind, start);
        for (String p : learners) centres.addLearner(id, p);
        for (int i = 0; i < sessions.size(); i++) {
            Set<String> present = new java.util.HashSet<>(learners);
            if (i > 0) present.removeAll(absentAfterFirst);
            centres.recordSession(id, sessions.get(i), new BigDecimal("2"), null, present);
        }
        if (close) centres.closeCourse(id);
    }
}
