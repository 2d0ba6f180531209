package vn.hoctap.titles.core;

import java.util.Objects;

/**
 * A chỉ số: scored from 0 to {@code maxPoints} (whole points). {@code manual}: scored by hand even where the platform
 * could fill it from its data (an automatic criterion switched off in the set; the set file's optional 7th field
 * {@code manual}, docs/titles.md).
 */
public record Indicator(String id, String name, int maxPoints, VerificationStatus status, String source, boolean manual) {
    public Indicator {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(status);
        if (maxPoints <= 0) throw new IllegalArgumentException("indicator " + id + ": max points must be > 0");
    }

    public Indicator(String id, String name, int maxPoints, VerificationStatus status, String source) {
        this(id, name, maxPoints, status, source, false);
    }
}
