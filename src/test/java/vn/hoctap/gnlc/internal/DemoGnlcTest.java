package vn.hoctap.gnlc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.gnlc.core.EvidenceStrengthPolicy.Strength;

/** The demo data set for Hà Nội, created through the normal services (tests run with demo data off, so it is called here). */
class DemoGnlcTest extends IntegrationTest {

    @Autowired
    DemoGnlc demo;
    @Autowired
    GnlcEvidence evidence;
    @Autowired
    GnlcReports reports;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoHasEvidenceForSeveralAreasAPartnerCityAndTheSampleReportDrafted() {
        try {
            demo.create();
            assertThat(jdbc.queryForObject("select count(*) from gnlc_evidence where target_code = '3.1' and title_vi like 'Nghị quyết 23-NQ/TU%'"
                    + " and date_from = date '2023-11-16'", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from gnlc_evidence where unit_code = '00004' and created_by = 'badinh'",
                    Integer.class)).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from gnlc_cooperation where kind = 'PARTNER_CITY'", Integer.class)).isGreaterThanOrEqualTo(1);
            DemoGnlc.act("demo-reader", Role.CITY_OFFICER, "01");
            var report = reports.report("sample-biennial-2021");
            assertThat(report.questionnaire().sample()).isTrue();
            assertThat(report.answers()).hasSize(6);
            assertThat(report.answers().values()).allMatch(a -> a.status() == GnlcReports.Status.DRAFT && !a.textEn().isBlank());
            // question 1 is about 3.1: its draft names the resolution and the city's registration as a learning city
            assertThat(report.answers().get(1).textVi()).contains("Nghị quyết 23-NQ/TU").contains("(16/11/2023, Thành ủy Hà Nội)");
            assertThat(report.answers().get(1).textEn()).contains("Resolution 23-NQ/TU");
            var gap = evidence.gap();
            assertThat(gap).hasSize(12);
            for (String area : new String[] {"3.1", "2.2", "2.6", "3.2"}) {
                assertThat(gap.stream().filter(g -> g.area().code().equals(area)).findFirst().orElseThrow().judgement().strength())
                        .as(area).isNotEqualTo(Strength.NONE);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
