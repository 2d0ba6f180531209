package vn.hoctap.standards.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.standards.core.expression.CompiledIndicator;

/**
 * Phổ cập giáo dục mầm non cho trẻ em từ 3 đến 5 tuổi (issue 15): the rule set of Nghị quyết 218/2025/QH15 and
 * Nghị định 277/2025/NĐ-CP ({@code standards/nd277-2025-v1.rules}; version 2 holds the draft decree's thresholds as the
 * press reported them, shown beside it), a rule set of its own beside nd20-2014
 * (whose MN5 standard and the contract's output it leaves untouched). It says from which data year it applies, what is
 * counted (children of 3, 4 and 5 in class over all residents of those ages, 5-year-olds completing the programme) and
 * the thresholds — each of which may be "not verified" ({@code ?}), in which case the status is {@link Outcome#UNDETERMINED},
 * never met or not met. Plain Java, immutable.
 */
public final class PreschoolRuleSet {

    /** The bundled version that gives the status: the decree's thresholds not verified ({@code ?}). */
    public static final String APPLIED = "nd277-2025-v1";
    /** The bundled version shown beside it: the draft decree's thresholds as the press reported them (S), never the status. */
    public static final String BESIDE = "nd277-2025-v2";
    /** The bundled versions ({@code standards/<name>.rules}). */
    public static final List<String> BUNDLED = List.of(APPLIED, BESIDE);

    /** A commune's (or the city's) status under this rule set. */
    public enum Outcome { MET, NOT_MET, UNDETERMINED }

    /**
     * What one criterion counts: persons aged {@code minAge}..{@code maxAge} (not exempt) in the denominator, those of
     * them meeting {@code condition} in the numerator; {@code compiled} is that ratio in the indicator expression
     * language, as the register engines evaluate it.
     */
    public record CriterionRule(String id, int minAge, int maxAge, String condition, String labelVi, String labelEn,
                                String source, VerificationStatus status, int line, CompiledIndicator compiled) {
        public String expression() { return compiled.source(); }
    }

    /** A commune threshold; {@code normal}/{@code disadvantaged} null = not verified ({@code ?} in the file). */
    public record ThresholdRule(String criterion, Percent normal, Percent disadvantaged, String source,
                                VerificationStatus status, int line) {
        public boolean verified() { return normal != null && disadvantaged != null; }

        public Percent threshold(boolean disadvantagedCommune) { return disadvantagedCommune ? disadvantaged : normal; }
    }

    private final String id;
    private final String version;
    private final String title;
    private final int appliesFrom;
    private final String appliesSource;
    private final VerificationStatus appliesStatus;
    private final Map<String, CriterionRule> criteria;
    private final List<ThresholdRule> thresholds;
    private final ProvinceRule province;

    /**
     * The province (city) rule: at least {@code ordinary}% of its ordinary communes and {@code disadvantaged}% of its xã
     * ĐBKK recognised (a group without communes reaches its share).
     */
    public record ProvinceRule(Percent ordinary, Percent disadvantaged, String source, VerificationStatus status, int line) {
    }

    private PreschoolRuleSet(String id, String version, String title, int appliesFrom, String appliesSource,
                             VerificationStatus appliesStatus, Map<String, CriterionRule> criteria, List<ThresholdRule> thresholds,
                             ProvinceRule province) {
        this.id = id;
        this.version = version;
        this.title = title;
        this.appliesFrom = appliesFrom;
        this.appliesSource = appliesSource;
        this.appliesStatus = appliesStatus;
        this.criteria = Collections.unmodifiableMap(criteria);
        this.thresholds = List.copyOf(thresholds);
        this.province = province;
    }

