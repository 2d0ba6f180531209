package vn.hoctap.standards.core;

import java.util.List;
import java.util.Locale;

/**
 * Why a unit does not reach a level of a standard: one entry per (unit, standard, level not reached),
 * listing every failing condition.
 */
public record Explanation(String unitCode, Standard standard, int level, List<Failure> failures) {
    public Explanation {
        failures = List.copyOf(failures);
    }

    /** A failing condition, with a message in Vietnamese and English. */
    public sealed interface Failure permits RateBelowThreshold, PrerequisiteMissing, LowerLevelMissing {
        String messageVi();

        String messageEn();
    }

    /**
     * A rate below its threshold. For a commune the rate is a criterion over its cohort; for a district or
     * the city it is the share of its communes (districts) reaching at least {@code counted}.
     *
     * @param criterion the commune criterion, or null for a district/city share
     * @param counted the counted standard level for a district/city share, or null for a commune criterion
     * @param childLevel for a share: what is counted (communes or districts); null for a commune criterion
     * @param additionalNeeded the smallest k ≥ 0 with (numerator + k) × 100 ≥ t × denominator
     * @param reachableAlone whether {@code additionalNeeded ≤ denominator − numerator}, i.e. the condition can be
     *        met by more persons (units) of the same denominator meeting it
     * @param rule the rule that sets the threshold (with its legal source and verification status)
     */
    public record RateBelowThreshold(Criterion criterion, StandardLevel counted, UnitLevel childLevel, long numerator,
                                     long denominator, Percent threshold, long additionalNeeded, boolean reachableAlone,
                                     RuleSet.Rule rule) implements Failure {
        public String subject() { return criterion != null ? criterion.id() : counted.key(); }

        @Override
        public String messageVi() {
            String rate = String.format(Locale.ROOT, "%d/%d = %.2f%%", numerator, denominator, numerator * 100.0 / denominator)
                    .replace('.', ',');
            String what;
            String who;
            if (criterion != null) {
                what = criterion.id() + " (tỷ lệ " + criterion.numeratorVi() + ")";
                who = "người";
            } else {
                String child = childLevel == UnitLevel.DISTRICT ? "quận/huyện" : "xã";
                what = "Tỷ lệ " + child + " đạt " + counted.standard().id() + " mức " + counted.level() + " trở lên";
                who = child;
            }
            String tail = reachableAlone
                    ? "cần thêm " + additionalNeeded + " " + who + " trong mẫu số đạt"
                    : "không thể đạt chỉ bằng tiêu chí này";
            return what + ": " + rate + " < " + threshold.toString().replace('.', ',') + "% (" + tail + ")";
        }

        @Override
        public String messageEn() {
            String rate = String.format(Locale.ROOT, "%d/%d = %.2f%%", numerator, denominator, numerator * 100.0 / denominator);
            String what;
            String who;
            if (criterion != null) {
                what = criterion.id() + " (share who " + criterion.numeratorEn() + ")";
                who = additionalNeeded == 1 ? "person" : "persons";
            } else {
                String child = childLevel == UnitLevel.DISTRICT ? "districts" : "communes";
                what = "Share of " + child + " at " + counted.standard().id() + " level " + counted.level() + " or higher";
                who = childLevel == UnitLevel.DISTRICT ? (additionalNeeded == 1 ? "district" : "districts")
                        : (additionalNeeded == 1 ? "commune" : "communes");
            }
            String tail = reachableAlone
                    ? additionalNeeded + " more " + who + " of the denominator would have to meet it"
                    : "cannot be reached by this criterion alone";
            return what + ": " + rate + " < " + threshold + "% (" + tail + ")";
        }
    }

    /** Another standard is below the level this one requires (e.g. THCS level 1 needs TH ≥ 1 and XMC ≥ 1). */
    public record PrerequisiteMissing(Standard required, int requiredLevel, int actualLevel, RuleSet.PrerequisiteRule rule)
            implements Failure {
        @Override
        public String messageVi() {
            return "Cần " + required.id() + " đạt mức " + requiredLevel + " trở lên, hiện ở mức " + actualLevel;
        }

        @Override
        public String messageEn() {
            return "Needs " + required.id() + " at level " + requiredLevel + " or higher, it is at level " + actualLevel;
        }
    }

    /** Level k requires level k−1 of the same standard, which is not reached. */
    public record LowerLevelMissing(int requiredLevel, int actualLevel) implements Failure {
        @Override
        public String messageVi() {
            return "Chưa đạt mức " + requiredLevel + " (hiện ở mức " + actualLevel + ")";
        }

        @Override
        public String messageEn() {
            return "Level " + requiredLevel + " is not reached (the unit is at level " + actualLevel + ")";
        }
    }
}
