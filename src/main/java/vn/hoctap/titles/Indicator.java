package vn.hoctap.titles;

import java.util.Objects;

/** A chỉ số: scored from 0 to {@code maxPoints} (whole points). */
public record Indicator(String id, String name, int maxPoints, VerificationStatus status, String source) {
    public Indicator {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(status);
        if (maxPoints <= 0) throw new IllegalArgumentException("indicator " + id + ": max points must be > 0");
    }
}