    private static final Map<String, PreschoolRuleSet> bundledCache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The version that gives the status ({@link #APPLIED}). */
    public static PreschoolRuleSet bundled() {
        return bundled(APPLIED);
    }

    /** A bundled version by name. @throws RuleSetException when no such version is bundled */
    public static PreschoolRuleSet bundled(String name) {
        if (!BUNDLED.contains(name)) throw new RuleSetException(name, 0, "no bundled rule set of this name; known: " + BUNDLED);
        return bundledCache.computeIfAbsent(name, n -> {
            String resource = "standards/" + n + ".rules";
            try (InputStream in = PreschoolRuleSet.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new RuleSetException(resource, 0, "resource not found on the classpath");
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            } catch (IOException e) {
                throw new RuleSetException(resource, 0, "cannot read: " + e.getMessage());
            }
        });
    }

    public String id() { return id; }

    public String version() { return version; }

    /** {@code nd277-2025-v1}. */
    public String name() { return id + "-v" + version; }

    public String title() { return title; }

    /** The first data year it applies to (earlier years: Nghị định 20/2014's 5-year-old standard). */
    public int appliesFrom() { return appliesFrom; }

    public String appliesSource() { return appliesSource; }

    public VerificationStatus appliesStatus() { return appliesStatus; }

    public boolean appliesTo(int dataYear) { return dataYear >= appliesFrom; }

    /** The criteria in file order. */
    public Map<String, CriterionRule> criteria() { return criteria; }

    public List<ThresholdRule> thresholds() { return thresholds; }

    /** The province (city) rule, or null when the version has none (then the city needs every commune). */
    public ProvinceRule province() { return province; }

    /** True when every threshold has its numbers: only then can a status be met or not met. */
    public boolean thresholdsVerified() {
        return !thresholds.isEmpty() && thresholds.stream().allMatch(ThresholdRule::verified);
    }

    /**
     * A commune's status from its counts (criterion id → {numerator, denominator}; a missing criterion counts 0/0, which
     * meets every threshold as in the contract): UNDETERMINED while any threshold is not verified.
     */
    public Outcome commune(Map<String, long[]> counts, boolean disadvantaged) {
        if (!thresholdsVerified()) return Outcome.UNDETERMINED;
        for (ThresholdRule t : thresholds) {
            long[] nd = counts.getOrDefault(t.criterion(), new long[2]);
            if (!t.threshold(disadvantaged).isMetBy(nd[0], nd[1])) return Outcome.NOT_MET;
        }
        return Outcome.MET;
    }

    /**
     * The city's status from its communes' outcomes (code → outcome) and their ĐBKK flags (code → true): UNDETERMINED
     * when any commune is; with a province rule, met when the ordinary and the ĐBKK communes each reach their share;
     * without one, met only when every commune is.
     */
    public Outcome city(Map<String, Outcome> communes, Map<String, Boolean> disadvantaged) {
        long[] ordinary = new long[2];
        long[] dbkk = new long[2];
        for (Map.Entry<String, Outcome> e : communes.entrySet()) {
            if (e.getValue() == Outcome.UNDETERMINED) return Outcome.UNDETERMINED;
            long[] group = Boolean.TRUE.equals(disadvantaged.get(e.getKey())) ? dbkk : ordinary;
            group[1]++;
            group[0] += e.getValue() == Outcome.MET ? 1 : 0;
        }
        if (province == null) {
            return ordinary[0] + dbkk[0] == ordinary[1] + dbkk[1] ? Outcome.MET : Outcome.NOT_MET;
        }
        return province.ordinary().isMetBy(ordinary[0], ordinary[1]) && province.disadvantaged().isMetBy(dbkk[0], dbkk[1])
                ? Outcome.MET : Outcome.NOT_MET;
    }

    /** Parses rule text. @throws RuleSetException naming the line of the first problem */
    public static PreschoolRuleSet parse(String text, String sourceName) {
        String id = null, version = null, title = null, appliesSource = null;
        VerificationStatus appliesStatus = null;
        Integer applies = null;
        Map<String, CriterionRule> criteria = new LinkedHashMap<>();
        List<ThresholdRule> thresholds = new ArrayList<>();
        ProvinceRule province = null;
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            String[] f = l.split("\\|", -1);
            for (int j = 0; j < f.length; j++) f[j] = f[j].strip();
            if (!f[0].equals("ruleset") && id == null) {
                throw new RuleSetException(sourceName, line, "the first record must be 'ruleset | id | version | title'");
            }
            switch (f[0]) {
                case "ruleset" -> {
                    fields(f, 4, "ruleset | id | version | title", sourceName, line);
                    if (id != null) throw new RuleSetException(sourceName, line, "a second 'ruleset' record");
                    id = f[1];
                    version = f[2];
                    title = f[3];
                }
                case "applies" -> {
                    fields(f, 4, "applies | first data year | source | status", sourceName, line);
                    if (applies != null) throw new RuleSetException(sourceName, line, "a second 'applies' record");
                    applies = integer(f[1], "first data year", 1900, 2200, sourceName, line);
                    appliesSource = f[2];
                    appliesStatus = status(f[3], sourceName, line);
                }
                case "criterion" -> {
                    fields(f, 9, "criterion | id | min age | max age | condition | label vi | label en | source | status", sourceName, line);
                    if (criteria.containsKey(f[1])) throw new RuleSetException(sourceName, line, "second criterion " + f[1]);
                    int min = integer(f[2], "min age", 0, 150, sourceName, line);
                    int max = integer(f[3], "max age", 0, 150, sourceName, line);
                    if (min > max) throw new RuleSetException(sourceName, line, "min age " + min + " is above max age " + max);
                    String cohort = "age between " + min + " and " + max + " and not exempt";
                    CompiledIndicator c;
                    try {
                        c = CompiledIndicator.compile("count(person where " + cohort + " and (" + f[4] + ")) / count(person where " + cohort + ")");
                    } catch (ExpressionException e) {
                        throw new RuleSetException(sourceName, line, "condition \"" + f[4] + "\": " + e.getMessage());
                    }
                    criteria.put(f[1], new CriterionRule(f[1], min, max, f[4], f[5], f[6], f[7], status(f[8], sourceName, line), line, c));
                }
                case "threshold" -> {
                    fields(f, 6, "threshold | criterion | threshold % | threshold % ĐBKK | source | status", sourceName, line);
                    if (!criteria.containsKey(f[1])) {
                        throw new RuleSetException(sourceName, line, "threshold on \"" + f[1] + "\", which no criterion line above defines");
                    }
                    thresholds.add(new ThresholdRule(f[1], percentOrUnknown(f[2], sourceName, line), percentOrUnknown(f[3], sourceName, line),
                            f[4], status(f[5], sourceName, line), line));
                }
                case "province" -> {
                    fields(f, 5, "province | % of ordinary communes | % of ĐBKK communes | source | status", sourceName, line);
                    if (province != null) throw new RuleSetException(sourceName, line, "a second 'province' record");
                    Percent o = percentOrUnknown(f[1], sourceName, line);
                    Percent d = percentOrUnknown(f[2], sourceName, line);
                    if (o == null || d == null) {
                        throw new RuleSetException(sourceName, line, "a province rule needs both percentages (leave the line out when not verified)");
                    }
                    province = new ProvinceRule(o, d, f[3], status(f[4], sourceName, line), line);
                }
                default -> throw new RuleSetException(sourceName, line,
                        "unknown record type \"" + f[0] + "\" (expected ruleset, applies, criterion, threshold or province)");
            }
        }
        if (id == null) throw new RuleSetException(sourceName, 0, "no 'ruleset | id | version | title' record");
        if (applies == null) throw new RuleSetException(sourceName, 0, "no 'applies | first data year | …' record");
        if (criteria.isEmpty()) throw new RuleSetException(sourceName, 0, "no criterion");
        return new PreschoolRuleSet(id, version, title, applies, appliesSource, appliesStatus, criteria, thresholds, province);
    }

    private static void fields(String[] f, int n, String layout, String source, int line) {
        if (f.length != n) throw new RuleSetException(source, line, "expected " + n + " fields separated by '|' (" + layout + "), found " + f.length);
        for (int i = 0; i < n; i++) {
            if (f[i].isEmpty()) throw new RuleSetException(source, line, "field " + (i + 1) + " is empty (" + layout + ")");
        }
    }

    private static int integer(String s, String what, int lo, int hi, String source, int line) {
        Integer v = PersonsReader.parseInt(s);
        if (v == null) throw new RuleSetException(source, line, what + " \"" + s + "\" is not an integer");
        if (v < lo || v > hi) throw new RuleSetException(source, line, what + " " + v + " is outside " + lo + ".." + hi);
        return v;
    }

    private static Percent percentOrUnknown(String s, String source, int line) {
        if (s.equals("?")) return null;
        try {
            return Percent.parse(s);
        } catch (IllegalArgumentException e) {
            throw new RuleSetException(source, line, "\"" + s + "\" is not a percentage between 0 and 100 (or '?' when not verified)");
        }
    }

    private static VerificationStatus status(String s, String source, int line) {
        return switch (s) {
            case "V" -> VerificationStatus.V;
            case "S" -> VerificationStatus.S;
            case "M" -> VerificationStatus.M;
            default -> throw new RuleSetException(source, line, "status \"" + s + "\" must be V, S or M");
        };
    }
}
