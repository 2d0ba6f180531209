package vn.hoctap.gnlc.core;


import vn.hoctap.gnlc.core.GnlcFileException;
import vn.hoctap.gnlc.core.KeyFeatures;
import vn.hoctap.gnlc.core.Questionnaire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class QuestionnaireTest {

    static final KeyFeatures K = KeyFeatures.load();

    Questionnaire shipped(String file) {
        return Questionnaire.parse(new InputStreamReader(getClass().getResourceAsStream("/gnlc/questionnaires/" + file),
                StandardCharsets.UTF_8), file, K::hasTarget);
    }

    @Test
    void theSamplesAreMarkedAsSamplesAndLinkedToAreas() {
        Questionnaire b = shipped("sample-biennial-2021.txt");
        assertThat(b.sample()).isTrue();
        assertThat(b.kind()).isEqualTo(Questionnaire.Kind.BIENNIAL);
        assertThat(b.titleEn()).contains("SAMPLE");
        assertThat(b.questions()).hasSize(6);
        assertThat(b.question(3).targets()).containsExactly("2.4");
        assertThat(b.question(2).targets()).containsExactly("2.1", "2.2", "2.3");
        assertThat(b.question(1).wordLimit()).isNull();
        Questionnaire a = shipped("sample-award-2024.txt");
        assertThat(a.kind()).isEqualTo(Questionnaire.Kind.AWARD);
        assertThat(a.questions()).hasSize(8);
        assertThat(a.question(8).textEn()).isEqualTo("Contributions to GNLC activities");
    }

    @Test
    void aQuestionAboutAnUnknownFeatureIsRefusedWithItsLine() {
        String text = """
                # a comment
                questionnaire|biennial-2027|1|BIENNIAL|no|Báo cáo|Report|UIL e-mail
                question|1|300|3.1|Câu một|Question one
                question|2||2.4.9|Câu hai|Question two
                """;
        assertThatThrownBy(() -> Questionnaire.parse(new StringReader(text), "q.txt", K::hasTarget))
                .isInstanceOfSatisfying(GnlcFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("targets");
                    assertThat(e.value()).isEqualTo("2.4.9");
                });
    }

    @Test
    void wordLimitsAndNumbersAreRead() {
        String text = """
                questionnaire|biennial-2027|2|BIENNIAL|no|Báo cáo|Report|UIL e-mail
                question|2|150|3.2|Câu hai|Question two
                question|1|300|3.1, 3.3|Câu một|Question one
                """;
        Questionnaire q = Questionnaire.parse(new StringReader(text), "q.txt", K::hasTarget);
        assertThat(q.version()).isEqualTo(2);
        assertThat(q.sample()).isFalse();
        assertThat(q.questions()).extracting(Questionnaire.Question::number).containsExactly(1, 2);
        assertThat(q.question(1).wordLimit()).isEqualTo(300);
        assertThat(q.question(1).targets()).containsExactly("3.1", "3.3");
        assertThatThrownBy(() -> Questionnaire.parse(new StringReader(text.replace("|150|", "|-5|")), "q.txt", K::hasTarget))
                .isInstanceOfSatisfying(GnlcFileException.class, e -> assertThat(e.reasonKey()).isEqualTo("gnlc.file.bad-number"));
        assertThatThrownBy(() -> Questionnaire.parse(new StringReader(text.replace("|no|", "|maybe|")), "q.txt", K::hasTarget))
                .isInstanceOfSatisfying(GnlcFileException.class, e -> assertThat(e.line()).isEqualTo(1));
    }
}
