package vn.hoctap.indicators.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.hoctap.indicators.core.Progress.Point;
import vn.hoctap.indicators.core.Progress.Status;

class ProgressTest {

    static final TargetSpec AT_LEAST_50 = new TargetSpec.AtLeast(new BigDecimal("50"));

    @Test
    void metWhenTheLatestValueMeetsTheTarget() {
        assertThat(Progress.assess(List.of(new Point(2023, 40), new Point(2024, 50)), AT_LEAST_50, 2025).status())
                .isEqualTo(Status.MET);
    }

    @Test
    void aRisingTrendThatReachesTheTargetIsOnTrack() {
        // 40, 44, 48 → +4 a year → 52 in 2025
        var a = Progress.assess(List.of(new Point(2022, 40), new Point(2023, 44), new Point(2024, 48)), AT_LEAST_50, 2025);
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(a.projection()).isCloseTo(52.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aTrendFallingShortByLittleIsAtRiskByMuchOffTrack() {
        // 45, 46, 47 → 48 in 2025: 2 points short → at risk
        assertThat(Progress.assess(List.of(new Point(2022, 45), new Point(2023, 46), new Point(2024, 47)), AT_LEAST_50, 2025)
                .status()).isEqualTo(Status.AT_RISK);
        // 30, 31, 32 → 33: far → off track
        assertThat(Progress.assess(List.of(new Point(2022, 30), new Point(2023, 31), new Point(2024, 32)), AT_LEAST_50, 2025)
                .status()).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void missedWhenTheTargetYearHasCome() {
        assertThat(Progress.assess(List.of(new Point(2024, 60), new Point(2025, 49)), AT_LEAST_50, 2025).status())
                .isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void noDataAndNoTarget() {
        assertThat(Progress.assess(List.of(), AT_LEAST_50, 2025).status()).isEqualTo(Status.NO_DATA);
        assertThat(Progress.assess(List.of(new Point(2024, 1)), null, 2025).status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void aSingleValueIsJudgedByItsDistance() {
        assertThat(Progress.assess(List.of(new Point(2024, 48.5)), AT_LEAST_50, 2025).status()).isEqualTo(Status.AT_RISK);
        assertThat(Progress.assess(List.of(new Point(2024, 40)), AT_LEAST_50, 2025).status()).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void statusTargets() {
        TargetSpec met = new TargetSpec.Status("met");
        assertThat(Progress.assess(List.of(new Point(2025, 1)), met, 2025).status()).isEqualTo(Status.MET);
        assertThat(Progress.assess(List.of(new Point(2025, 0)), met, 2025).status()).isEqualTo(Status.OFF_TRACK);
        assertThat(Progress.assess(List.of(new Point(2024, 0)), met, 2025).status()).isEqualTo(Status.AT_RISK);
    }

    @Test
    void aYearWithoutDataIsNoDataNotTheStatusOfAnEarlierYear() {
        // 2023: 55 (meets ≥ 50), nothing for 2024: the 2024 status is "no data" naming 2023, not "met"
        List<Point> series = List.of(new Point(2023, 55));
        var a = Progress.assessYear(series, 2024, AT_LEAST_50, 2025);
        assertThat(a.status()).isEqualTo(Status.NO_DATA);
        assertThat(a.reasonKey()).isEqualTo("progress.reason.no-data-year");
        assertThat(a.args()).containsExactly(2024, 2023);
        // the year that has data is judged on the values up to it: 2023 is met
        assertThat(Progress.assessYear(series, 2023, AT_LEAST_50, 2025).status()).isEqualTo(Status.MET);
        // a later value is not used for an earlier year: 2022 → 40 only (single value, 10 points short: off track)
        var early = Progress.assessYear(List.of(new Point(2022, 40), new Point(2023, 55)), 2022, AT_LEAST_50, 2025);
        assertThat(early.status()).isEqualTo(Status.OFF_TRACK);
        assertThat(early.reasonKey()).isEqualTo("progress.reason.single-far");
        // nothing at all before the year
        assertThat(Progress.assessYear(List.of(new Point(2025, 60)), 2024, AT_LEAST_50, 2025).reasonKey())
                .isEqualTo("progress.reason.no-data");
    }
}
