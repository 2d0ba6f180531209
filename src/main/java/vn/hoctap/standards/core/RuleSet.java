package vn.hoctap.standards.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.hoctap.expressions.core.Ast;
import vn.hoctap.standards.core.expression.Conditions;
import vn.hoctap.standards.core.expression.Definitions;
import vn.hoctap.expressions.core.ExpressionException;
import vn.hoctap.standards.core.expression.Field;
import vn.hoctap.standards.core.expression.PersonTest;

/**
 * A versioned set of thresholds, cohorts and aggregation rules, loaded from a text resource (format
 * in README-standards.md and at the top of {@code standards/nd20-2014-v1.rules}). Immutable.
 */
public final class RuleSet {
    /** Classpath location of the default rule file. */
    public static final String DEFAULT_RESOURCE = "standards/nd20-2014-v1.rules";

    /** Every rule carries its legal source, verification status and line in the rule file. */
    public sealed interface Rule permits DefinitionRule, CriterionRule, CohortRule, ThresholdRule, PrerequisiteRule,
            AggregationRule, OptionRule {
        String source();
        VerificationStatus status();
        int line();
    }

    /**
     * A named condition of the expression language ({@code literate1}, {@code literate2}: biết chữ mức độ 1 / 2;
     * {@code exempt}: left out of the criteria's denominators), written
     * in the language (docs/indicator-expressions.md) and used by criteria and indicator expressions alike.
     * @param condition the text as written in the rule file
     */
    public record DefinitionRule(Field field, String condition, Ast.Cond ast, String source, VerificationStatus status, int line)
            implements Rule {
        public String name() { return field.csvName(); }

        @Override
        public String toString() { return "define | " + name() + " | " + condition; }
    }

    /**
     * What a person of a criterion's cohort must meet to count in its numerator, as a condition of the expression
     * language (e.g. {@code enrolment = primary and grade = 1}). Every engine compiles it: the streaming
     * {@link StandardsEngine}, the columnar engine and the SQL generator of module {@code analytics}.
     * @param condition the text as written in the rule file
     */
    public record CriterionRule(Criterion criterion, String condition, Ast.Cond ast, String source, VerificationStatus status,
                                int line) implements Rule {
        @Override
        public String toString() { return "criterion | " + criterion.id() + " | " + condition; }
    }

    /** Ages (inclusive, data year − birth year) of a criterion's denominator. */
    public record CohortRule(Criterion criterion, int minAge, int maxAge, String source, VerificationStatus status, int line)
            implements Rule {
        public boolean contains(int age) { return age >= minAge && age <= maxAge; }
    }

    /**
     * A commune condition "criterion ≥ threshold" for a standard level.
     * @param normal threshold for an ordinary commune, null when the condition does not apply to it
     * @param disadvantaged threshold for a xã ĐBKK, null when the condition does not apply to it
     */
    public record ThresholdRule(Standard standard, int level, Criterion criterion, Percent normal, Percent disadvantaged,
                                String source, VerificationStatus status, int line) implements Rule {
        /** The threshold for this kind of commune, or null when the condition does not apply. */
        public Percent threshold(boolean disadvantagedCommune) { return disadvantagedCommune ? disadvantaged : normal; }
    }

    /** A commune condition "standard {@code required} at level ≥ {@code requiredLevel}" for a standard level. */
    public record PrerequisiteRule(Standard standard, int level, Standard required, int requiredLevel,
                                   String source, VerificationStatus status, int line) implements Rule { }

    public enum Scope { DISTRICT, CITY }

    /** District (or city) level k: at least {@code percent} of its communes (districts) reach level ≥ k. */
    public record AggregationRule(Scope scope, StandardLevel key, Percent percent, String source, VerificationStatus status, int line)
            implements Rule { }

    /** A named choice (see {@link CityWithoutDistricts}, {@link MixedCity}). */
    public record OptionRule(String name, String value, String source, VerificationStatus status, int line) implements Rule { }

