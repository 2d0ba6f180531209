package vn.hoctap.fund.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.fund.FundTestSupport.as;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.fund.FundTestSupport;
import vn.hoctap.fund.ledger.EntryDraft;
import vn.hoctap.fund.ledger.Line;
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
    }
}
