package vn.hoctap.indicators.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 15: every indicator has its formula, denominator population, data source, verification status and known
 * difference in both languages, and docs/indicators.md shows exactly what the definitions file says.
 */
class IndicatorDescriptionsTest {

    static final String BEGIN = "<!-- indicator-definitions:begin (generated from src/main/resources/indicators/nq23-definitions.txt) -->\n";
    static final String END = "<!-- indicator-definitions:end -->";

    @Test
    void everyIndicatorIsDescribed() {
        Map<String, IndicatorDescriptions.Description> all = IndicatorDescriptions.load();
        List<IndicatorDefinition> catalogue = IndicatorCatalogue.load();
        assertThat(all.keySet()).containsExactlyElementsOf(catalogue.stream().map(IndicatorDefinition::id).toList());
        all.values().forEach(d -> IndicatorDescriptions.FIELDS.stream().filter(f -> !f.equals("status")).forEach(f -> {
            assertThat(d.text(f, false)).as(d.id() + " " + f).isNotBlank();
            assertThat(d.text(f, true)).as(d.id() + " " + f).isNotBlank();
        }));
        // what issue 15 asked to say plainly
        assertThat(all.get("model.learning_districts").text("formula", false)).contains("Cộng đồng học tập cấp xã").contains("Diễn đạt lại");
        assertThat(all.get("model.learning_city").text("data", false)).contains("GNLC").contains("không tính là danh hiệu");
        assertThat(all.get("xmc.level2").text("formula", false)).contains("nd20-2014 v2").contains("v1");
        assertThat(all.get("pcgd.mn5_units").text("difference", false)).contains("3–5").contains("218/2025");
    }

    @Test
    void docsShowTheDefinitions() throws Exception {
        String expected = IndicatorDescriptions.markdown(IndicatorCatalogue.load(), IndicatorDescriptions.load());
        String doc = Files.readString(Path.of("docs/indicators.md"), StandardCharsets.UTF_8);
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        if (b < 0 || e < 0 || !doc.substring(b + BEGIN.length(), e).equals(expected)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/indicator-definitions.md"), BEGIN + expected + END + "\n", StandardCharsets.UTF_8);
        }
        assertThat(b).as("docs/indicators.md has the generated section (expected text in target/indicator-definitions.md)").isNotNegative();
        assertThat(doc.substring(b + BEGIN.length(), e)).isEqualTo(expected);
    }

    @Test
    void aBadFileNamesTheLine() {
        assertThatThrownBy(() -> IndicatorDescriptions.parse("[a]\nformula.vi: x\nstatus: Q\n", "f")).hasMessageContaining("f:3");
        assertThatThrownBy(() -> IndicatorDescriptions.parse("[a]\nformula.vi: x\nstatus: M\n", "f")).hasMessageContaining("[a] lacks");
    }
}
