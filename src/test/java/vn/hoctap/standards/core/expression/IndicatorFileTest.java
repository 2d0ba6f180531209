package vn.hoctap.standards.core.expression;

import vn.hoctap.expressions.core.ExpressionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorFileTest {

    @Test
    void everyLineParsesAndTypeChecks() throws IOException {
        List<ExpressionDefinition> defs = ExpressionDefinition.nq23();
        assertThat(defs).extracting(ExpressionDefinition::id).containsExactly("lit.rate_15_60", "lab.trained", "lab.certified",
                "cap.information", "cap.life_skills", "cap.technical_15plus", "cap.university_15plus",
                "model.digital_skills");
        String text;
        try (InputStream in = getClass().getResourceAsStream(ExpressionDefinition.NQ23_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long dataLines = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        assertThat(defs).hasSize((int) dataLines);
        for (ExpressionDefinition d : defs) {
            assertThat(d.compiled().isRatio()).as(d.id()).isTrue();
            assertThat(d.compiled().aggregates()).as(d.id()).hasSize(2);
            assertThat(d.note()).as(d.id()).isNotBlank();
            // each expression is already in canonical form
            assertThat(d.compiled().normalized()).as(d.id()).isEqualTo(d.expression());
            // the numerator's condition narrows the denominator's: it starts with the denominator's condition
            String num = d.compiled().aggregates().get(0).condition();
            String den = d.compiled().aggregates().get(1).condition();
            if (den != null) assertThat(num).as(d.id()).startsWith(den + " and ");
        }
    }

    @Test
    void badLinesAreReportedWithTheirLineNumber() {
        assertThatThrownBy(() -> ExpressionDefinition.read(new StringReader("# c\n\nx | count(person where agee > 1) | n\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3 (x)")
                .hasMessageContaining("did you mean age?")
                .hasCauseInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> ExpressionDefinition.read(new StringReader("x count(person)\n")))
                .hasMessageContaining("line 1: expected 'id | expression | unit note'");
        assertThatThrownBy(() -> ExpressionDefinition.read(new StringReader("x | count(person) | a\nx | count(person) | b\n")))
                .hasMessageContaining("line 2: duplicate id x");
    }
}
