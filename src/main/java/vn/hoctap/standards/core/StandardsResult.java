package vn.hoctap.standards.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The standards of every unit for a data year, in units.csv order. */
public final class StandardsResult {
    private final int year;
    private final RuleSet ruleSet;
    private final List<UnitResult> units;
    private final Map<String, UnitResult> byCode = new HashMap<>();
    private final long personsCounted;
    private final long personsExempt;

    StandardsResult(int year, RuleSet ruleSet, List<UnitResult> units, long personsCounted, long personsExempt) {
        this.year = year;
        this.ruleSet = ruleSet;
        this.units = List.copyOf(units);
        for (UnitResult u : this.units) byCode.put(u.code(), u);
        this.personsCounted = personsCounted;
        this.personsExempt = personsExempt;
    }

    public int year() { return year; }

    public RuleSet ruleSet() { return ruleSet; }

    /** Every unit once, in units.csv order. */
    public List<UnitResult> units() { return units; }

    /** @throws IllegalArgumentException for an unknown code */
    public UnitResult unit(String code) {
        UnitResult u = byCode.get(code);
        if (u == null) throw new IllegalArgumentException("unknown unit " + code);
        return u;
    }

    /** The same result restricted to the units that pass {@code keep} (e.g. those a user may read). */
    public StandardsResult filtered(java.util.function.Predicate<UnitResult> keep) {
        return new StandardsResult(year, ruleSet, units.stream().filter(keep).toList(), personsCounted, personsExempt);
    }

    /** The unit's result, or null when the code is not a unit of this result. */
    public UnitResult find(String code) { return byCode.get(code); }

    /** Persons given to the engine (including the exempt ones). */
    public long personsCounted() { return personsCounted; }

    /** Persons left out as exempt (the rule file's {@code exempt}: {@code disability = cannot_learn} by default). */
    public long personsExempt() { return personsExempt; }

    /**
     * The JSON of standards.md: {@code year}, {@code units} (each with {@code code}, {@code level},
     * {@code standards}, and {@code criteria} for communes or {@code communes_meeting} /
     * {@code districts_meeting} for districts and the city). Extra fields: {@code rule_set}, {@code name},
     * {@code parent_code}, {@code disadvantaged}, {@code communes_total} / {@code districts_total}. Written with
     * Jackson (the hand-written writer it replaced is kept in the tests, which compare the two on the same input).
     */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("year", year);
        ObjectNode rules = root.putObject("rule_set");
        rules.put("id", ruleSet.id());
        rules.put("version", ruleSet.version());
        ArrayNode list = root.putArray("units");
        for (UnitResult u : units) {
            ObjectNode o = list.addObject();
            o.put("code", u.code());
            o.put("name", u.unit().name());
            o.put("level", u.level().code());
            if (u.unit().parentCode() != null) o.put("parent_code", u.unit().parentCode());
            if (u.level() == UnitLevel.COMMUNE) o.put("disadvantaged", u.unit().disadvantaged());
            Levels l = u.levels();
            ObjectNode st = o.putObject("standards");
            st.put("MN5", l.mn5());
            st.put("TH", l.th());
            st.put("THCS", l.thcs());
            st.put("XMC", l.xmc());
            if (u.level() == UnitLevel.COMMUNE) {
                ObjectNode criteria = o.putObject("criteria");
                for (Criterion c : Criterion.values()) {
                    Rate r = u.criteria().getOrDefault(c, Rate.EMPTY);
                    ObjectNode rate = criteria.putObject(c.id());
                    rate.put("numerator", r.numerator());
                    rate.put("denominator", r.denominator());
                }
            } else {
                boolean districts = u.childLevel() == UnitLevel.DISTRICT;
                ObjectNode meeting = o.putObject(districts ? "districts_meeting" : "communes_meeting");
                for (StandardLevel k : StandardLevel.values()) meeting.put(k.key(), u.meeting().getOrDefault(k, 0L));
                o.put(districts ? "districts_total" : "communes_total", u.childCount());
            }
        }
        return WRITER.writeValueAsString(root) + "\n";
    }

    /** Jackson; pretty-printed with "\n" line ends on every system and {@code "name": value}. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final ObjectWriter WRITER = JSON.writer().with(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
}
