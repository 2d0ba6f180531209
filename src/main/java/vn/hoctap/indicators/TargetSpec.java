package vn.hoctap.indicators;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Chỉ tiêu: what a target asks of an indicator's value. Written as in the resolution's table:
 * {@code ≥ 99.5} (at least), {@code > 80} (more than), {@code 75-80} (a band: below the low end not met,
 * inside met, above exceeded), {@code 100} (at least 100), {@code met} (a standard reached),
 * {@code registered} / {@code recognised} (a status).
 */
public sealed interface TargetSpec {

    /** How a value stands against the target. */
    enum Outcome { NOT_MET, MET, EXCEEDED }

    Outcome judge(double value);

    /** The numeric level a value must reach to meet the target (for projections); NaN for statuses. */
    double threshold();

    String text();

    record AtLeast(BigDecimal value) implements TargetSpec {
        public Outcome judge(double v) { return v >= value.doubleValue() - 1e-9 ? Outcome.MET : Outcome.NOT_MET; }
        public double threshold() { return value.doubleValue(); }
        public String text() { return "≥ " + value.toPlainString(); }
    }

    record MoreThan(BigDecimal value) implements TargetSpec {
        public Outcome judge(double v) { return v > value.doubleValue() + 1e-9 ? Outcome.MET : Outcome.NOT_MET; }
        public double threshold() { return value.doubleValue(); }
        public String text() { return "> " + value.toPlainString(); }
    }

    record Band(BigDecimal low, BigDecimal high) implements TargetSpec {
        public Outcome judge(double v) {
            if (v < low.doubleValue() - 1e-9) return Outcome.NOT_MET;
            return v > high.doubleValue() + 1e-9 ? Outcome.EXCEEDED : Outcome.MET;
        }
        public double threshold() { return low.doubleValue(); }
        public String text() { return low.toPlainString() + "–" + high.toPlainString(); }
    }

    /** A status target: met when the value is 1 (the standard is reached, the city is registered…). */
    record Status(String word) implements TargetSpec {
        public Outcome judge(double v) { return v >= 1 ? Outcome.MET : Outcome.NOT_MET; }
        public double threshold() { return Double.NaN; }
        public String text() { return word; }
    }

    /** Parses a target as written in the targets file; null for an empty cell. */
    static TargetSpec parse(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        if (t.startsWith("≥") || t.startsWith(">=")) {
            return new AtLeast(new BigDecimal(t.replaceFirst("^(≥|>=)", "").strip()));
        }
        if (t.startsWith(">")) {
            return new MoreThan(new BigDecimal(t.substring(1).strip()));
        }
        if (t.matches("\\d+(\\.\\d+)?\\s*[-–]\\s*\\d+(\\.\\d+)?")) {
            String[] p = t.split("[-–]");
            return new Band(new BigDecimal(p[0].strip()), new BigDecimal(p[1].strip()));
        }
        if (t.matches("\\d+(\\.\\d+)?")) {
            return new AtLeast(new BigDecimal(t));
        }
        if (t.matches("[a-z]+")) {
            return new Status(t.toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("not a target: '" + text + "' (use ≥ 99.5, > 80, 75-80, 100, met, registered)");
    }
}
