package vn.hoctap.indicators.core;

import java.util.List;

/**
 * Tiến độ thực hiện chỉ tiêu: met, on track, at risk or off track, with the reason.
 *
 * <p>The rule (a policy of the platform, documented in docs/indicators.md):
 * <ol>
 * <li>no value → NO_DATA;</li>
 * <li>the latest value meets (or exceeds) the target → MET;</li>
 * <li>the target year has come (latest data year ≥ target year) → OFF_TRACK;</li>
 * <li>otherwise project the linear trend of the last values (up to three years, least squares) to the
 * target year: the projection meets the target → ON_TRACK; the projection is short by no more than 2
 * percentage points, or there is only one value and it is within 2 points → AT_RISK; else OFF_TRACK.</li>
 * </ol>
 * Status targets (a standard reached, a title registered) are MET or OFF_TRACK (AT_RISK before the
 * target year).
 */
public final class Progress {

    /**
     * UNDETERMINED: the standard that gives the status has thresholds that are not verified (issue 15: Nghị định
     * 277/2025 for {@code pcgd.mn5_units}), so the value can be neither met nor not met.
     */
    public enum Status { MET, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, UNDETERMINED }

    /** One year's value of a series. */
    public record Point(int year, double value) {
    }

    /** The status and why: the message key and its arguments (value, target, projection, years). */
    public record Assessment(Status status, String reasonKey, Object[] args, Double projection) {
    }

    static final double AT_RISK_MARGIN = 2.0;

    private Progress() {
    }

    /**
     * The assessment of one data year: NO_DATA ("chưa có số liệu" of that year, naming the last year that has
     * some) when the series has no value for {@code year}, never a status carried over from an earlier year
     * (issue 15); otherwise {@link #assess} over the values up to that year.
     */
    public static Assessment assessYear(List<Point> series, int year, TargetSpec target, int targetYear) {
        List<Point> upTo = series.stream().filter(p -> p.year() <= year).toList();
        if (upTo.isEmpty() || upTo.get(upTo.size() - 1).year() != year) {
            if (upTo.isEmpty()) {
                return new Assessment(Status.NO_DATA, "progress.reason.no-data", new Object[0], null);
            }
            return new Assessment(Status.NO_DATA, "progress.reason.no-data-year",
                    new Object[] {year, upTo.get(upTo.size() - 1).year()}, null);
        }
        return assess(upTo, target, targetYear);
    }

    public static Assessment assess(List<Point> series, TargetSpec target, int targetYear) {
        if (target == null) {
            return new Assessment(Status.NO_DATA, "progress.reason.no-target", new Object[0], null);
        }
        if (series.isEmpty()) {
            return new Assessment(Status.NO_DATA, "progress.reason.no-data", new Object[0], null);
        }
        Point last = series.get(series.size() - 1);
        if (target.judge(last.value()) != TargetSpec.Outcome.NOT_MET) {
            return new Assessment(Status.MET, "progress.reason.met", new Object[] {fmt(last.value()), target.text(), last.year()}, null);
        }
        if (last.year() >= targetYear) {
            return new Assessment(Status.OFF_TRACK, "progress.reason.missed",
                    new Object[] {fmt(last.value()), target.text(), targetYear}, null);
        }
        if (target instanceof TargetSpec.Status) {
            return new Assessment(Status.AT_RISK, "progress.reason.status-not-yet", new Object[] {target.text(), targetYear}, null);
        }
        double threshold = target.threshold();
        List<Point> recent = series.subList(Math.max(0, series.size() - 3), series.size());
        if (recent.size() == 1) {
            boolean close = threshold - last.value() <= AT_RISK_MARGIN;
            return new Assessment(close ? Status.AT_RISK : Status.OFF_TRACK,
                    close ? "progress.reason.single-close" : "progress.reason.single-far",
                    new Object[] {fmt(last.value()), target.text(), fmt(threshold - last.value())}, null);
        }
        double projection = project(recent, targetYear);
        Object[] args = {fmt(last.value()), target.text(), fmt(projection), targetYear};
        if (target.judge(projection) != TargetSpec.Outcome.NOT_MET) {
            return new Assessment(Status.ON_TRACK, "progress.reason.on-track", args, projection);
        }
        if (threshold - projection <= AT_RISK_MARGIN) {
            return new Assessment(Status.AT_RISK, "progress.reason.at-risk", args, projection);
        }
        return new Assessment(Status.OFF_TRACK, "progress.reason.off-track", args, projection);
    }

    /** Least-squares line through the points, evaluated at {@code year}. */
    static double project(List<Point> points, int year) {
        int n = points.size();
        double mx = 0, my = 0;
        for (Point p : points) {
            mx += p.year();
            my += p.value();
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (Point p : points) {
            sxy += (p.year() - mx) * (p.value() - my);
            sxx += (p.year() - mx) * (p.year() - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return my + slope * (year - mx);
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
