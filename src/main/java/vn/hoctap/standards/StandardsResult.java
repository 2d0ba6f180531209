package vn.hoctap.standards;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hoctap.standards.internal.JsonText;

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

    /** Persons left out because {@code disability = cannot_learn}. */
    public long personsExempt() { return personsExempt; }

    /**
     * The JSON of standards.md: {@code year}, {@code units} (each with {@code code}, {@code level},
     * {@code standards}, and {@code criteria} for communes or {@code communes_meeting} /
     * {@code districts_meeting} for districts and the city). Extra fields: {@code rule_set}, {@code name},
     * {@code parent_code}, {@code disadvantaged}, {@code communes_total} / {@code districts_total}.
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder(256 + units.size() * 1200);
        sb.append("{\n  \"year\": ").append(year).append(",\n");
        sb.append("  \"rule_set\": {\"id\": ");
        JsonText.quote(sb, ruleSet.id()).append(", \"version\": ");
        JsonText.quote(sb, ruleSet.version()).append("},\n");
        sb.append("  \"units\": [");
        for (int i = 0; i < units.size(); i++) {
            UnitResult u = units.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"code\": ");
            JsonText.quote(sb, u.code()).append(", \"name\": ");
            JsonText.quote(sb, u.unit().name()).append(", \"level\": ");
            JsonText.quote(sb, u.level().code());
            if (u.unit().parentCode() != null) {
                sb.append(", \"parent_code\": ");
                JsonText.quote(sb, u.unit().parentCode());
            }
            if (u.level() == UnitLevel.COMMUNE) sb.append(", \"disadvantaged\": ").append(u.unit().disadvantaged());
            Levels l = u.levels();
            sb.append(",\n      \"standards\": {\"MN5\": ").append(l.mn5()).append(", \"TH\": ").append(l.th())
              .append(", \"THCS\": ").append(l.thcs()).append(", \"XMC\": ").append(l.xmc()).append('}');
            if (u.level() == UnitLevel.COMMUNE) {
                sb.append(",\n      \"criteria\": {");
                boolean first = true;
                for (Criterion c : Criterion.values()) {
                    Rate r = u.criteria().getOrDefault(c, Rate.EMPTY);
                    sb.append(first ? "\n        " : ",\n        ");
                    first = false;
                    JsonText.quote(sb, c.id()).append(": {\"numerator\": ").append(r.numerator())
                      .append(", \"denominator\": ").append(r.denominator()).append('}');
                }
                sb.append("\n      }");
            } else {
                boolean districts = u.childLevel() == UnitLevel.DISTRICT;
                sb.append(",\n      \"").append(districts ? "districts_meeting" : "communes_meeting").append("\": {");
                boolean first = true;
                for (StandardLevel k : StandardLevel.values()) {
                    if (!first) sb.append(", ");
                    first = false;
                    sb.append('"').append(k.key()).append("\": ").append(u.meeting().getOrDefault(k, 0L));
                }
                sb.append("},\n      \"").append(districts ? "districts_total" : "communes_total").append("\": ")
                  .append(u.childCount());
            }
            sb.append('}');
        }
        sb.append(units.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return sb.toString();
    }
}
