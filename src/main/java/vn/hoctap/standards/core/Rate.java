package vn.hoctap.standards.core;

/** A criterion's count: how many persons of the cohort (denominator) meet it (numerator). */
public record Rate(long numerator, long denominator) {
    public Rate {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("bad rate " + numerator + "/" + denominator);
        }
    }

    public static final Rate EMPTY = new Rate(0, 0);

    /** Exact comparison numerator × 100 ≥ t × denominator; a zero denominator meets every threshold. */
    public boolean meets(Percent threshold) { return threshold.isMetBy(numerator, denominator); }

    /** The rate in percent (NaN when the denominator is 0); for display only, never for decisions. */
    public double percent() { return denominator == 0 ? Double.NaN : numerator * 100.0 / denominator; }

    @Override
    public String toString() { return numerator + "/" + denominator; }
}
