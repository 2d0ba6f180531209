package vn.hoctap.gnlc.core;


import vn.hoctap.gnlc.core.AnswerDraft;
import vn.hoctap.gnlc.core.EvidenceStrengthPolicy;
import vn.hoctap.gnlc.core.ReportDeadlinePolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hoctap.gnlc.core.EvidenceStrengthPolicy.Item;
import vn.hoctap.gnlc.core.EvidenceStrengthPolicy.Missing;
import vn.hoctap.gnlc.core.EvidenceStrengthPolicy.Strength;

class PoliciesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void nothingIsNoneOneItemIsWeakTwoKindsWithARecentOneAreStrong() {
        assertThat(EvidenceStrengthPolicy.judge(List.of(), TODAY).strength()).isEqualTo(Strength.NONE);
        assertThat(EvidenceStrengthPolicy.judge(List.of(), TODAY).missing()).containsExactly(Missing.NO_EVIDENCE);

        var one = EvidenceStrengthPolicy.judge(List.of(new Item("DOCUMENT", LocalDate.of(2026, 1, 1))), TODAY);
        assertThat(one.strength()).isEqualTo(Strength.WEAK);
        assertThat(one.missing()).containsExactlyInAnyOrder(Missing.NO_INDICATOR);

        var twoDocuments = EvidenceStrengthPolicy.judge(List.of(new Item("DOCUMENT", LocalDate.of(2026, 1, 1)),
                new Item("DOCUMENT", LocalDate.of(2025, 1, 1))), TODAY);
        assertThat(twoDocuments.strength()).as("two items of one kind").isEqualTo(Strength.WEAK);

        var strong = EvidenceStrengthPolicy.judge(List.of(new Item("INDICATOR", LocalDate.of(2025, 12, 31)),
                new Item("EVENT", LocalDate.of(2023, 11, 16))), TODAY);
        assertThat(strong.strength()).isEqualTo(Strength.STRONG);
        assertThat(strong.missing()).isEmpty();

        // 7/12/2024 is exactly two years back: still in the period; the day before is not
        var edge = EvidenceStrengthPolicy.judge(List.of(new Item("DOCUMENT", LocalDate.of(2024, 12, 7)),
                new Item("EVENT", LocalDate.of(2020, 1, 1))), TODAY);
        assertThat(edge.strength()).isEqualTo(Strength.STRONG);
        var old = EvidenceStrengthPolicy.judge(List.of(new Item("DOCUMENT", LocalDate.of(2024, 12, 6)),
                new Item("EVENT", LocalDate.of(2020, 1, 1))), TODAY);
        assertThat(old.strength()).isEqualTo(Strength.WEAK);
        assertThat(old.missing()).contains(Missing.NOTHING_RECENT, Missing.NO_INDICATOR);
    }

    @Test
    void theReportIsDueTwoYearsAfterJoiningAndTheAwardOpensAfterTwelveMonths() {
        LocalDate joined = LocalDate.of(2025, 12, 4);
        assertThat(ReportDeadlinePolicy.biennialReportDue(joined)).isEqualTo(LocalDate.of(2027, 12, 4));
        assertThat(ReportDeadlinePolicy.awardEligibleFrom(joined)).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(ReportDeadlinePolicy.biennialReportDue(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void aDraftListsTheEvidenceAndTheStatisticsWithTheirChangeInBothLanguages() {
        var d = AnswerDraft.assemble(
                List.of(new AnswerDraft.Source("Ngày hội đọc sách", "Reading festival", LocalDate.of(2026, 4, 21), "UBND phường Ba Đình",
                        "Phường Ba Đình", "Phường Ba Đình"),
                        new AnswerDraft.Source("Kế hoạch số 5", null, LocalDate.of(2026, 1, 2), "UBND thành phố", null, null)),
                List.of(new AnswerDraft.Statistic("Tỷ lệ biết chữ", "Literacy rate", false, 2025, 98.76, 2024, 98.31),
                        new AnswerDraft.Statistic("Đăng ký danh hiệu", "Registered", true, 2025, 1, null, null)));
        // 98.76 → 98.8, 98.31 → 98.3: up 0.5 points
        assertThat(d.vi()).isEqualTo("""
                Hà Nội đã thực hiện:
                - Ngày hội đọc sách (21/04/2026, UBND phường Ba Đình, Phường Ba Đình).
                - Kế hoạch số 5 (02/01/2026, UBND thành phố).
                Số liệu của thành phố:
                - Tỷ lệ biết chữ: 98,8 % (năm 2025); tăng 0,5 điểm phần trăm so với năm 2024.
                - Đăng ký danh hiệu: đạt (năm 2025).""");
        assertThat(d.en()).isEqualTo("""
                Hà Nội has carried out:
                - Reading festival (21 Apr 2026, UBND phường Ba Đình, Phường Ba Đình).
                - Kế hoạch số 5 [to translate] (2 Jan 2026, UBND thành phố).
                City statistics:
                - Literacy rate: 98.8 % (2025); up 0.5 percentage points from 2024.
                - Registered: met (2025).""");
        var down = AnswerDraft.assemble(List.of(), List.of(new AnswerDraft.Statistic("X", "X", false, 2025, 40.0, 2023, 42.25)));
        assertThat(down.en()).endsWith("X: 40.0 % (2025); down 2.3 percentage points from 2023.");
        assertThat(AnswerDraft.assemble(List.of(), List.of()).en()).isEqualTo("No evidence has been recorded for this question yet.");
        assertThat(AnswerDraft.words("  Hà Nội has\ncarried out  ")).isEqualTo(5);
        assertThat(AnswerDraft.words("")).isZero();
    }
}
