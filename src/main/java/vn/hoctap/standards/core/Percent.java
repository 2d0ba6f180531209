package vn.hoctap.standards.core;

/**
 * A threshold in percent with up to two decimals, stored exactly as hundredths of a percent.
 * A rate numerator/denominator meets it when {@code numerator × 100 ≥ t × denominator}, computed
 * exactly in integers; a zero denominator always meets it.
 */
public record Percent(int hundredths) implements Comparable<Percent> {
    public Percent {
        if (hundredths < 0 || hundredths > 10000) throw new IllegalArgumentException("percent out of 0..100: " + hundredths / 100.0);
    }

    public static Percent of(int percent) { return new Percent(percent * 100); }

    /** Parses {@code 95}, {@code 97.5}, {@code 97.25}. @throws IllegalArgumentException */
    public static Percent parse(String s) {
        if (!s.matches("\\d{1,3}(\\.\\d{1,2})?")) throw new IllegalArgumentException("not a percentage: " + s);
        int dot = s.indexOf('.');
        int whole = Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        int frac = 0;
        if (dot >= 0) {
            String f = s.substring(dot + 1);
            frac = Integer.parseInt(f.length() == 1 ? f + "0" : f);
        }
        return new Percent(whole * 100 + frac);
    }

    /** Exact test {@code numerator × 100 ≥ t × denominator}; true when the denominator is 0. */
    public boolean isMetBy(long numerator, long denominator) {
        if (denominator == 0) return true;
        return Math.multiplyExact(numerator, 10000L) >= Math.multiplyExact((long) hundredths, denominator);
    }

    /**
     * The smallest k ≥ 0 such that (numerator + k) meets the threshold over the same denominator.
     * It may exceed {@code denominator - numerator} only for thresholds above 100 % (not allowed here).
     */
    public long additionalNeeded(long numerator, long denominator) {
        if (isMetBy(numerator, denominator)) return 0;
        long need = Math.multiplyExact((long) hundredths, denominator);
        long minNum = need / 10000 + (need % 10000 == 0 ? 0 : 1); // ceil(t·den/100)
        return Math.max(0, minNum - numerator);
    }

    @Override
    public int compareTo(Percent o) { return Integer.compare(hundredths, o.hundredths); }

    @Override
    public String toString() {
        int w = hundredths / 100, f = hundredths % 100;
        if (f == 0) return Integer.toString(w);
        return f % 10 == 0 ? w + "." + (f / 10) : w + "." + (f < 10 ? "0" + f : Integer.toString(f));
    }
}
