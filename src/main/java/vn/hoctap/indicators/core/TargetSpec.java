package vn.hoctap.indicators.core;

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

    /**
     * A target that cannot be accepted, with the reason as a message key ({@code indicators.error.target-*}) and the
     * part of the text at fault.
     */
    final class InvalidTarget extends IllegalArgumentException {
        private final String reasonKey;
        private final String part;

        InvalidTarget(String reasonKey, String part, String message) {
            super(message);
            this.reasonKey = reasonKey;
            this.part = part;
        }

        public String reasonKey() { return reasonKey; }

        public String part() { return part; }
    }

    /** A number of a target: digits, at most 6 before the point and 3 after; no sign, no exponent (1E+100000). */
    String NUMBER = "\\d{1,6}(\\.\\d{1,3})?";

    private static BigDecimal number(String s) {
        String t = s.strip();
        if (t.startsWith("-")) {
            throw new InvalidTarget("indicators.error.target-negative", t, "a target is never negative: '" + t + "'");
        }
        if (!t.matches(NUMBER)) {
            throw new InvalidTarget("indicators.error.target-number", t,
                    "not a plain number (at most 6 digits and 3 decimals, no sign or exponent): '" + t + "'");
        }
        return new BigDecimal(t);
    }

    /** Parses a target as written in the targets file; null for an empty cell. Bounded numbers, bands in order. */
    static TargetSpec parse(String text) {
        String t = text == null ? "" : text.strip().replace(',', '.');
        if (t.isEmpty()) {
            return null;
        }
        if (t.startsWith("≥") || t.startsWith(">=")) {
            return new AtLeast(number(t.replaceFirst("^(≥|>=)", "")));
        }
        if (t.startsWith(">")) {
            return new MoreThan(number(t.substring(1)));
        }
        if (t.matches("[^-–]+[-–][^-–]+")) {
            String[] p = t.split("[-–]");
            BigDecimal low = number(p[0]);
            BigDecimal high = number(p[1]);
            if (low.compareTo(high) >= 0) {
                throw new InvalidTarget("indicators.error.target-band-order", t,
                        "the low end of a band must be below its high end: '" + t + "'");
            }
            return new Band(low, high);
        }
        if (t.matches("[0-9.]+")) {
            return new AtLeast(number(t));
        }
        if (t.matches("[a-z]+")) {
            return new Status(t.toLowerCase(Locale.ROOT));
        }
        if (t.startsWith("-") || t.contains("≥ -") || t.matches("^(≥|>=|>)\\s*-.*")) {
            throw new InvalidTarget("indicators.error.target-negative", t, "a target is never negative: '" + t + "'");
        }
        throw new InvalidTarget("indicators.error.target-spec", t,
                "not a target: '" + text + "' (use ≥ 99.5, > 80, 75-80, 100, met, registered)");
    }

    /** The words a status target may be. */
    java.util.Set<String> STATUS_WORDS = java.util.Set.of("met", "registered", "recognised");

    /**
     * Parses a target for an indicator of {@code unit} ("percent": numbers 0–100; "status": a status word), as an
     * administrator types it: every rule of {@link #parse(String)}, plus the unit's.
     */
    static TargetSpec parse(String text, String unit) {
        TargetSpec spec = parse(text);
        if (spec == null) {
            return null;
        }
        if ("status".equals(unit)) {
            if (!(spec instanceof Status st) || !STATUS_WORDS.contains(st.word())) {
                throw new InvalidTarget("indicators.error.target-status", spec.text(), "a status indicator's target is met, registered or recognised");
            }
            return spec;
        }
        if (spec instanceof Status) {
            throw new InvalidTarget("indicators.error.target-kind", spec.text(), "a rate's target is a number");
        }
        if ("percent".equals(unit)) {
            BigDecimal hundred = BigDecimal.valueOf(100);
            BigDecimal top = spec instanceof Band b ? b.high() : spec instanceof AtLeast a ? a.value() : ((MoreThan) spec).value();
            if (top.compareTo(hundred) > 0 || (spec instanceof MoreThan m && m.value().compareTo(hundred) >= 0)) {
                throw new InvalidTarget("indicators.error.target-percent", spec.text(), "a rate is between 0 and 100");
            }
        }
        return spec;
    }
}