    /** Which percentages a city whose communes sit directly under it applies to those communes. */
    public enum CityWithoutDistricts { DISTRICT_PERCENTAGES, CITY_PERCENTAGES }

    /** What a city with both districts and direct communes counts. */
    public enum MixedCity { DISTRICTS_ONLY, DISTRICTS_AND_COMMUNES }

    private final String id;
    private final String version;
    private final String title;
    private final String sourceName;
    private final List<Rule> rules;
    private final Map<Criterion, CohortRule> cohorts;
    private final Map<Criterion, CriterionRule> criteria;
    private final Map<Field, DefinitionRule> definitionRules;
    private final Definitions definitions;
    private final PersonTest exempt;
    private final Map<Standard, List<List<ThresholdRule>>> thresholds;
    private final Map<Standard, List<List<PrerequisiteRule>>> prerequisites;
    private final Map<StandardLevel, AggregationRule> district;
    private final Map<StandardLevel, AggregationRule> city;
    private final OptionRule cityWithoutDistricts;
    private final OptionRule mixedCity;

    private RuleSet(Parser p) {
        id = p.id;
        version = p.version;
        title = p.title;
        sourceName = p.source;
        rules = Collections.unmodifiableList(p.rules);
        cohorts = Collections.unmodifiableMap(p.cohorts);
        criteria = Collections.unmodifiableMap(p.criteria);
        definitionRules = Collections.unmodifiableMap(p.definitions);
        Map<Field, Ast.Cond> defs = new java.util.EnumMap<>(Field.class);
        p.definitions.forEach((f, r) -> defs.put(f, r.ast()));
        definitions = new Definitions(defs);
        exempt = Conditions.compile(definitions.of(Field.EXEMPT), definitions);
        thresholds = p.thresholds;
        prerequisites = p.prerequisites;
        district = Collections.unmodifiableMap(p.district);
        city = Collections.unmodifiableMap(p.city);
        cityWithoutDistricts = p.cityWithoutDistricts;
        mixedCity = p.mixedCity;
    }

    private static volatile RuleSet defaults;

    /** The platform default (standards.md) from the classpath. */
    public static RuleSet defaults() {
        RuleSet d = defaults;
        if (d == null) {
            d = parse(defaultText(), DEFAULT_RESOURCE);
            defaults = d;
        }
        return d;
    }

    /** The bundled rule-set versions ({@code standards/<name>.rules}); the first is the default of the contract. */
    public static final List<String> BUNDLED = List.of("nd20-2014-v1", "nd20-2014-v2");

