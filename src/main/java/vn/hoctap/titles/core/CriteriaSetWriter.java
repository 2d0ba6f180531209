package vn.hoctap.titles.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a bộ tiêu chí back into the line format {@link CriteriaSetLoader} reads (docs/titles.md), so that a
 * version built in the structured editor is stored, hashed and published exactly like an edited text.
 * Fields must not contain '|' or line breaks (the editor refuses them beside the field). Pure Java.
 */
public final class CriteriaSetWriter {

    private CriteriaSetWriter() {}

    /** The text of {@code set} with its version replaced by {@code version}. */
    public static String write(CriteriaSet set, int version) {
        List<String> out = new ArrayList<>();
        out.add("# HọcTập criteria set (format: docs/titles.md), saved from the structured editor.");
        out.add(line("set", set.id(), String.valueOf(version), set.kind().name(), set.title(), set.status().name(), set.source()));
        for (Criterion c : set.criteria()) {
            out.add("");
            out.add(line("criterion", c.id(), c.name(), c.status().name(), c.source()));
            for (Indicator i : c.indicators()) {
                // the 7th field only when scored by hand, so a set without it writes as before (same text, same hash)
                out.add(i.manual() ? line("indicator", i.id(), String.valueOf(i.maxPoints()), i.name(), i.status().name(), i.source(), "manual")
                        : line("indicator", i.id(), String.valueOf(i.maxPoints()), i.name(), i.status().name(), i.source()));
            }
        }
        out.add("");
        PassRule p = set.passRule();
        if (p.minTotal() != null) {
            out.add(line("pass", PassRule.MIN_TOTAL, String.valueOf(p.minTotal()), p.status(PassRule.MIN_TOTAL).name(), source(p, PassRule.MIN_TOTAL)));
        }
        if (p.minPerIndicator() != null) {
            out.add(line("pass", PassRule.MIN_INDICATOR, String.valueOf(p.minPerIndicator()), p.status(PassRule.MIN_INDICATOR).name(),
                    source(p, PassRule.MIN_INDICATOR)));
        }
        for (Criterion c : set.criteria()) {
            Integer min = p.minPerCriterion().get(c.id());
            if (min != null) {
                String key = "criterion:" + c.id();
                out.add(line("pass", "min_criterion", c.id(), String.valueOf(min), p.status(key).name(), source(p, key)));
            }
        }
        return String.join("\n", out) + "\n";
    }

    private static String source(PassRule p, String key) {
        String s = p.sourceOf().get(key);
        return s == null ? "" : s;
    }

    private static String line(String... fields) {
        for (String f : fields) {
            if (f != null && (f.indexOf('|') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("a field contains '|' or a line break");
            }
        }
        return String.join(" | ", java.util.Arrays.stream(fields).map(f -> f == null ? "" : f.strip()).toList());
    }
}
