package vn.hoctap.cycle.core;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of an inspection visit's record (biên bản kiểm tra), each a small named policy (platform policies,
 * docs/cycle.md): every checklist item is rated (Tốt / Đạt / Chưa đạt); an item "Chưa đạt" carries a required action
 * (yêu cầu khắc phục) with an owner and a deadline after the visit; a visit is recorded once (a resend with the same
 * idempotency key is the same submission, another key is refused); an action is closed with a note, once. Plain Java:
 * the answer is field → message key, nothing is written when it is not empty.
 */
public final class VisitRules {

    public enum Rating { GOOD, MET, NOT_MET }

    /** One item as filled in on the phone. */
    public record ItemResult(String code, String rating, String note, String actionWhat, String actionOwner, String actionDeadline) {
    }

    private VisitRules() {
    }

    /** Checks a visit's items against the checklist; returns field → message key (empty: valid). */
    public static Map<String, String> check(Set<String> checklistCodes, List<ItemResult> items, LocalDate visitDate) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, ItemResult> byCode = new LinkedHashMap<>();
        for (ItemResult i : items) {
            if (!checklistCodes.contains(i.code())) {
                errors.put("item." + i.code(), "cycle.error.item-unknown");
            } else if (byCode.put(i.code(), i) != null) {
                errors.put("item." + i.code(), "cycle.error.item-twice");
            }
        }
        for (String code : checklistCodes) {
            ItemResult i = byCode.get(code);
            Rating r = rating(i == null ? null : i.rating());
            if (r == null) {
                errors.put("item." + code, "cycle.error.item-unrated");
                continue;
            }
            if (r == Rating.NOT_MET) {
                if (blank(i.actionWhat())) {
                    errors.put("action." + code, "cycle.error.action-missing");
                } else if (blank(i.actionOwner())) {
                    errors.put("owner." + code, "cycle.error.action-owner");
                } else {
                    LocalDate deadline = date(i.actionDeadline());
                    if (deadline == null || !deadline.isAfter(visitDate)) {
                        errors.put("deadline." + code, "cycle.error.action-deadline");
                    }
                }
            }
        }
        return errors;
    }

    /** What to do with a submission given the key already stored on the visit (null: not recorded yet). */
    public enum Submission { RECORD, ALREADY_RECORDED_SAME, REFUSED_OTHER }

    public static Submission idempotency(String storedKey, String key) {
        if (storedKey == null) return Submission.RECORD;
        return storedKey.equals(key) ? Submission.ALREADY_RECORDED_SAME : Submission.REFUSED_OTHER;
    }

    /** An idempotency key: 8 to 64 letters, digits or dashes (a UUID from the phone). */
    public static boolean validKey(String key) {
        return key != null && key.matches("[A-Za-z0-9-]{8,64}");
    }

    public static Rating rating(String s) {
        if (s == null) return null;
        try {
            return Rating.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
