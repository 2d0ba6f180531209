package vn.hoctap.titles.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mức độ xác minh của một bộ tiêu chí, said once for the whole set (issue 15; issue 19 asked not to repeat it on every
 * line): how many indicators and which pass-rule parts rest on a source ([V] verified or [S] secondary, regulations.md
 * legend) and how many are "tiêu chí tạm thời của HọcTập" — the platform's own ([M]) or not found ([NF]). Every place
 * that shows a set (titles pages, the editor, the certificate, the public verification page, the Open Badges
 * credential) takes its wording from here, so they cannot disagree.
 *
 * <ul>
 *   <li>{@link Level#SOURCED}: no part is M/NF;</li>
 *   <li>{@link Level#PROVISIONAL}: no indicator has a source — the points are the platform's, even when the pass mark
 *       has one (the "Công dân học tập" sets: ≥ 80/100 [S], indicators not found);</li>
 *   <li>{@link Level#PARTLY_PROVISIONAL}: some indicators have a source, some do not.</li>
 * </ul>
 */
public record CriteriaVerification(Level level, int sourcedIndicators, int indicators, PassRuleState passRule,
                                   List<String> provisionalCriteria) {

    /** The label of the platform's own criteria, everywhere it appears. */
    public static final String PROVISIONAL_VI = "tiêu chí tạm thời của HọcTập";
    public static final String PROVISIONAL_EN = "HọcTập's provisional criteria";

    public enum Level { SOURCED, PARTLY_PROVISIONAL, PROVISIONAL }

    /** Whether the pass rule rests on a source: all its parts, some of them, none. */
    public enum PassRuleState { SOURCED, PARTLY, PROVISIONAL }

    public CriteriaVerification {
        provisionalCriteria = List.copyOf(provisionalCriteria);
    }

    public static CriteriaVerification of(CriteriaSet set) {
        int sourced = 0;
        int all = 0;
        List<String> provisional = new ArrayList<>();
        for (Criterion c : set.criteria()) {
            boolean anyProvisional = c.status().isUnverified();
            for (Indicator i : c.indicators()) {
                all++;
                if (i.status().isUnverified()) anyProvisional = true;
                else sourced++;
            }
            if (anyProvisional) provisional.add(c.id());
        }
        Map<String, VerificationStatus> parts = set.passRule().statusOf();
        long unverifiedParts = parts.values().stream().filter(VerificationStatus::isUnverified).count();
        PassRuleState pass = unverifiedParts == 0 ? PassRuleState.SOURCED
                : unverifiedParts == parts.size() ? PassRuleState.PROVISIONAL : PassRuleState.PARTLY;
        Level level = !set.isUnverified() ? Level.SOURCED : sourced == 0 ? Level.PROVISIONAL : Level.PARTLY_PROVISIONAL;
        return new CriteriaVerification(level, sourced, all, pass, provisional);
    }

    public boolean provisional() { return level != Level.SOURCED; }

    /** The short label (a badge): "Có nguồn văn bản", "Một phần là tiêu chí tạm thời của HọcTập", "Tiêu chí tạm thời của HọcTập". */
    public String labelVi() {
        return switch (level) {
            case SOURCED -> "Có nguồn văn bản";
            case PARTLY_PROVISIONAL -> "Một phần là " + PROVISIONAL_VI;
            case PROVISIONAL -> "Tiêu chí tạm thời của HọcTập";
        };
    }

    public String labelEn() {
        return switch (level) {
            case SOURCED -> "Backed by the legal text";
            case PARTLY_PROVISIONAL -> "Partly " + PROVISIONAL_EN;
            case PROVISIONAL -> "HọcTập's provisional criteria";
        };
    }

    /** One sentence for the whole set, e.g. "Tiêu chí tạm thời của HọcTập: 0/10 chỉ số có nguồn; mức đạt có nguồn." */
    public String summaryVi() {
        String pass = switch (passRule) {
            case SOURCED -> "mức đạt có nguồn";
            case PARTLY -> "mức đạt có nguồn một phần";
            case PROVISIONAL -> "mức đạt là " + PROVISIONAL_VI;
        };
        String crit = level == Level.PARTLY_PROVISIONAL && !provisionalCriteria.isEmpty()
                ? "; tạm thời: tiêu chí " + String.join(", ", provisionalCriteria) : "";
        return labelVi() + ": " + sourcedIndicators + "/" + indicators + " chỉ số có nguồn" + crit + "; " + pass + ".";
    }

    public String summaryEn() {
        String pass = switch (passRule) {
            case SOURCED -> "pass mark from a source";
            case PARTLY -> "pass mark partly from a source";
            case PROVISIONAL -> "pass mark is " + PROVISIONAL_EN;
        };
        String crit = level == Level.PARTLY_PROVISIONAL && !provisionalCriteria.isEmpty()
                ? "; provisional: criteria " + String.join(", ", provisionalCriteria) : "";
        return labelEn() + ": " + sourcedIndicators + "/" + indicators + " indicators from a source" + crit + "; " + pass + ".";
    }

    /**
     * The criteria narrative of a title's credential (Open Badges 3.0 {@code Achievement.criteria.narrative}) and the
     * line of the certificate: which set and version, its pass rule, and the summary above. Nothing else: the narrative
     * names a decision only as the set's own source says it, never as the basis of the scoring when it is not.
     */
    public static String narrativeVi(CriteriaSet set) {
        CriteriaVerification v = of(set);
        StringBuilder b = new StringBuilder("Đạt bộ tiêu chí \u201C").append(set.title()).append("\u201D phiên bản ").append(set.version());
        List<String> rule = new ArrayList<>();
        PassRule p = set.passRule();
        if (p.minTotal() != null) rule.add("tổng điểm từ " + p.minTotal() + "/" + set.maxTotal());
        if (p.minPerIndicator() != null) rule.add("không chỉ số nào dưới " + p.minPerIndicator() + " điểm");
        p.minPerCriterion().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> rule.add("tiêu chí " + e.getKey() + " từ " + e.getValue() + " điểm"));
        if (!rule.isEmpty()) b.append(" (").append(String.join(", ", rule)).append(")");
        return b.append(". ").append(v.summaryVi()).toString();
    }
}
