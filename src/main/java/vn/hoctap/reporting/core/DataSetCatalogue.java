package vn.hoctap.reporting.core;

import vn.hoctap.expressions.core.ExpressionException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped data sets ({@code reporting/datasets.txt}), read and checked on start: every line names
 * what it defines; element codes are unique across data sets (so an exchange file needs only the element
 * to know its data set); every rule and indicator expression parses over its data set's elements. A bad
 * file fails with the line and the position in the expression.
 *
 * <pre>
 * dataset|code|organisation kind|name (vi)|name (en)|deadline MM-DD of the period year
 * element|data set|code|name (vi)|name (en)|integer, percent or yes_no|min
 * rule|data set|condition|message (vi)|message (en)
 * indicator|indicator id|data set|numerator|denominator
 * </pre>
 */
public final class DataSetCatalogue {

    private final Map<String, DataSet> sets;

    private DataSetCatalogue(Map<String, DataSet> sets) {
        this.sets = sets;
    }

    public static DataSetCatalogue load() {
        try (InputStream in = DataSetCatalogue.class.getResourceAsStream("/reporting/datasets.txt")) {
            if (in == null) {
                throw new IllegalStateException("reporting/datasets.txt is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Builder(String code, OrganisationKind kind, String nameVi, String nameEn, MonthDay deadline,
                           List<DataElement> elements, List<String[]> rules, List<String[]> indicators, List<Integer> lines) {
    }

    public static DataSetCatalogue parse(String text) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        Map<String, String> elementOwner = new HashMap<>();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\|", -1);
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                switch (f[0]) {
                    case "dataset" -> {
                        need(f, 6, lineNo);
                        OrganisationKind kind = OrganisationKind.fromCode(f[2]);
                        if (kind == null) {
                            throw error(lineNo, "unknown organisation kind '" + f[2] + "'");
                        }
                        MonthDay deadline;
                        try {
                            deadline = MonthDay.parse("--" + f[5]);
                        } catch (RuntimeException e) {
                            throw error(lineNo, "deadline must be MM-DD, not '" + f[5] + "'");
                        }
                        if (builders.put(f[1], new Builder(f[1], kind, f[3], f[4], deadline, new ArrayList<>(),
                                new ArrayList<>(), new ArrayList<>(), new ArrayList<>())) != null) {
                            throw error(lineNo, "data set '" + f[1] + "' defined twice");
                        }
                    }
                    case "element" -> {
                        need(f, 7, lineNo);
                        Builder b = set(builders, f[1], lineNo);
                        if (!f[2].matches("[a-z][a-z0-9_]*")) {
                            throw error(lineNo, "element code '" + f[2] + "' must be lower case letters, digits and _");
                        }
                        if (elementOwner.put(f[2], f[1]) != null) {
                            throw error(lineNo, "element code '" + f[2] + "' is used twice");
                        }
                        ElementType type = ElementType.fromCode(f[5]);
                        if (type == null) {
                            throw error(lineNo, "unknown type '" + f[5] + "'");
                        }
                        double min;
                        try {
                            min = f[6].isEmpty() ? 0 : Double.parseDouble(f[6]);
                        } catch (NumberFormatException e) {
                            throw error(lineNo, "min '" + f[6] + "' is not a number");
                        }
                        b.elements().add(new DataElement(f[2], f[3], f[4], type, min));
                    }
                    case "rule" -> {
                        need(f, 5, lineNo);
                        set(builders, f[1], lineNo).rules().add(new String[] {f[2], f[3], f[4], String.valueOf(lineNo)});
                    }
                    case "indicator" -> {
                        need(f, 5, lineNo);
                        set(builders, f[2], lineNo).indicators().add(new String[] {f[1], f[3], f[4], String.valueOf(lineNo)});
                    }
                    default -> throw error(lineNo, "unknown line kind '" + f[0] + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, DataSet> sets = new LinkedHashMap<>();
        for (Builder b : builders.values()) {
            java.util.Set<String> codes = new java.util.LinkedHashSet<>();
            b.elements().forEach(e -> codes.add(e.code()));
            List<ValidationRule> rules = new ArrayList<>();
            for (String[] r : b.rules()) {
                rules.add(new ValidationRule(expression(r[0], codes, Integer.parseInt(r[3]), true), r[1], r[2]));
            }
            List<IndicatorMapping> ind = new ArrayList<>();
            for (String[] i : b.indicators()) {
                int ln = Integer.parseInt(i[3]);
                ind.add(new IndicatorMapping(i[0], b.code(), expression(i[1], codes, ln, false), expression(i[2], codes, ln, false)));
            }
            sets.put(b.code(), new DataSet(b.code(), b.kind(), b.nameVi(), b.nameEn(), b.deadline(),
                    List.copyOf(b.elements()), List.copyOf(rules), List.copyOf(ind)));
        }
        return new DataSetCatalogue(sets);
    }

    private static Expression expression(String text, java.util.Set<String> codes, int line, boolean condition) {
        try {
            return condition ? Expression.parseCondition(text, codes) : Expression.parse(text, codes);
        } catch (ExpressionException e) {
            throw error(line, "'" + text + "', character " + (e.position() + 1) + ": " + e.messageEn() + " / " + e.messageVi());
        }
    }

    private static Builder set(Map<String, Builder> builders, String code, int line) {
        Builder b = builders.get(code);
        if (b == null) {
            throw error(line, "data set '" + code + "' is not defined above");
        }
        return b;
    }

    private static void need(String[] f, int n, int line) {
        if (f.length != n) {
            throw error(line, "expected " + n + " fields separated by |, found " + f.length);
        }
    }

    private static IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("reporting/datasets.txt line " + line + ": " + message);
    }

    public List<DataSet> all() {
        return List.copyOf(sets.values());
    }

    public Optional<DataSet> find(String code) {
        return Optional.ofNullable(sets.get(code));
    }

    /** The data set that has the element. */
    public Optional<DataSet> ofElement(String elementCode) {
        return sets.values().stream().filter(s -> s.element(elementCode).isPresent()).findFirst();
    }

    public List<DataSet> forKind(OrganisationKind kind) {
        return sets.values().stream().filter(s -> s.kind() == kind).toList();
    }
}
