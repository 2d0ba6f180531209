package vn.hoctap.titles.core;


import vn.hoctap.titles.core.CriteriaSet;
import vn.hoctap.titles.core.CriteriaSetException;
import vn.hoctap.titles.core.CriteriaSetLoader;
import vn.hoctap.titles.core.CriteriaSetWriter;
import vn.hoctap.titles.core.Criterion;
import vn.hoctap.titles.core.PassRule;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.core.VerificationStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriteriaSetLoaderTest {

    static final List<CriteriaSet> SETS = CriteriaSetLoader.loadBuiltIn();
    /** The latest version of each set (every version stays built in: evaluations keep theirs). */
    static final Map<String, CriteriaSet> BY_ID = SETS.stream().collect(Collectors.toMap(CriteriaSet::id, Function.identity(),
            (a, b) -> a.version() >= b.version() ? a : b));

    @Test
    void allBuiltInSetsLoad_everyVersionKept() {
        assertThat(SETS).extracting(CriteriaSet::key).containsExactly(
                "cdht-framework@1", "cdht-residents@1", "cdht-workers@1", "cdht-officials@1", "cdht-learners@1",
                "gdht@1", "dhht@1", "cdht-village@1", "dvht@1", "tt44-commune@1",
                "cdht-framework@2", "cdht-residents@2", "cdht-workers@2", "cdht-officials@2", "cdht-learners@2",
                "gdht@2", "dhht@2", "cdht-village@2", "dvht@2", "tt25-commune@1", "tt24-unit-city@1");
        // the Ministry's sets rate by levels: one point per indicator met (9 and 11 indicators); the others total 100
        assertThat(SETS).filteredOn(s -> !s.id().startsWith("tt2")).allSatisfy(s -> assertThat(s.maxTotal()).isEqualTo(100));
        assertThat(BY_ID.get("tt25-commune").maxTotal()).isEqualTo(9);
        assertThat(BY_ID.get("tt24-unit-city").maxTotal()).isEqualTo(11);
        assertThat(SETS).allSatisfy(s -> {
            assertThat(s.source()).isNotBlank();
            assertThat(s.criteria()).allSatisfy(c -> assertThat(c.indicators()).allSatisfy(i -> assertThat(i.source()).isNotBlank()));
        });
    }

    @Test
    void fiveCitizenSetsOfQd324_threshold80AndNoIndicatorBelow5() {
        var cdht = SETS.stream().filter(s -> s.kind() == TitleKind.CONG_DAN).toList();
        assertThat(cdht).hasSize(10).allSatisfy(s -> {
            assertThat(s.title()).startsWith("Công dân học tập");
            assertThat(s.source()).contains("QĐ 324/QĐ-KHVN");
            assertThat(s.passRule().minTotal()).isEqualTo(80);
            assertThat(s.passRule().minPerIndicator()).isEqualTo(5);
            assertThat(s.passRule().status(PassRule.MIN_TOTAL)).isEqualTo(VerificationStatus.S);
            assertThat(s.passRule().status(PassRule.MIN_INDICATOR)).isEqualTo(VerificationStatus.S);
            assertThat(s.criteria()).hasSize(3);
            // the per-indicator list is not known: every indicator is a visible draft
            assertThat(s.indicators().values()).allSatisfy(i -> assertThat(i.status()).isEqualTo(VerificationStatus.M));
            assertThat(s.isUnverified()).isTrue();
        });
    }

    @Test
    void familySet_fourCriteria_criterionOneIs30PointsVerified() {
        CriteriaSet g = BY_ID.get("gdht");
        assertThat(g.kind()).isEqualTo(TitleKind.GIA_DINH);
        assertThat(g.criteria()).hasSize(4);
        Criterion c1 = g.criteria().get(0);
        assertThat(c1.name()).isEqualTo("Học tập của trẻ em trong gia đình");
        assertThat(c1.maxPoints()).isEqualTo(30);
        assertThat(c1.status()).isEqualTo(VerificationStatus.V);
        assertThat(c1.indicators().get(0).maxPoints()).isEqualTo(10);
        assertThat(c1.indicators().get(0).status()).isEqualTo(VerificationStatus.V);
        assertThat(c1.indicators().get(2).status()).isEqualTo(VerificationStatus.M);
        assertThat(g.passRule().status(PassRule.MIN_TOTAL)).isEqualTo(VerificationStatus.M);
    }

    @Test
    void tt44CommuneSet_has15Criteria_namesSecondary_pointsDraft() {
        CriteriaSet t = BY_ID.get("tt44-commune");
        assertThat(t.kind()).isEqualTo(TitleKind.CONG_DONG_XA);
        assertThat(t.criteria()).hasSize(15).allSatisfy(c -> assertThat(c.status()).isEqualTo(VerificationStatus.S));
        assertThat(t.criteria().get(14).name()).isEqualTo("An ninh, trật tự");
        assertThat(t.indicators().values()).allSatisfy(i -> assertThat(i.status()).isEqualTo(VerificationStatus.M));
        assertThat(t.passRule().isUnverified()).isTrue();
    }

    @Test
    void clanCommunityUnitSetsAreWholeDrafts() {
        for (String id : List.of("dhht", "cdht-village", "dvht")) {
            CriteriaSet s = BY_ID.get(id);
            assertThat(s.status()).as(id).isEqualTo(VerificationStatus.M);
            assertThat(s.isUnverified()).isTrue();
        }
    }

    @Test
    void errorsAreLocated() {
        String ok = "set | x | 1 | CONG_DAN | X | M | src\ncriterion | 1 | C | M | src\nindicator | 1.1 | 10 | I | M | src\npass | min_total | 5 | M | src\n";
        assertThat(CriteriaSetLoader.parse("x.txt", ok).maxTotal()).isEqualTo(10);
        expectError(ok.replace("indicator | 1.1 | 10", "indicator | 1.1 | ten"), "x.txt:3: max points is not a whole number: 'ten'");
        expectError(ok.replace("indicator | 1.1", "indicator | 2.1"), "x.txt:3: indicator id '2.1' must be '1.<n>'");
        expectError(ok.replace("| I | M |", "| I | Q |"), "x.txt:3: status 'Q' is not one of V, S, M, NF");
        expectError(ok.replace("min_total | 5", "min_total | 11"), "x.txt:4: min_total 11 is above the maximum 10");
        expectError(ok.replace("CONG_DAN", "CITIZEN"), "x.txt:1: kind 'CITIZEN'");
        expectError("# c\ncriterion | 1 | C | M | src\n", "x.txt:2: the first record must be 'set'");
        expectError(ok + "indicator | 1.1 | 5 | dup | M | s\n", "x.txt:5: duplicate indicator id 1.1");
        expectError(ok + "pass | min_criterion | 9 | 1 | M | s\n", "x.txt:5: min_criterion names unknown criterion 9");
        expectError(ok + "weight | 1\n", "x.txt:5: unknown record 'weight'");
        expectError(ok.replace("pass | min_total | 5 | M | src\n", "") + "criterion | 2 | D | M | s\n", "x.txt:4: criterion 2 has no indicator");
        expectError(ok.replace("pass | min_total | 5 | M | src\n", ""), "no pass rule");
        expectError(ok.replace("| I | M | src", "| I | M"), "x.txt:3: expected 6 fields");
        // the optional 7th field: only "manual" (scored by hand), which the writer gives back
        CriteriaSet manual = CriteriaSetLoader.parse("x.txt", ok.replace("| I | M | src", "| I | M | src | manual"));
        assertThat(manual.indicator("1.1").orElseThrow().manual()).isTrue();
        assertThat(CriteriaSetLoader.parse("x.txt", ok).indicator("1.1").orElseThrow().manual()).isFalse();
        assertThat(CriteriaSetWriter.write(manual, 2)).contains("indicator | 1.1 | 10 | I | M | src | manual\n");
        assertThat(CriteriaSetWriter.write(CriteriaSetLoader.parse("x.txt", ok), 2)).contains("indicator | 1.1 | 10 | I | M | src\n");
        expectError(ok.replace("| I | M | src", "| I | M | src | auto"), "x.txt:3: the 7th field of an indicator may only be 'manual'");
    }

    @Test
    void loadsAnEditedCopyFromAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cdht-residents-v2.txt");
        String text = new String(getClass().getClassLoader().getResourceAsStream("titles/cdht-residents-v1.txt").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("| cdht-residents | 1 |", "| cdht-residents | 2 |");
        Files.writeString(f, text);
        CriteriaSet v2 = CriteriaSetLoader.load(f);
        assertThat(v2.key()).isEqualTo("cdht-residents@2");
        assertThat(v2.criteria()).isEqualTo(SETS.stream().filter(s -> s.key().equals("cdht-residents@1")).findFirst().orElseThrow().criteria());
    }

    private static void expectError(String text, String message) {
        assertThatThrownBy(() -> CriteriaSetLoader.parse("x.txt", text))
                .isInstanceOf(CriteriaSetException.class).hasMessageContaining(message);
    }
}
