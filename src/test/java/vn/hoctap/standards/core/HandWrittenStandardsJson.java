package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Levels;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import java.util.List;

/**
 * The hand-written JSON writer of {@code StandardsResult.toJson} (and {@code standards.internal.JsonText}) as it was
 * before Jackson replaced it (issue 17): kept only to compare the two outputs on the same input.
 */
final class HandWrittenStandardsJson {

    private HandWrittenStandardsJson() {}

    static String toJson(StandardsResult result) {
        int year = result.year();
        RuleSet ruleSet = result.ruleSet();
        List<UnitResult> units = result.units();
        StringBuilder sb = new StringBuilder(256 + units.size() * 1200);
        sb.append("{\n  \"year\": ").append(year).append(",\n");
        sb.append("  \"rule_set\": {\"id\": ");
        quote(sb, ruleSet.id()).append(", \"version\": ");
        quote(sb, ruleSet.version()).append("},\n");
        sb.append("  \"units\": [");
        for (int i = 0; i < units.size(); i++) {
            UnitResult u = units.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"code\": ");
            quote(sb, u.code()).append(", \"name\": ");
            quote(sb, u.unit().name()).append(", \"level\": ");
            quote(sb, u.level().code());
            if (u.unit().parentCode() != null) {
                sb.append(", \"parent_code\": ");
                quote(sb, u.unit().parentCode());
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
                    quote(sb, c.id()).append(": {\"numerator\": ").append(r.numerator())
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

    /** The hand-written escaping it used (RFC 8259; non-ASCII kept as is). */
    static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"');
    }
}
