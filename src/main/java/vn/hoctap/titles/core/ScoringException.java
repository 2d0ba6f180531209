package vn.hoctap.titles.core;

import java.util.List;

/** Invalid scorecard input (unknown indicator, points out of range, wrong set version); each problem names the indicator. */
public final class ScoringException extends IllegalArgumentException {
    private final List<Reason> problems;

    public ScoringException(List<Reason> problems) {
        super(String.join("; ", problems.stream().map(Reason::en).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Reason> problems() { return problems; }
}
