package vn.hoctap.titles.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads criteria sets from the line-based format of docs/titles.md. One record per line, fields
 * separated by '|', '#' comments and blank lines ignored:
 *
 * <pre>
 * set       | id | version | kind | title | status | source
 * criterion | id | name | status | source
 * indicator | id | max points | name | status | source      (belongs to the criterion above; id = criterion id + '.' + n)
 * pass      | min_total | points | status | source
 * pass      | min_indicator | points | status | source
 * pass      | min_criterion | criterion id | points | status | source
 * </pre>
 *
 * Every error is located: {@code file:line: reason}. Pure Java, no framework.
 */
public final class CriteriaSetLoader {

    /** The classpath folder of the built-in sets and its index (one resource name per line). */
    public static final String RESOURCE_DIR = "titles/";
    public static final String INDEX = RESOURCE_DIR + "index.txt";

    private CriteriaSetLoader() {}

    /** All built-in sets listed in {@code titles/index.txt}, in index order. */
    public static List<CriteriaSet> loadBuiltIn() {
        List<CriteriaSet> sets = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String name : readLines(INDEX)) {
            CriteriaSet set = loadResource(RESOURCE_DIR + name);
            if (!keys.add(set.key())) throw new CriteriaSetException(INDEX, 0, "duplicate set " + set.key());
            sets.add(set);
        }
        return sets;
    }

    public static CriteriaSet loadResource(String resource) {
        InputStream in = CriteriaSetLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new CriteriaSetException(resource, 0, "resource not found");
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(resource, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CriteriaSet load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CriteriaSet parse(String file, String text) {
        try {
            return parse(file, new java.io.StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(String resource) {
        InputStream in = CriteriaSetLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new CriteriaSetException(resource, 0, "resource not found");
        try (var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CriteriaSet parse(String file, Reader reader) throws IOException {
        var in = new BufferedReader(reader);
        String raw;
        int lineNo = 0;
        String[] head = null;
        int headLine = 0;
        List<Criterion> criteria = new ArrayList<>();
        String critId = null, critName = null, critSource = null;
        VerificationStatus critStatus = null;
        int critLine = 0;
        List<Indicator> indicators = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Integer minTotal = null, minIndicator = null;
        Map<String, Integer> minCriterion = new LinkedHashMap<>();
        Map<String, Integer> minCriterionLine = new LinkedHashMap<>();
        Map<String, VerificationStatus> ruleStatus = new LinkedHashMap<>();
        Map<String, String> ruleSource = new LinkedHashMap<>();
        int minTotalLine = 0, minIndicatorLine = 0;

        while ((raw = in.readLine()) != null) {
            lineNo++;
            String line = raw.strip();
            if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\|", -1);
            for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
            String kind = f[0];
            if (head == null && !kind.equals("set")) throw err(file, lineNo, "the first record must be 'set', found '" + kind + "'");
            switch (kind) {
                case "set" -> {
                    if (head != null) throw err(file, lineNo, "a second 'set' record (first at line " + headLine + ")");
                    fields(file, lineNo, f, 7, "set | id | version | kind | title | status | source");
                    head = f;
                    headLine = lineNo;
                    if (!f[1].matches("[a-z0-9][a-z0-9-]*")) throw err(file, lineNo, "set id '" + f[1] + "' must be lower-case letters, digits and '-'");
                    positive(file, lineNo, f[2], "version");
                    kind(file, lineNo, f[3]);
                    nonEmpty(file, lineNo, f[4], "title");
                    status(file, lineNo, f[5]);
                }
                case "criterion" -> {
                    fields(file, lineNo, f, 5, "criterion | id | name | status | source");
                    if (critId != null) criteria.add(finish(file, critLine, critId, critName, critStatus, critSource, indicators));
                    critId = f[1];
                    if (!critId.matches("[0-9A-Za-z]+")) throw err(file, lineNo, "criterion id '" + critId + "' must be letters or digits");
                    if (!ids.add("c:" + critId)) throw err(file, lineNo, "duplicate criterion id " + critId);
                    critName = nonEmpty(file, lineNo, f[2], "criterion name");
                    critStatus = status(file, lineNo, f[3]);
                    critSource = f[4];
                    critLine = lineNo;
                    indicators = new ArrayList<>();
                }
                case "indicator" -> {
                    if (f.length != 7) fields(file, lineNo, f, 6, "indicator | id | max points | name | status | source [| manual]");
                    boolean manual = f.length == 7;
                    if (manual && !f[6].equals("manual"))
                        throw err(file, lineNo, "the 7th field of an indicator may only be 'manual' (scored by hand), found '" + f[6] + "'");
                    if (critId == null) throw err(file, lineNo, "indicator before any criterion");
                    String id = f[1];
                    if (!id.matches(java.util.regex.Pattern.quote(critId) + "\\.[0-9A-Za-z]+"))
                        throw err(file, lineNo, "indicator id '" + id + "' must be '" + critId + ".<n>' (it belongs to criterion " + critId + ")");
                    if (!ids.add("i:" + id)) throw err(file, lineNo, "duplicate indicator id " + id);
                    int max = positive(file, lineNo, f[2], "max points");
                    indicators.add(new Indicator(id, nonEmpty(file, lineNo, f[3], "indicator name"), max, status(file, lineNo, f[4]), f[5], manual));
                }
                case "pass" -> {
                    if (f.length < 2) throw err(file, lineNo, "pass record without a rule name");
                    switch (f[1]) {
                        case "min_total" -> {
                            fields(file, lineNo, f, 5, "pass | min_total | points | status | source");
                            if (minTotal != null) throw err(file, lineNo, "min_total given twice");
                            minTotal = nonNegative(file, lineNo, f[2], "min_total");
                            minTotalLine = lineNo;
                            ruleStatus.put(PassRule.MIN_TOTAL, status(file, lineNo, f[3]));
                            ruleSource.put(PassRule.MIN_TOTAL, f[4]);
                        }
                        case "min_indicator" -> {
                            fields(file, lineNo, f, 5, "pass | min_indicator | points | status | source");
                            if (minIndicator != null) throw err(file, lineNo, "min_indicator given twice");
                            minIndicator = nonNegative(file, lineNo, f[2], "min_indicator");
                            minIndicatorLine = lineNo;
                            ruleStatus.put(PassRule.MIN_INDICATOR, status(file, lineNo, f[3]));
                            ruleSource.put(PassRule.MIN_INDICATOR, f[4]);
                        }
                        case "min_criterion" -> {
                            fields(file, lineNo, f, 6, "pass | min_criterion | criterion id | points | status | source");
                            if (minCriterion.containsKey(f[2])) throw err(file, lineNo, "min_criterion for " + f[2] + " given twice");
                            minCriterion.put(f[2], nonNegative(file, lineNo, f[3], "min_criterion"));
                            minCriterionLine.put(f[2], lineNo);
                            ruleStatus.put("criterion:" + f[2], status(file, lineNo, f[4]));
                            ruleSource.put("criterion:" + f[2], f[5]);
                        }
                        default -> throw err(file, lineNo, "unknown pass rule '" + f[1] + "' (min_total, min_indicator, min_criterion)");
                    }
                }
                default -> throw err(file, lineNo, "unknown record '" + kind + "' (set, criterion, indicator, pass)");
            }
        }
        if (head == null) throw err(file, Math.max(lineNo, 1), "no 'set' record");
        if (critId == null) throw err(file, lineNo, "no criterion");
        criteria.add(finish(file, critLine, critId, critName, critStatus, critSource, indicators));
        if (minTotal == null && minIndicator == null && minCriterion.isEmpty()) throw err(file, lineNo, "no pass rule");

        int maxTotal = criteria.stream().mapToInt(Criterion::maxPoints).sum();
        if (minTotal != null && minTotal > maxTotal)
            throw err(file, minTotalLine, "min_total " + minTotal + " is above the maximum " + maxTotal);
        if (minIndicator != null) {
            for (Criterion c : criteria) for (Indicator i : c.indicators())
                if (i.maxPoints() < minIndicator)
                    throw err(file, minIndicatorLine, "min_indicator " + minIndicator + " is above the maximum " + i.maxPoints() + " of indicator " + i.id());
        }
        for (var e : minCriterion.entrySet()) {
            Criterion c = criteria.stream().filter(x -> x.id().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> err(file, minCriterionLine.get(e.getKey()), "min_criterion names unknown criterion " + e.getKey()));
            if (e.getValue() > c.maxPoints())
                throw err(file, minCriterionLine.get(e.getKey()), "min_criterion " + e.getValue() + " is above the maximum " + c.maxPoints() + " of criterion " + c.id());
        }
        return new CriteriaSet(head[1], Integer.parseInt(head[2]), TitleKind.valueOf(head[3]), head[4], VerificationStatus.parse(head[5]), head[6],
                criteria, new PassRule(minTotal, minIndicator, minCriterion, ruleStatus, ruleSource));
    }

    private static Criterion finish(String file, int line, String id, String name, VerificationStatus st, String src, List<Indicator> inds) {
        if (inds.isEmpty()) throw err(file, line, "criterion " + id + " has no indicator");
        return new Criterion(id, name, st, src, inds);
    }

    private static CriteriaSetException err(String file, int line, String reason) { return new CriteriaSetException(file, line, reason); }

    private static void fields(String file, int line, String[] f, int n, String expected) {
        if (f.length != n) throw err(file, line, "expected " + n + " fields (" + expected + "), found " + f.length);
    }

    private static String nonEmpty(String file, int line, String s, String what) {
        if (s.isEmpty()) throw err(file, line, what + " is empty");
        return s;
    }

    private static VerificationStatus status(String file, int line, String s) {
        VerificationStatus v = VerificationStatus.parse(s);
        if (v == null) throw err(file, line, "status '" + s + "' is not one of V, S, M, NF");
        return v;
    }

    private static void kind(String file, int line, String s) {
        try {
            TitleKind.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw err(file, line, "kind '" + s + "' is not one of " + java.util.Arrays.toString(TitleKind.values()));
        }
    }

    private static int nonNegative(String file, int line, String s, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v < 0) throw err(file, line, what + " must not be negative: " + s);
            return v;
        } catch (NumberFormatException e) {
            throw err(file, line, what + " is not a whole number: '" + s + "'");
        }
    }

    private static int positive(String file, int line, String s, String what) {
        int v = nonNegative(file, line, s, what);
        if (v == 0) throw err(file, line, what + " must be > 0");
        return v;
    }
}
