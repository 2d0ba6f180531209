package vn.hoctap.titles.core;

import java.util.List;
import java.util.Objects;

/** A tiêu chí: a group of indicators; its maximum is the sum of its indicators' maxima. */
public record Criterion(String id, String name, VerificationStatus status, String source, List<Indicator> indicators) {
    public Criterion {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(status);
        indicators = List.copyOf(indicators);
    }

    public int maxPoints() { return indicators.stream().mapToInt(Indicator::maxPoints).sum(); }
}
