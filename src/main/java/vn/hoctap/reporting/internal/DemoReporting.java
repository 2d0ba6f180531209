package vn.hoctap.reporting.internal;

import java.util.LinkedHashMap;
import java.util.Map;
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
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.reporting.Organisation;
import vn.hoctap.reporting.Organisations;
import vn.hoctap.reporting.Reports;
import vn.hoctap.reporting.core.OrganisationKind;

/**
 * Dữ liệu mẫu: when {@code hoctap.demo=true}, on the first start (no organisation yet) registers demo
 * organisations in Phường Ba Đình (00004) and Phường Ngọc Hà (00008), links the demo account
 * {@code truong.badinh} to its school, approves last year's reports through the normal workflow (so the
 * dashboard has reported values) and leaves this year's at every state: accepted, submitted, rejected with a
 * message, a partial draft, and none at all.
 */
@Component
@Order(20)
class DemoReporting implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReporting.class);

    private final boolean demo;
    private final JdbcTemplate jdbc;
    private final Organisations organisations;
    private final Reports reports;
    private final Accounts accounts;

    private final String command;
    private final TransactionTemplate tx;

    DemoReporting(@Value("${hoctap.demo:false}") boolean demo, @Value("${hoctap.command:}") String command, JdbcTemplate jdbc,
                  Organisations organisations, Reports reports, Accounts accounts, TransactionTemplate tx) {
        this.tx = tx;
        this.demo = demo;
        this.command = command;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.reports = reports;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || !command.isEmpty()) {
            return;   // not for the database commands of bin/hoctap (import), which run the application without its pages
        }
        Integer n = jdbc.queryForObject("select count(*) from reporting_organisation", Integer.class);
        if (n != null && n > 0) {
            return;
        }
        CurrentUser system = new CurrentUser(0, "demo", "Dữ liệu mẫu", Role.CITY_ADMIN, Set.of("01"));
        AccountPrincipal principal = new AccountPrincipal(system, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            tx.executeWithoutResult(status -> create());
            log.info("Dữ liệu mẫu báo cáo đã được tạo / demo reporting data created");
        } catch (RuntimeException e) {
            // one transaction: nothing is left half made, the next start tries again; the platform starts anyway
            log.warn("Không tạo được đủ dữ liệu mẫu báo cáo / the demo reporting data could not be completed", e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void create() {
        int year = HanoiTime.today().getYear();
        int last = year - 1;
        Organisation ubndBaDinh = organisations.add("00004", "UBND phường Ba Đình", OrganisationKind.AGENCY);
        Organisation thBaDinh = organisations.add("00004", "Trường Tiểu học Ba Đình", OrganisationKind.SCHOOL);
        Organisation thcs = organisations.add("00004", "Trường THCS Phan Chu Trinh", OrganisationKind.SCHOOL);
        Organisation clcBaDinh = organisations.add("00004", "Trung tâm học tập cộng đồng phường Ba Đình", OrganisationKind.CLC);
        Organisation ubndNgocHa = organisations.add("00008", "UBND phường Ngọc Hà", OrganisationKind.AGENCY);
        Organisation thNgocHa = organisations.add("00008", "Trường Tiểu học Ngọc Hà", OrganisationKind.SCHOOL);
        Organisation clcNgocHa = organisations.add("00008", "Trung tâm học tập cộng đồng phường Ngọc Hà", OrganisationKind.CLC);
        Organisation college = organisations.add("00008", "Trường Cao đẳng Công nghệ Ngọc Hà (mẫu)", OrganisationKind.UNIVERSITY);
        if (accounts.findByUsername("truong.badinh").isPresent()) {
            organisations.link("truong.badinh", thBaDinh.id());
        }

        // last year: everything approved
        approved(ubndBaDinh, "agency_digital", last, agency(62, 3, 2, 48, 15));
        approved(ubndNgocHa, "agency_digital", last, agency(55, 2, 2, 40, 12));
        approved(thBaDinh, "school_digital", last, school(true, true, true, 38, 20));
        approved(thcs, "school_digital", last, school(true, true, false, 52, 30));
        approved(thNgocHa, "school_digital", last, school(true, false, true, 31, 6));
        approved(clcBaDinh, "clc_it", last, clc(6, true, true, 1200, 260));
        approved(clcNgocHa, "clc_it", last, clc(0, false, false, 800, 0));
        approved(college, "university_digital", last, university(true, false, 140, 35));

        // this year: every state
        long a = save(ubndBaDinh, "agency_digital", year, agency(64, 3, 3, 60, 22), true);
        reports.accept(a);                                                   // waits for the city
        save(thcs, "school_digital", year, school(true, true, true, 53, 41), true);   // waits for the commune
        long s = save(thBaDinh, "school_digital", year, school(true, true, true, 39, 39), true);
        reports.reject(s, "Số giáo viên sử dụng học liệu số bằng tổng số giáo viên: đề nghị nhà trường kiểm tra lại.");
        save(ubndNgocHa, "agency_digital", year, Map.of("staff", "57", "it_security_staff", "2"), false);   // a partial draft
        save(clcNgocHa, "clc_it", year, clc(4, true, true, 900, 120), true);
        long u = save(college, "university_digital", year, university(true, true, 150, 70), true);
        reports.accept(u);
        // Trường Tiểu học Ngọc Hà and the Ba Đình centre have not reported yet
    }

    private long save(Organisation o, String dataSet, int period, Map<String, String> values, boolean submit) {
        return reports.save(o.id(), dataSet, period, values, submit).id();
    }

    private void approved(Organisation o, String dataSet, int period, Map<String, String> values) {
        long id = save(o, dataSet, period, values, true);
        reports.accept(id);
        reports.approve(id);
    }

    private static Map<String, String> agency(int staff, int itStaff, int itTrained, int basic, int data) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("staff", String.valueOf(staff));
        m.put("it_security_staff", String.valueOf(itStaff));
        m.put("it_security_trained", String.valueOf(itTrained));
        m.put("trained_digital_basic", String.valueOf(basic));
        m.put("trained_data_skills", String.valueOf(data));
        return m;
    }

    private static Map<String, String> school(boolean isPublic, boolean digital, boolean standard, int teachers, int teachersDigital) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("school_public", isPublic ? "1" : "0");
        m.put("digital_teaching", digital ? "1" : "0");
        m.put("national_standard", standard ? "1" : "0");
        m.put("teachers", String.valueOf(teachers));
        m.put("teachers_digital", String.valueOf(teachersDigital));
        return m;
    }

    private static Map<String, String> clc(int computers, boolean internet, boolean it, int learners, int learnersIt) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("computers", String.valueOf(computers));
        m.put("internet", internet ? "1" : "0");
        m.put("it_in_activities", it ? "1" : "0");
        m.put("learners", String.valueOf(learners));
        m.put("learners_it", String.valueOf(learnersIt));
        return m;
    }

    private static Map<String, String> university(boolean digital, boolean materials, int courses, int coursesDigital) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("digital_university", digital ? "1" : "0");
        m.put("digital_materials", materials ? "1" : "0");
        m.put("courses", String.valueOf(courses));
        m.put("courses_digital", String.valueOf(coursesDigital));
        return m;
    }
}
