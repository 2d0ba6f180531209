package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Percent;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.RuleSetException;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.VerificationStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.hoctap.standards.core.Fixtures.pop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetTest {
    final RuleSet d = RuleSet.defaults();

    @Test
    void defaultHoldsTheThresholdsOfStandardsMd() {
        assertThat(d.id()).isEqualTo("nd20-2014");
        assertThat(d.version()).isEqualTo("1");
        assertThat(d.thresholds(Standard.MN5, 1)).extracting(t -> t.criterion().id(), t -> t.normal(), t -> t.disadvantaged())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MN5.attend_age5", Percent.of(95), Percent.of(90)),
                        org.assertj.core.groups.Tuple.tuple("MN5.complete_age6", Percent.of(85), Percent.of(80)));
        assertThat(d.cohort(Criterion.XMC_LIT2_15_60).maxAge()).isEqualTo(60);
        assertThat(d.cityRule(StandardLevel.XMC1).percent()).isEqualTo(Percent.of(90));
        assertThat(d.districtRule(StandardLevel.THCS2).percent()).isEqualTo(Percent.of(95));
        assertThat(d.cityWithoutDistricts()).isEqualTo(RuleSet.CityWithoutDistricts.DISTRICT_PERCENTAGES);
        assertThat(d.mixedCity()).isEqualTo(RuleSet.MixedCity.DISTRICTS_ONLY);
    }

    @Test
    void verificationStatusesFollowRegulationsMd() {
        // commune TH 3 figures: S
        assertThat(d.thresholds(Standard.TH, 3)).allMatch(t -> t.status() == VerificationStatus.S);
        // THCS 2 commune and the district/city TH3 and THCS2 figures: M
        assertThat(d.thresholds(Standard.THCS, 2)).allMatch(t -> t.status() == VerificationStatus.M);
        for (StandardLevel k : List.of(StandardLevel.TH3, StandardLevel.THCS2)) {
            assertThat(d.districtRule(k).status()).isEqualTo(VerificationStatus.M);
            assertThat(d.cityRule(k).status()).isEqualTo(VerificationStatus.M);
        }
        assertThat(d.cityWithoutDistrictsRule().status()).isEqualTo(VerificationStatus.M);
        // who is exempt: regulations.md §1.4 "Exclusion of disabled persons from the rates: [NF] in a legal text", [M]
        assertThat(d.definition(vn.hoctap.standards.core.expression.Field.EXEMPT).status()).isEqualTo(VerificationStatus.M);
        // everything else: V
        long others = d.rules().stream().filter(r -> r.status() != VerificationStatus.V).count();
        assertThat(others).isEqualTo(2 /* TH3 */ + 1 /* THCS2 */ + 4 /* district/city TH3, THCS2 */ + 2 /* options */ + 1 /* exempt */);
        assertThat(d.rules()).allMatch(r -> r.source() != null && !r.source().isBlank());
    }

    @Test
    void xmcUpperAgeIsConfigurable() {
        RuleSet r62 = RuleSet.parse(RuleSet.defaultText().replace("cohort | XMC.lit2_15_60      | 15 | 60 |",
                "cohort | XMC.lit2_15_60      | 15 | 62 |"), "test-62");
        var p = pop().add("00001", 9, 40, Fixtures::literate2).add("00001", 1, 62, Fixtures::illiterate);
        Units units = Fixtures.oneCity();
        assertThat(p.run(units).unit("00001").criteria().get(Criterion.XMC_LIT2_15_60)).isEqualTo(new Rate(9, 9));
        assertThat(p.run(units, r62).unit("00001").criteria().get(Criterion.XMC_LIT2_15_60)).isEqualTo(new Rate(9, 10));
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("rules.txt");
        Files.writeString(f, RuleSet.defaultText().replace("ruleset | nd20-2014 | 1 |", "ruleset | hn-test | 7 |"));
        RuleSet r = RuleSet.load(f);
        assertThat(r.id()).isEqualTo("hn-test");
        assertThat(r.version()).isEqualTo("7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '¦', quoteCharacter = '\'', value = {
        "unknown record    ¦ commune | MN5  | 1 | MN5.attend_age5     | 95  | 90 | ¦ thing | MN5  | 1 | MN5.attend_age5     | 95  | 90 | ¦ unknown record type",
        "bad percent       ¦ | 95  | 90 | NĐ 20/2014/NĐ-CP Điều 6 (xã) ¦ | 9x5  | 90 | NĐ 20/2014/NĐ-CP Điều 6 (xã) ¦ not a percentage",
        "percent over 100  ¦ | 95  | 90 | NĐ 20/2014/NĐ-CP Điều 6 (xã) ¦ | 101  | 90 | NĐ 20/2014/NĐ-CP Điều 6 (xã) ¦ not a percentage",
        "bad status        ¦ Điều 6 (xã) | V ¦ Điều 6 (xã) | X ¦ must be V, S or M",
        "unknown criterion ¦ | MN5.attend_age5     | 95 ¦ | MN5.attend_age4     | 95 ¦ unknown criterion",
        "level too high    ¦ commune | MN5  | 1 | MN5.attend_age5 ¦ commune | MN5  | 2 | MN5.attend_age5 ¦ outside 1..1",
        "min above max     ¦ | 15 | 60 | ¦ | 61 | 60 | ¦ min age 61 is above max age 60",
        "missing field     ¦ | 95  | 90 | NĐ 20/2014/NĐ-CP Điều 6 (xã) | V ¦ | 95  | 90 | V ¦ expected 8 fields",
        "bad condition     ¦ | enrolment = primary and grade = 1 | ¦ | enrolment = primari and grade = 1 | ¦ primari",
        "text for a number ¦ | primary_completed <= year | NĐ 20/2014/NĐ-CP Điều 10, 11 ¦ | primary_completed <= \"2025\" | NĐ 20/2014/NĐ-CP Điều 10, 11 ¦ condition",
        "define itself     ¦ or literacy_stage_completed >= 1 | ¦ or literate1 | ¦ uses literate1",
        "not definable     ¦ define | literate2 ¦ define | literate3 ¦ cannot be defined"
    })
    void badRuleFilesGiveALocatedError(String name, String from, String to, String message) {
        String text = RuleSet.defaultText();
        int at = text.indexOf(from.strip());
        assertThat(at).as("fixture text present").isNotNegative();
        String bad = text.substring(0, at) + to.strip() + text.substring(at + from.strip().length());
        int expectedLine = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertThatThrownBy(() -> RuleSet.parse(bad, "bad.rules"))
                .isInstanceOfSatisfying(RuleSetException.class, e -> {
                    assertThat(e.source()).isEqualTo("bad.rules");
                    assertThat(e.line()).isEqualTo(expectedLine);
                    assertThat(e.getMessage()).startsWith("bad.rules:" + expectedLine + ": ").contains(message.strip());
                });
    }

    @Test
    void missingRulesAreReported() {
        String text = RuleSet.defaultText().replaceAll("(?m)^city \\| XMC2.*$", "");
        assertThatThrownBy(() -> RuleSet.parse(text, "x.rules")).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("no city rule for XMC2");
        String noCohort = RuleSet.defaultText().replaceAll("(?m)^cohort \\| TH.complete_age14.*$", "");
        assertThatThrownBy(() -> RuleSet.parse(noCohort, "x.rules")).hasMessageContaining("no cohort for criterion TH.complete_age14");
        String cycle = RuleSet.defaultText() + "\nrequires | TH | 1 | THCS | 1 | test | M\n";
        assertThatThrownBy(() -> RuleSet.parse(cycle, "x.rules")).hasMessageContaining("cycle");
        assertThatThrownBy(() -> RuleSet.load(Path.of("/nonexistent/rules.txt"))).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("/nonexistent/rules.txt");
    }

    @Test
    void aRuleFileWithoutConditionsTakesTheDefaultOnes() {
        // format 1 (before issue 17): no define and criterion lines; such a file stays valid and means what it meant
        String old = RuleSet.defaultText().replaceAll("(?m)^(define|criterion) \\|.*$", "");
        RuleSet r = RuleSet.parse(old, "format-1.rules");
        for (Criterion c : Criterion.values()) {
            assertThat(r.criterion(c).condition()).isEqualTo(d.criterion(c).condition());
        }
        assertThat(r.definitions()).isEqualTo(d.definitions());
        // the default file itself must carry every condition: without them it is refused
        assertThat(d.criterion(Criterion.TH_GRADE1_AGE6).condition()).isEqualTo("enrolment = primary and grade = 1");
        assertThat(d.criterion(Criterion.XMC_LIT2_15_60).toString()).isEqualTo("criterion | XMC.lit2_15_60 | literate2");
    }

    @Test
    void aFileMayOmitADefinitionAndInheritIt() {
        String text = RuleSet.defaultText().replaceAll("(?m)^define \\| literate2 .*$", "")
                .replace("criterion | XMC.lit2_15_60      | literate2", "criterion | XMC.lit2_15_60      | literate2 and literate1");
        // literate2 is no longer defined in this file: inherited from the default, so the criterion line is still valid
        assertThat(RuleSet.parse(text, "x.rules").criterion(Criterion.XMC_LIT2_15_60).condition()).isEqualTo("literate2 and literate1");
    }

    @Test
    void percentArithmeticIsExact() {
        Percent p = Percent.parse("97.5");
        assertThat(p.isMetBy(39, 40)).isTrue();    // 97.5 % exactly
        assertThat(p.isMetBy(38, 40)).isFalse();
        assertThat(Percent.of(90).isMetBy(0, 0)).isTrue();
        assertThat(Percent.of(100).additionalNeeded(9, 10)).isEqualTo(1);
        assertThat(Percent.of(90).additionalNeeded(80, 100)).isEqualTo(10);
        assertThat(Percent.of(95).additionalNeeded(18, 20)).isEqualTo(1);   // 19/20 = 95 %
        assertThat(Percent.of(95).additionalNeeded(0, 3)).isEqualTo(3);     // 2.85 -> 3
        assertThat(Percent.of(90).additionalNeeded(9, 10)).isZero();
        assertThat(p.toString()).isEqualTo("97.5");
    }
}
