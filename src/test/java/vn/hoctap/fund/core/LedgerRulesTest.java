package vn.hoctap.fund.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class LedgerRulesTest {

    @Test
    void anEntryMustBalance() {
        assertThatThrownBy(() -> new EntryDraft(LocalDate.of(2026, 3, 1), "x", List.of(Line.debit("111", 100), Line.credit("5111", 99))))
                .extracting(e -> ((LedgerException) e).code()).isEqualTo("ENTRY_UNBALANCED");
        assertThatThrownBy(() -> new EntryDraft(LocalDate.of(2026, 3, 1), "x", List.of(Line.debit("111", 100))))
                .extracting(e -> ((LedgerException) e).code()).isEqualTo("ENTRY_TWO_LINES");
        assertThatThrownBy(() -> new Line("111", 5, 5)).extracting(e -> ((LedgerException) e).code()).isEqualTo("LINE_ONE_SIDE");
        assertThat(new EntryDraft(LocalDate.of(2026, 3, 1), "x", List.of(Line.debit("111", 100), Line.credit("5111", 60),
                Line.credit("5112", 40))).total()).isEqualTo(100);
    }

    @Test
    void aBalanceIsItsBaselinePlusMovements() {
        Ledger l = new Ledger();
        l.open("112", AccountKind.ASSET);
        l.open("5111", AccountKind.INCOME);
        l.open("6111", AccountKind.EXPENSE);
        l.post(new EntryDraft(LocalDate.of(2026, 1, 10), "a", List.of(Line.debit("112", 1_000_000), Line.credit("5111", 1_000_000))));
        l.post(new EntryDraft(LocalDate.of(2026, 2, 10), "b", List.of(Line.debit("6111", 300_000), Line.credit("112", 300_000))));
        l.closeThrough(Period.of(2026, 1));
        l.post(new EntryDraft(LocalDate.of(2026, 3, 1), "c", List.of(Line.debit("112", 50_000), Line.credit("5111", 50_000))));
        // 112: 1,000,000 frozen in January; February −300,000 and March +50,000 still moving
        assertThat(l.balance("112")).isEqualTo(new Ledger.Balance(1_000_000, -250_000));
        assertThat(l.balance("5111").total()).isEqualTo(1_050_000);
        assertThatThrownBy(() -> l.post(new EntryDraft(LocalDate.of(2026, 1, 31), "late", List.of(Line.debit("112", 1), Line.credit("5111", 1)))))
                .extracting(e -> ((LedgerException) e).code()).isEqualTo("PERIOD_CLOSED");
        Ledger.Posted r = l.reverse(2, LocalDate.of(2026, 3, 2));
        assertThat(l.balance("112").total()).isEqualTo(1_050_000);
        assertThatThrownBy(() -> l.reverse(2, LocalDate.of(2026, 3, 3))).extracting(e -> ((LedgerException) e).code()).isEqualTo("ALREADY_REVERSED");
        assertThatThrownBy(() -> l.reverse(r.id(), LocalDate.of(2026, 3, 3))).extracting(e -> ((LedgerException) e).code())
                .isEqualTo("REVERSAL_OF_REVERSAL");
    }

    @Test
    void makerCannotCheckAndBigAmountsNeedTheNextLevel() {
        assertThatThrownBy(() -> ApprovalPolicy.approve("ketoan", null, "ketoan", 1, 10, false))
                .extracting(e -> ((LedgerException) e).code()).isEqualTo("MAKER_IS_CHECKER");
        assertThat(ApprovalPolicy.approve("ketoan", null, "chutich", 10, 10, false)).isEqualTo(ApprovalPolicy.Outcome.APPROVED);
        assertThat(ApprovalPolicy.approve("ketoan", null, "chutich", 11, 10, false)).isEqualTo(ApprovalPolicy.Outcome.AWAITING_SECOND);
        assertThatThrownBy(() -> ApprovalPolicy.approve("ketoan", "chutich", "chutich", 11, 10, true))
                .extracting(e -> ((LedgerException) e).code()).isEqualTo("SAME_APPROVER");
        assertThatThrownBy(() -> ApprovalPolicy.approve("ketoan", "chutich", "phochutich", 11, 10, false))
                .extracting(e -> ((LedgerException) e).code()).isEqualTo("NEXT_LEVEL");
        assertThat(ApprovalPolicy.approve("ketoan", "chutich", "thanhpho", 11, 10, true)).isEqualTo(ApprovalPolicy.Outcome.APPROVED);
    }

    @Test
    void foreignMoneyIsConvertedExactlyHalfUp() {
        // 1,250.50 USD × 25,410.5 = 1,250 × 25,410.5 + 0.5 × 25,410.5 = 31,763,125 + 12,705.25 = 31,775,830.25 → 31,775,830 đồng
        assertThat(ForeignAmount.toVnd(new BigDecimal("1250.50"), new BigDecimal("25410.5"))).isEqualTo(31_775_830L);
        assertThat(ForeignAmount.toVnd(new BigDecimal("1"), new BigDecimal("0.5"))).isEqualTo(1L);
    }
}
