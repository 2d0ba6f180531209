package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.standards.core.Fixtures.Y;
import static vn.hoctap.standards.core.Fixtures.pop;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The JSON of docs/contracts/standards.md written by Jackson is the same JSON as the hand-written writer produced
 * (kept in {@link HandWrittenStandardsJson}) on the same input: same members in the same order, same values, same
 * text after unescaping, including quotes, backslashes, control characters and Vietnamese.
 */
class JsonWriterEquivalenceTest {

    static StandardsResult sample() {
        Units units = Units.of(List.of(
                Unit.city("01", "Thành phố \"Hà Nội\" \\ thử\u0001\u2028"),
                Unit.district("001", "Quận Ba Đình", "01"),
                Unit.district("002", "Huyện\tSóc Sơn", "01"),
                Unit.commune("00004", "Phường Ba Đình", "001", false),
                Unit.commune("00008", "Phường Ngọc Hà", "001", false),
                Unit.commune("00010", "Xã Minh Phú", "002", true)));
        var p = pop().add("00004", 19, 6, b -> b.enrolment(Person.Enrolment.PRIMARY).grade(1).preschoolCompleted(Y))
                .add("00004", 1, 6)
                .add("00004", 30, 5, b -> b.enrolment(Person.Enrolment.PRESCHOOL))
                .add("00004", 40, 20, Fixtures::literate2)
                .add("00004", 3, 40, Fixtures::illiterate)
                .add("00008", 12, 11, b -> b.primaryCompleted(Y - 1).enrolment(Person.Enrolment.LOWER_SECONDARY).grade(6))
                .add("00008", 2, 14)
                .add("00010", 18, 5, b -> b.enrolment(Person.Enrolment.PRESCHOOL))
                .add("00010", 2, 5)
                .add("00010", 25, 30, Fixtures::literate2);
        return p.run(units);
    }

    @Test
    void jacksonWritesTheSameJsonAsTheHandWrittenWriter() {
        StandardsResult r = sample();
        String before = HandWrittenStandardsJson.toJson(r);
        String after = r.toJson();
        JsonNode old = MiniJson.JSON.readTree(before);
        JsonNode now = MiniJson.JSON.readTree(after);
        assertThat(now).isEqualTo(old);
        // member order too (JsonNode equality ignores it)
        assertThat(MiniJson.parse(after).toString()).isEqualTo(MiniJson.parse(before).toString());
        assertThat(now.get("units")).hasSize(6);
        assertThat(now.get("units").get(0).get("name").asString()).isEqualTo("Thành phố \"Hà Nội\" \\ thử\u0001\u2028");
        assertThat(after).contains("\"Phường Ba Đình\"").contains("\"numerator\": ").endsWith("}\n");
    }

    @Test
    void emptyResultsAreTheSameToo() {
        StandardsResult r = pop().run(Units.of(List.of()));
        assertThat(MiniJson.JSON.readTree(r.toJson())).isEqualTo(MiniJson.JSON.readTree(HandWrittenStandardsJson.toJson(r)));
    }

    @Test
    void theStrictReaderRefusesDuplicatesAndTrailingText() {
        assertThatThrownBy(() -> MiniJson.parse("{\"a\": 1, \"a\": 2}")).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> MiniJson.parse("{\"a\": 1} x")).isInstanceOf(RuntimeException.class);
        assertThat(MiniJson.parse("{\"a\": 1}")).isEqualTo(java.util.Map.of("a", 1L));
    }
}