    private static final java.util.Map<String, RuleSet> bundledCache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A bundled rule-set version by name: {@code nd20-2014-v1} (the contract's default) or {@code nd20-2014-v2}
     * (issue 15: district TH3 ≥ 90% of communes [S]; a city without districts uses the city percentages over its
     * communes [M]), used by the NQ 23 status indicators beside the default.
     * @throws RuleSetException when no such version is bundled
     */
    public static RuleSet bundled(String name) {
        if (!BUNDLED.contains(name)) throw new RuleSetException(name, 0, "no bundled rule set of this name; known: " + BUNDLED);
        if (name.equals(BUNDLED.get(0))) return defaults();
        return bundledCache.computeIfAbsent(name, n -> {
            String resource = "standards/" + n + ".rules";
            try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) throw new RuleSetException(resource, 0, "resource not found on the classpath");
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
            } catch (IOException e) {
                throw new RuleSetException(resource, 0, "cannot read: " + e.getMessage());
            }
        });
    }

    /** The text of the default rule file. */
    public static String defaultText() {
        try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new RuleSetException(DEFAULT_RESOURCE, 0, "resource not found on the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuleSetException(DEFAULT_RESOURCE, 0, "cannot read: " + e.getMessage());
        }
    }

    /** Loads a rule file (UTF-8). @throws RuleSetException with the file and line of the first problem */
    public static RuleSet load(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return parse(text, file.toString());
        } catch (CharacterCodingException e) {
            throw new RuleSetException(file.toString(), 0, "not valid UTF-8");
        } catch (IOException e) {
            throw new RuleSetException(file.toString(), 0, "cannot read: " + e);
        }
    }

    /** Parses rule text. @throws RuleSetException with {@code sourceName} and line of the first problem */
    public static RuleSet parse(String text, String sourceName) {
        Parser p = new Parser(sourceName, sourceName.equals(DEFAULT_RESOURCE) && text.equals(defaultText()) ? null : defaults());
        p.parse(text);
        return new RuleSet(p);
    }

    public String id() { return id; }

    public String version() { return version; }

    public String title() { return title; }

    /** Where the rules were read from (resource name or file path). */
    public String sourceName() { return sourceName; }

    /** All rules in file order. */
    public List<Rule> rules() { return rules; }

    public CohortRule cohort(Criterion c) { return cohorts.get(c); }

    /** The numerator condition of a criterion (its own line, or the default file's when an older file has none). */
    public CriterionRule criterion(Criterion c) { return criteria.get(c); }

    /** The rule-file line that defines a named condition ({@code literate1}, {@code literate2}, {@code exempt}). */
    public DefinitionRule definition(Field f) { return definitionRules.get(f); }

    /** The named conditions, as the expression compilers take them. */
    public Definitions definitions() { return definitions; }

    /**
     * The rule file's {@code exempt} definition, compiled: whether a person is left out of every criterion's
     * denominator and numerator (the default file: {@code disability = cannot_learn}).
     */
    public PersonTest exempt() { return exempt; }

    /** Threshold conditions of a commune standard level (for both kinds of commune). */
    public List<ThresholdRule> thresholds(Standard s, int level) { return Collections.unmodifiableList(thresholds.get(s).get(level)); }

    /** Prerequisite conditions of a commune standard level. */
    public List<PrerequisiteRule> prerequisites(Standard s, int level) { return Collections.unmodifiableList(prerequisites.get(s).get(level)); }

    public AggregationRule districtRule(StandardLevel key) { return district.get(key); }

    public AggregationRule cityRule(StandardLevel key) { return city.get(key); }

    public OptionRule cityWithoutDistrictsRule() { return cityWithoutDistricts; }

    public CityWithoutDistricts cityWithoutDistricts() {
        return cityWithoutDistricts.value().equals("city_percentages") ? CityWithoutDistricts.CITY_PERCENTAGES
                : CityWithoutDistricts.DISTRICT_PERCENTAGES;
    }

    public OptionRule mixedCityRule() { return mixedCity; }

    public MixedCity mixedCity() {
        return mixedCity.value().equals("districts_and_communes") ? MixedCity.DISTRICTS_AND_COMMUNES : MixedCity.DISTRICTS_ONLY;
    }

    @Override
    public String toString() { return id + " v" + version; }

    private static final class Parser {
        final String source;
        String id, version, title;
        final List<Rule> rules = new ArrayList<>();
        final Map<Criterion, CohortRule> cohorts = new EnumMap<>(Criterion.class);
        final Map<Criterion, CriterionRule> criteria = new EnumMap<>(Criterion.class);
        final Map<Field, DefinitionRule> definitions = new EnumMap<>(Field.class);
        /** Where a file without criterion or define lines takes them from (null while reading the default itself). */
        final RuleSet inherit;
        final Map<Standard, List<List<ThresholdRule>>> thresholds = new EnumMap<>(Standard.class);
        final Map<Standard, List<List<PrerequisiteRule>>> prerequisites = new EnumMap<>(Standard.class);
        final Map<StandardLevel, AggregationRule> district = new EnumMap<>(StandardLevel.class);
        final Map<StandardLevel, AggregationRule> city = new EnumMap<>(StandardLevel.class);
        OptionRule cityWithoutDistricts, mixedCity;
        int line;

        Parser(String source, RuleSet inherit) {
            this.source = source;
            this.inherit = inherit;
            for (Standard s : Standard.values()) {
                List<List<ThresholdRule>> t = new ArrayList<>();
                List<List<PrerequisiteRule>> r = new ArrayList<>();
                for (int l = 0; l <= s.maxLevel(); l++) {
                    t.add(new ArrayList<>());
                    r.add(new ArrayList<>());
                }
                thresholds.put(s, t);
                prerequisites.put(s, r);
            }
        }

        RuleSetException fail(String msg) { return new RuleSetException(source, line, msg); }

        void parse(String text) {
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            String[] lines = text.split("\r\n|\n|\r", -1);
            for (int i = 0; i < lines.length; i++) {
                line = i + 1;
                String l = lines[i].strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String[] f = l.split("\\|", -1);
                for (int j = 0; j < f.length; j++) f[j] = f[j].strip();
                switch (f[0]) {
                    case "ruleset": ruleset(f); break;
                    case "define": define(f); break;
                    case "criterion": criterion(f); break;
                    case "cohort": cohort(f); break;
                    case "commune": commune(f); break;
                    case "requires": requires(f); break;
                    case "district": aggregate(f, Scope.DISTRICT, district); break;
                    case "city": aggregate(f, Scope.CITY, city); break;
                    case "option": option(f); break;
                    default:
                        throw fail("unknown record type \"" + f[0] + "\" (expected ruleset, define, criterion, cohort, commune, requires, district, city or option)");
                }
            }
            line = 0;
            checkComplete();
        }

        void fields(String[] f, int n, String layout) {
            if (f.length != n) throw fail("expected " + n + " fields separated by '|' (" + layout + "), found " + f.length);
            for (int i = 0; i < n; i++) {
                if (f[i].isEmpty()) throw fail("field " + (i + 1) + " is empty (" + layout + ")");
            }
        }

        void ruleset(String[] f) {
            fields(f, 4, "ruleset | id | version | title");
            if (id != null) throw fail("a second 'ruleset' record");
            id = f[1];
            version = f[2];
            title = f[3];
        }

        void needHeader() {
            if (id == null) throw fail("the first record must be 'ruleset | id | version | title'");
        }

        Ast.Cond condition(String text) {
            try {
                return Conditions.parse(text);
            } catch (ExpressionException e) {
                throw fail("condition \"" + text + "\": " + e.getMessage());
            }
        }

        void define(String[] f) {
            needHeader();
            fields(f, 5, "define | name | condition | source | status");
            Field field = Field.byName(f[1]);
            if (field == null || !Definitions.DEFINABLE.contains(field)) {
                throw fail("\"" + f[1] + "\" cannot be defined (expected literate1, literate2 or exempt)");
            }
            if (definitions.containsKey(field)) {
                throw fail("second definition of " + f[1] + " (first on line " + definitions.get(field).line() + ")");
            }
            Ast.Cond c = condition(f[2]);
            for (Field used : Conditions.fields(c)) {
                if (Definitions.DEFINABLE.contains(used)) {
                    throw fail("the definition of " + f[1] + " uses " + used.csvName() + ": write it out with the register's fields");
                }
            }
            DefinitionRule r = new DefinitionRule(field, f[2], c, f[3], status(f[4]), line);
            definitions.put(field, r);
            rules.add(r);
        }

        void criterion(String[] f) {
            needHeader();
            fields(f, 5, "criterion | criterion id | numerator condition | source | status");
            Criterion cr = criterion(f[1]);
            if (criteria.containsKey(cr)) throw fail("second criterion line for " + cr.id() + " (first on line " + criteria.get(cr).line() + ")");
            Ast.Cond c = condition(f[2]);
            for (Field used : Conditions.fields(c)) {
                if (Definitions.DEFINABLE.contains(used) && !definitions.containsKey(used)
                        && (inherit == null || inherit.definition(used) == null)) {
                    throw fail("the condition uses " + used.csvName() + ", which is not defined above (a 'define' line)");
                }
            }
            CriterionRule r = new CriterionRule(cr, f[2], c, f[3], status(f[4]), line);
            criteria.put(cr, r);
            rules.add(r);
        }

        void cohort(String[] f) {
            needHeader();
            fields(f, 6, "cohort | criterion | min age | max age | source | status");
            Criterion c = criterion(f[1]);
            int min = integer(f[2], "min age", 0, 150);
            int max = integer(f[3], "max age", 0, 150);
            if (min > max) throw fail("min age " + min + " is above max age " + max);
            if (cohorts.containsKey(c)) throw fail("second cohort for " + c.id() + " (first on line " + cohorts.get(c).line() + ")");
            CohortRule r = new CohortRule(c, min, max, f[4], status(f[5]), line);
            cohorts.put(c, r);
            rules.add(r);
        }

        void commune(String[] f) {
            needHeader();
            fields(f, 8, "commune | standard | level | criterion | threshold % | threshold % ĐBKK | source | status");
            Standard s = standard(f[1]);
            int level = integer(f[2], "level", 1, s.maxLevel());
            Criterion c = criterion(f[3]);
            Percent normal = percentOrDash(f[4]);
            Percent dbkk = percentOrDash(f[5]);
            if (normal == null && dbkk == null) throw fail("both thresholds are '-': the condition would never apply");
            for (ThresholdRule t : thresholds.get(s).get(level)) {
                if (t.criterion() == c) throw fail("second condition on " + c.id() + " for " + s.id() + " level " + level + " (first on line " + t.line() + ")");
            }
            ThresholdRule r = new ThresholdRule(s, level, c, normal, dbkk, f[6], status(f[7]), line);
            thresholds.get(s).get(level).add(r);
            rules.add(r);
        }

        void requires(String[] f) {
            needHeader();
            fields(f, 7, "requires | standard | level | required standard | required level | source | status");
            Standard s = standard(f[1]);
            int level = integer(f[2], "level", 1, s.maxLevel());
            Standard req = standard(f[3]);
            if (req == s) throw fail("a standard cannot require itself (level k always requires level k-1)");
            int reqLevel = integer(f[4], "required level", 1, req.maxLevel());
            PrerequisiteRule r = new PrerequisiteRule(s, level, req, reqLevel, f[5], status(f[6]), line);
            prerequisites.get(s).get(level).add(r);
            rules.add(r);
            checkNoCycle();
        }

        void aggregate(String[] f, Scope scope, Map<StandardLevel, AggregationRule> into) {
            needHeader();
            String kind = scope == Scope.DISTRICT ? "district" : "city";
            fields(f, 5, kind + " | key | percent | source | status");
            StandardLevel key = StandardLevel.parse(f[1]);
            if (key == null) throw fail("unknown key \"" + f[1] + "\" (expected MN5, TH1, TH2, TH3, THCS1, THCS2, THCS3, XMC1 or XMC2)");
            if (into.containsKey(key)) throw fail("second " + kind + " rule for " + key + " (first on line " + into.get(key).line() + ")");
            AggregationRule r = new AggregationRule(scope, key, percent(f[2]), f[3], status(f[4]), line);
            into.put(key, r);
            rules.add(r);
        }

        void option(String[] f) {
            needHeader();
            fields(f, 5, "option | name | value | source | status");
            OptionRule r = new OptionRule(f[1], f[2], f[3], status(f[4]), line);
            switch (f[1]) {
                case "city_without_districts":
                    if (!f[2].equals("district_percentages") && !f[2].equals("city_percentages")) {
                        throw fail("city_without_districts must be district_percentages or city_percentages, not \"" + f[2] + "\"");
                    }
                    if (cityWithoutDistricts != null) throw fail("second city_without_districts option");
                    cityWithoutDistricts = r;
                    break;
                case "city_with_districts_and_communes":
                    if (!f[2].equals("districts_only") && !f[2].equals("districts_and_communes")) {
                        throw fail("city_with_districts_and_communes must be districts_only or districts_and_communes, not \"" + f[2] + "\"");
                    }
                    if (mixedCity != null) throw fail("second city_with_districts_and_communes option");
                    mixedCity = r;
                    break;
                default:
                    throw fail("unknown option \"" + f[1] + "\" (expected city_without_districts or city_with_districts_and_communes)");
            }
            rules.add(r);
        }

        void checkComplete() {
            if (id == null) throw fail("no 'ruleset | id | version | title' record");
            for (Criterion c : Criterion.values()) {
                if (!cohorts.containsKey(c)) throw fail("no cohort for criterion " + c.id());
            }
            // a rule file written before the criteria were data (format 1) keeps the default file's lines
            for (Field d : Definitions.DEFINABLE) {
                if (definitions.containsKey(d)) continue;
                if (inherit == null) throw fail("no 'define | " + d.csvName() + " | …' record");
                definitions.put(d, inherit.definition(d));
                rules.add(inherit.definition(d));
            }
            for (Criterion c : Criterion.values()) {
                if (criteria.containsKey(c)) continue;
                if (inherit == null) throw fail("no 'criterion | " + c.id() + " | …' record");
                criteria.put(c, inherit.criterion(c));
                rules.add(inherit.criterion(c));
            }
            for (Standard s : Standard.values()) {
                for (int l = 1; l <= s.maxLevel(); l++) {
                    if (thresholds.get(s).get(l).isEmpty() && prerequisites.get(s).get(l).isEmpty()) {
                        throw fail("no commune condition for " + s.id() + " level " + l);
                    }
                }
            }
            for (StandardLevel k : StandardLevel.values()) {
                if (!district.containsKey(k)) throw fail("no district rule for " + k);
                if (!city.containsKey(k)) throw fail("no city rule for " + k);
            }
            if (cityWithoutDistricts == null) throw fail("no 'option | city_without_districts | …' record");
            if (mixedCity == null) throw fail("no 'option | city_with_districts_and_communes | …' record");
        }

        void checkNoCycle() {
            // standards form a tiny graph; detect a cycle by depth-first search
            for (Standard start : Standard.values()) {
                if (reaches(start, start, 0)) throw fail("prerequisites form a cycle through " + start.id());
            }
        }

        boolean reaches(Standard from, Standard target, int depth) {
            if (depth > Standard.values().length) return true;
            for (List<PrerequisiteRule> perLevel : prerequisites.get(from)) {
                for (PrerequisiteRule r : perLevel) {
                    if (r.required() == target || reaches(r.required(), target, depth + 1)) return true;
                }
            }
            return false;
        }

        Standard standard(String s) {
            Standard st = Standard.parse(s);
            if (st == null) throw fail("unknown standard \"" + s + "\" (expected MN5, TH, THCS or XMC)");
            return st;
        }

        Criterion criterion(String s) {
            Criterion c = Criterion.parse(s);
            if (c == null) throw fail("unknown criterion \"" + s + "\"");
            return c;
        }

        int integer(String s, String what, int lo, int hi) {
            Integer v = PersonsReader.parseInt(s);
            if (v == null) throw fail(what + " \"" + s + "\" is not an integer");
            if (v < lo || v > hi) throw fail(what + " " + v + " is outside " + lo + ".." + hi);
            return v;
        }

        Percent percent(String s) {
            try {
                return Percent.parse(s);
            } catch (IllegalArgumentException e) {
                throw fail("\"" + s + "\" is not a percentage between 0 and 100 (at most 2 decimals)");
            }
        }

        Percent percentOrDash(String s) { return s.equals("-") ? null : percent(s); }

        VerificationStatus status(String s) {
            switch (s) {
                case "V": return VerificationStatus.V;
                case "S": return VerificationStatus.S;
                case "M": return VerificationStatus.M;
                default: throw fail("status \"" + s + "\" must be V, S or M");
            }
        }
    }
}
