package vn.hoctap.learning;

import java.util.Map;
import java.util.Set;

/**
 * Người mới biết chữ tiếp tục học tập, không tái mù chữ ({@code lit.new_continuing}, NQ 23-NQ/TU target ≥ 95 %):
 * the platform's definition (the resolution gives none; documented in docs/learning.md).
 * <ul>
 * <li>Cohort of year Y (denominator): the persons whose learning record has a <em>verified</em> literacy class
 * (topic {@code literacy}) that ended in year Y − 1.</li>
 * <li>Continuing (numerator): a cohort person who in year Y is not recorded as relapsed (follow-up status
 * {@code relapsed}) and either has a learning entry starting in Y (any course: post-literacy, vocational…) or a
 * follow-up status {@code in_class}, {@code post_literacy} or {@code retested} (re-tested and still literate).</li>
 * <li>A cohort person with no news in year Y counts in the denominator only ("not found" is not continuing):
 * the conservative reading.</li>
 * </ul>
 * Pure Java.
 */
public final class LiteracyContinuation {

    public record Counts(int continuing, int cohort) {
    }

    private LiteracyContinuation() {
    }

    /**
     * @param cohort        persons who completed a literacy class in Y − 1
     * @param followUp      the follow-up status recorded for year Y, by person (absent: none recorded)
     * @param learnedInYear persons with a learning entry starting in Y
     */
    public static Counts count(Set<String> cohort, Map<String, String> followUp, Set<String> learnedInYear) {
        int n = 0;
        for (String p : cohort) {
            String s = followUp.get(p);
            if ("relapsed".equals(s)) continue;
            if (learnedInYear.contains(p) || "in_class".equals(s) || "post_literacy".equals(s) || "retested".equals(s)) n++;
        }
        return new Counts(n, cohort.size());
    }
}
