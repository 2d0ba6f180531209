package vn.hoctap.reporting.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kiểm tra biểu mẫu: reads the values typed into a data set's form and checks them.
 * <ul>
 * <li>each value against its type (whole number; percentage 0–100 with "," or "." as decimal mark; yes/no as
 *     1/0, true/false, có/không, yes/no) and its smallest value;</li>
 * <li>when {@code complete} (on submission), that every element has a value;</li>
 * <li>every validation rule whose elements all have a value (a rule over a missing value is skipped).</li>
 * </ul>
 * Field errors are message keys of the reporting bundle; rule failures are the rules themselves.
 */
public final class FormValidation {

    /** The outcome: the values read (missing ones absent), field → message key, and the rules that failed. */
    public record Result(Map<String, Double> values, Map<String, String> fieldErrors, List<ValidationRule> failedRules) {
        public boolean ok() {
            return fieldErrors.isEmpty() && failedRules.isEmpty();
        }
    }

    private FormValidation() {
    }

    public static Result check(DataSet set, Map<String, String> raw, boolean complete) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (DataElement e : set.elements()) {
            String text = raw.get(e.code());
            if (text == null || text.isBlank()) {
                if (complete) {
                    errors.put(e.code(), "reporting.error.required");
                }
                continue;
            }
            String key = parse(e, text.strip(), values);
            if (key != null) {
                errors.put(e.code(), key);
            }
        }
        List<ValidationRule> failed = new ArrayList<>();
        if (errors.isEmpty()) {
            failed.addAll(rules(set, values));
        }
        return new Result(values, errors, failed);
    }

    /** The rules that fail on complete values (rules over a missing value are skipped). */
    public static List<ValidationRule> rules(DataSet set, Map<String, Double> values) {
        List<ValidationRule> failed = new ArrayList<>();
        for (ValidationRule r : set.rules()) {
            if (r.condition().complete(values)) {
                double v = r.condition().evaluate(values);
                if (!Double.isNaN(v) && v == 0) {
                    failed.add(r);
                }
            }
        }
        return failed;
    }

    /** Reads one value into {@code out}; returns the message key of the error, or null. */
    public static String parse(DataElement e, String text, Map<String, Double> out) {
        switch (e.type()) {
            case YES_NO -> {
                String t = text.toLowerCase(Locale.ROOT);
                Double v = switch (t) {
                    case "1", "true", "yes", "có", "co", "x" -> 1.0;
                    case "0", "false", "no", "không", "khong" -> 0.0;
                    default -> null;
                };
                if (v == null) {
                    return "reporting.error.yes-no";
                }
                out.put(e.code(), v);
                return null;
            }
            case INTEGER -> {
                String t = text.replace(" ", "");
                if (!t.matches("-?\\d{1,12}")) {
                    return "reporting.error.integer";
                }
                double v = Long.parseLong(t);
                if (v < e.min()) {
                    return "reporting.error.min";
                }
                out.put(e.code(), v);
                return null;
            }
            case PERCENT -> {
                String t = text.replace(" ", "").replace("%", "").replace(',', '.');
                double v;
                try {
                    v = new BigDecimal(t).doubleValue();
                } catch (NumberFormatException ex) {
                    return "reporting.error.percent";
                }
                if (v < 0 || v > 100) {
                    return "reporting.error.percent";
                }
                if (v < e.min()) {
                    return "reporting.error.min";
                }
                out.put(e.code(), v);
                return null;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** A value as typed back into a form or written to an exchange file: 12, 37.5, or for yes/no true/false. */
    public static String format(DataElement e, Double v, boolean yesNoAsWords) {
        if (v == null || v.isNaN()) {
            return "";
        }
        if (e.type() == ElementType.YES_NO) {
            return yesNoAsWords ? (v != 0 ? "true" : "false") : (v != 0 ? "1" : "0");
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
