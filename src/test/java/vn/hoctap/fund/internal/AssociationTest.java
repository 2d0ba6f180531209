package vn.hoctap.fund.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.fund.FundTestSupport.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.fund.FundTestSupport;
import vn.hoctap.fund.core.EntryDraft;
import vn.hoctap.fund.core.Line;
import vn.hoctap.units.UnitDirectory;

/** The association's branches, members and dues, and its yearly figures with the funds raised per resident. */
class AssociationTest extends IntegrationTest {

    @Autowired Association association;
    @Autowired Funds funds;
    @Autowired FundLedger ledger;
    @Autowired UnitDirectory units;

    @AfterEach
    void clear() {
        FundTestSupport.clear();
    }

    @Test
    void branchesMembersDuesAndFundsRaisedPerResident() {
        // a commune no other fund test uses
        String unit = "00091";
        int year = 2024;
        as("ketoan-" + unit, Role.FUND_ACCOUNTANT, unit);
        long village = association.addBranch(unit, "Chi hội khuyến học tổ dân phố số 3", "VILLAGE");
        long clan = association.addBranch(unit, "Ban khuyến học dòng họ Nguyễn", "CLAN");
        association.recordYear(village, year, 120, 6_000_000);
        association.recordYear(clan, year, 45, 2_250_000);
        association.recordYear(clan, year, 50, 2_500_000);   // corrected: replaces
        Funds.Fund f = funds.create("assoc-" + System.nanoTime() % 1_000_000, "Quỹ thử hội", unit, "COMMUNE_ASSOCIATION", 10_000_000);
        ledger.post(f.code(), new EntryDraft(LocalDate.of(year, 5, 1), "Đóng góp", List.of(Line.debit("112", 90_000_000), Line.credit("5111", 90_000_000))),
                "assoc-" + f.id());
        Association.YearFigures y = association.figures(unit, year);
        assertThat(y.branches()).isEqualTo(2);
        assertThat(y.members()).isEqualTo(170);          // 120 + 50
        assertThat(y.duesVnd()).isEqualTo(8_500_000);    // 6,000,000 + 2,500,000
        assertThat(y.fundsRaisedVnd()).isEqualTo(90_000_000);
        long population = units.population(unit).orElseThrow().getValue();
        assertThat(y.raisedPerResidentVnd()).isEqualTo(BigDecimal.valueOf(90_000_000).divide(BigDecimal.valueOf(population), 0,
                java.math.RoundingMode.HALF_UP));
        as("kiemtoan", Role.AUDITOR, "01");
        assertThat(association.branches(unit)).hasSize(2);
        assertThatThrownBy(() -> association.addBranch(unit, "X", "SCHOOL")).isInstanceOf(AccessDeniedException.class);
        // the proposed indicator assoc.members: 170 members per 100 residents of the commune
        Map<String, Object> v = jdbc.queryForMap("select numerator, denominator, value from indicator_value where indicator_id = 'assoc.members'"
                + " and unit_code = ? and year = ?", unit, year);
        assertThat(((Number) v.get("numerator")).longValue()).isEqualTo(170L);
        assertThat(((Number) v.get("denominator")).longValue()).isEqualTo(population);
        assertThat(((Number) v.get("value")).doubleValue()).isCloseTo(17_000.0 / population, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(y.membersPerHundred()).isEqualTo(BigDecimal.valueOf(17_000).divide(BigDecimal.valueOf(population), 2, java.math.RoundingMode.HALF_UP));
        // assoc.communes_with_branches (city only): over the 579 communes in force on 31/12/2024, this one among them
        Map<String, Object> c = jdbc.queryForMap("select numerator, denominator from indicator_value where indicator_id = 'assoc.communes_with_branches'"
                + " and unit_code = '01' and year = ?", year);
        assertThat(((Number) c.get("denominator")).intValue()).isEqualTo(579);
        assertThat(((Number) c.get("numerator")).intValue()).isBetween(1, 579);
    }

    @Test
    void thePagesShowTheFiguresAndTheChairRecordsABranchAndItsYear() throws Exception {
        String unit = "00145";
        int year = vn.hoctap.platform.HanoiTime.today().getYear();
        TestUser chair = user(Role.ASSOCIATION_CHAIR, unit);
        TestUser member = user(Role.ASSOCIATION_MEMBER, unit);
        TestUser citizen = user(Role.CITIZEN, unit);
        mvc.perform(post("/association/branches").with(httpBasic(chair.username(), chair.password())).with(csrf())
                        .param("unitCode", unit).param("name", "Chi hội khuyến học thôn Đoài").param("kind", "VILLAGE").param("year", "" + year))
                .andExpect(status().is3xxRedirection());
        as("kiemtoan", Role.AUDITOR, "01");
        long id = association.branches(unit).stream().filter(b -> b.name().equals("Chi hội khuyến học thôn Đoài")).findFirst().orElseThrow().id();
        FundTestSupport.clear();
        mvc.perform(post("/association/branches/" + id + "/years").with(httpBasic(chair.username(), chair.password())).with(csrf())
                        .param("unit", unit).param("year", "" + year).param("members", "57").param("duesVnd", "2850000"))
                .andExpect(status().is3xxRedirection());
        // a member reads, in Vietnamese, and has no forms; members and dues as recorded
        String page = mvc.perform(get("/association").param("unit", unit).param("year", "" + year).with(httpBasic(member.username(), member.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Hội Khuyến học").contains("Chi hội khuyến học thôn Đoài").contains("Thôn, tổ dân phố")
                .contains("2.850.000").contains(">57<").doesNotContain("branch-form").doesNotContain("??");
        // the member cannot write; a citizen is sent to their own donations
        mvc.perform(post("/association/branches").with(httpBasic(member.username(), member.password())).with(csrf())
                .param("unitCode", unit).param("name", "X").param("kind", "CLAN").param("year", "" + year)).andExpect(status().isForbidden());
        mvc.perform(get("/association").with(httpBasic(citizen.username(), citizen.password()))).andExpect(status().is3xxRedirection());
        // another commune's chair cannot record this commune's branch
        TestUser other = user(Role.ASSOCIATION_CHAIR, "00004");
        mvc.perform(post("/association/branches/" + id + "/years").with(httpBasic(other.username(), other.password())).with(csrf())
                .param("unit", unit).param("year", "" + year).param("members", "1").param("duesVnd", "1")).andExpect(status().isForbidden());
        // reachable from the menu
        String home = mvc.perform(get("/fund").with(httpBasic(chair.username(), chair.password()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(home).contains("href=\"/association\"");
    }

    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
}
