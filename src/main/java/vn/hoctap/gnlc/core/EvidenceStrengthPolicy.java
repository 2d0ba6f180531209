package vn.hoctap.gnlc.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Mức độ bằng chứng (none, weak, strong) of an area or feature, for the gap view. The platform's rule, not UIL's
 * (UIL publishes no scoring of evidence): strong = at least two items of at least two different kinds (an indicator
 * of the platform with a value counts as one kind, each kind an officer adds — document, practice, event,
 * partnership, photo, cooperation — as another) and at least one of them dated within the last two years (the
 * biennial report's period); weak = anything less; none = nothing. What is missing is said in words.
 */
public final class EvidenceStrengthPolicy {

    public enum Strength { NONE, WEAK, STRONG }

    /** What the view says is missing. */
    public enum Missing { NO_EVIDENCE, NO_INDICATOR, NO_RECORD, NOTHING_RECENT }

    /** One piece of evidence: its kind (INDICATOR for a platform indicator) and the date it speaks of. */
    public record Item(String kind, LocalDate date) {
    }

    public record Judgement(Strength strength, Set<Missing> missing) {
    }

    public static final int PERIOD_YEARS = 2;

    private EvidenceStrengthPolicy() {
    }

    public static Judgement judge(List<Item> items, LocalDate today) {
        if (items.isEmpty()) return new Judgement(Strength.NONE, EnumSet.of(Missing.NO_EVIDENCE));
        Set<Missing> missing = EnumSet.noneOf(Missing.class);
        long kinds = items.stream().map(Item::kind).distinct().count();
        boolean indicator = items.stream().anyMatch(i -> i.kind().equals("INDICATOR"));
        boolean record = items.stream().anyMatch(i -> !i.kind().equals("INDICATOR"));
        LocalDate since = today.minusYears(PERIOD_YEARS);
        boolean recent = items.stream().anyMatch(i -> i.date() != null && !i.date().isBefore(since) && !i.date().isAfter(today));
        if (!indicator) missing.add(Missing.NO_INDICATOR);
        if (!record) missing.add(Missing.NO_RECORD);
        if (!recent) missing.add(Missing.NOTHING_RECENT);
        boolean strong = items.size() >= 2 && kinds >= 2 && recent;
        return new Judgement(strong ? Strength.STRONG : Strength.WEAK, missing);
    }

    /** The strength of several targets together (an area and its features): judged on all their items. */
    public static Judgement judgeAll(List<List<Item>> groups, LocalDate today) {
        List<Item> all = new ArrayList<>();
        groups.forEach(all::addAll);
        return judge(all, today);
    }
}
