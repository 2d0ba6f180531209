package vn.hoctap.titles.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scorecard: the set id and version it was scored with (kept for ever, so a later version of the
 * criteria never re-scores it), the points per indicator, and evidence references (minh chứng) per indicator.
 */
public record Evaluation(String setId, int setVersion, Map<String, Integer> points, Map<String, List<String>> evidence) {
    public Evaluation {
        Objects.requireNonNull(setId);
        points = Map.copyOf(points);
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }

    public String setKey() { return setId + "@" + setVersion; }
}
