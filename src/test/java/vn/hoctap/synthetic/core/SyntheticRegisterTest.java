package vn.hoctap.synthetic.core;


import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.HanoiData;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticRegisterTest {

    @Test
    void structure2025HasCityAnd126CommunesAndExactlyNPersons() {
        TestSupport.Register r = TestSupport.generate(GeneratorOptions.of(12_345, 1, Structure.HANOI_2025));
        assertThat(r.unitLines()).isEqualTo(127);
        assertThat(r.personLines()).isEqualTo(12_345);
        assertThat(r.summary().persons()).isEqualTo(12_345);
        assertThat(r.summary().units()).isEqualTo(127);
        assertThat(r.summary().communes()).isEqualTo(126);
        RegisterValidator v = r.validate(2025);
        assertThat(v.errors).isEmpty();
        assertThat(v.cities).isEqualTo(1);
        assertThat(v.districts).isZero();
        assertThat(v.communes).isEqualTo(126);
        assertThat(r.units()).startsWith(SyntheticRegister.UNITS_HEADER + "\n01,Thành phố Hà Nội,city,,\n");
        assertThat(r.persons()).startsWith(SyntheticRegister.PERSONS_HEADER + "\n");
    }

    @Test
    void structure2024Has30DistrictsAnd579Communes() {
        TestSupport.Register r = TestSupport.generate(GeneratorOptions.of(20_000, 1, Structure.HANOI_2024));
        assertThat(r.unitLines()).isEqualTo(610);
        assertThat(r.personLines()).isEqualTo(20_000);
        RegisterValidator v = r.validate(2024);
        assertThat(v.errors).isEmpty();
        assertThat(v.districts).isEqualTo(30);
        assertThat(v.communes).isEqualTo(579);
        // ages are counted from the data year 2024: nobody is born after it
        assertThat(r.persons()).doesNotContain(",2025-").doesNotContain(",2025,");
    }

    @Test
    void oneCommuneIsWrittenExactlyAsItsRowsInTheWholeRegister() throws Exception {
        GeneratorOptions o = GeneratorOptions.of(30_000, 5, Structure.HANOI_2025);
        TestSupport.Register whole = TestSupport.generate(o);
        // the rows of Phường Ba Đình (00004, the third column) in the whole register, in their order
        List<String> expected = whole.persons().lines().skip(1).filter(l -> l.split(",", -1)[2].equals("00004")).toList();
        assertThat(expected).isNotEmpty();
        java.io.StringWriter one = new java.io.StringWriter();
        long n = SyntheticRegister.commune(o, "00004", one);
        List<String> lines = one.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(SyntheticRegister.PERSONS_HEADER);
        assertThat(lines.subList(1, lines.size())).isEqualTo(expected);
        assertThat(n).isEqualTo(expected.size());
        assertThatThrownBy(() -> SyntheticRegister.commune(o, "01", new java.io.StringWriter()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRowOf200000PersonsIsValid() {
        TestSupport.Register r = TestSupport.generate(GeneratorOptions.of(200_000, 42, Structure.HANOI_2025));
        RegisterValidator v = r.validate(2025);
        assertThat(v.errors).isEmpty();
        assertThat(v.persons).isEqualTo(200_000);
    }

    @Test
    void everyRowValidForStructure2024AndForAnotherDataYear() {
        assertThat(TestSupport.generate(GeneratorOptions.of(100_000, 3, Structure.HANOI_2024)).validate(2024).errors)
                .isEmpty();
        assertThat(TestSupport.generate(new GeneratorOptions(30_000, 3, Structure.HANOI_2025, 2031)).validate(2031).errors)
                .isEmpty();
    }

    @Test
    void sameOptionsGiveIdenticalOutputAndAnotherSeedDiffers() {
        for (Structure s : Structure.values()) {
            TestSupport.Register a = TestSupport.generate(GeneratorOptions.of(50_000, 99, s));
            TestSupport.Register b = TestSupport.generate(GeneratorOptions.of(50_000, 99, s));
            TestSupport.Register c = TestSupport.generate(GeneratorOptions.of(50_000, 100, s));
            assertThat(a.persons()).isEqualTo(b.persons());
            assertThat(a.units()).isEqualTo(b.units());
            assertThat(c.persons()).isNotEqualTo(a.persons());
            assertThat(c.personLines()).isEqualTo(a.personLines());
        }
    }

    @Test
    void aCommunesRowsDoNotDependOnOtherCommunes() {
        // the first persons of a commune are the same whatever the total (per-commune random streams)
        String small = TestSupport.generate(GeneratorOptions.of(126_000, 5, Structure.HANOI_2025)).persons();
        String large = TestSupport.generate(GeneratorOptions.of(252_000, 5, Structure.HANOI_2025)).persons();
        List<String> a = small.lines().filter(l -> l.startsWith("P10489-")).limit(500).toList();
        List<String> b = large.lines().filter(l -> l.startsWith("P10489-")).limit(500).toList();
        assertThat(a).hasSize(500).isEqualTo(b);
    }

    @Test
    void tinyRegistersAreValid() {
        for (long n : new long[] {1, 2, 7, 127, 1000}) {
            TestSupport.Register r = TestSupport.generate(GeneratorOptions.of(n, n, Structure.HANOI_2025));
            assertThat(r.personLines()).isEqualTo(n);
            assertThat(r.validate(2025).errors).isEmpty();
        }
    }

    @Test
    void disadvantagedAreTheChosenRemoteXaOfBaViAndMyDuc() throws Exception {
        RegisterValidator v25 = TestSupport.generate(GeneratorOptions.of(1000, 1, Structure.HANOI_2025)).validate(2025);
        assertThat(v25.disadvantaged).containsExactlyInAnyOrderElementsOf(SyntheticRegister.DISADVANTAGED_2025);
        RegisterValidator v24 = TestSupport.generate(GeneratorOptions.of(1000, 1, Structure.HANOI_2024)).validate(2024);
        assertThat(v24.disadvantaged).containsExactlyInAnyOrderElementsOf(SyntheticRegister.DISADVANTAGED_2024);
        Map<String, String> names24 = HanoiData.units(Structure.HANOI_2024).stream()
                .collect(Collectors.toMap(HanoiData.Unit::code, u -> u.name() + "/" + u.parentCode()));
        for (String code : SyntheticRegister.DISADVANTAGED_2024) {
            assertThat(names24.get(code)).startsWith("Xã ").matches(".*/(271|282)");
        }
        Map<String, String> names25 = HanoiData.units(Structure.HANOI_2025).stream()
                .collect(Collectors.toMap(HanoiData.Unit::code, HanoiData.Unit::name));
        assertThat(SyntheticRegister.DISADVANTAGED_2025.stream().map(names25::get))
                .containsExactlyInAnyOrder("Xã Suối Hai", "Xã Ba Vì", "Xã Yên Bài", "Xã Hương Sơn");
    }

    @Test
    void weightsFollowPopulationWithTheDocumentedRules() {
        Map<String, Double> w25 = HanoiData.weights(Structure.HANOI_2025);
        assertThat(w25).hasSize(126);
        assertThat(w25.get("00004")).isEqualTo(65_023.0);
        assertThat(w25.get("10441")).isEqualTo(HanoiData.POPULATION_FLOOR); // 5,364 in the data, suspect
        Map<String, Double> w24 = HanoiData.weights(Structure.HANOI_2024);
        assertThat(w24).hasSize(579);
        // Phường Phúc Xá (00001) went wholly into Phường Hồng Hà (00097), which has several rows in the merger
        assertThat(w24.get("00001")).isPositive();
        // the 53 communes that disappeared on 1/1/2025 all get the median
        List<String> pre = HanoiData.units(Structure.HANOI_2024).stream().map(HanoiData.Unit::code).toList();
        long missing = HanoiData.read("units-2025-pre-reform.csv", 4).stream().map(f -> f[0]).filter(pre::contains).count();
        assertThat(missing).isEqualTo(557);
        double median = HanoiData.median(w24.entrySet().stream()
                .filter(e -> HanoiData.read("units-2025-pre-reform.csv", 4).stream().anyMatch(f -> f[0].equals(e.getKey())))
                .map(Map.Entry::getValue).toList());
        assertThat(w24.get("10456")).isEqualTo(median); // Xã Mỹ Thành, gone on 1/1/2025
        // total weight of 2024 communes is close to the (floored) population of the 126 units plus 53 medians
        double sum25 = w25.values().stream().mapToDouble(Double::doubleValue).sum();
        double sum24 = w24.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(sum24).isCloseTo(sum25 + 53 * median, org.assertj.core.data.Percentage.withPercentage(0.001));
    }

    @Test
    void apportionmentIsExactAndProportional() {
        double[] w = {1, 2, 3, 0.5};
        long[] c = SyntheticRegister.allocate(13, w);
        assertThat(Arrays.stream(c).sum()).isEqualTo(13);
        assertThat(c).containsExactly(2, 4, 6, 1);
        assertThat(Arrays.stream(SyntheticRegister.allocate(8_700_000, new double[] {0.3, 0.3, 0.4})).sum())
                .isEqualTo(8_700_000);
        assertThat(SyntheticRegister.allocate(1, w)).containsExactly(0, 0, 1, 0);
    }

    @Test
    void profileChoiceIsBySeedAndCoversAbout12PercentOfCommunes() {
        Map<String, String> a = SyntheticRegister.communeProfiles(7, Structure.HANOI_2025);
        Map<String, String> b = SyntheticRegister.communeProfiles(7, Structure.HANOI_2025);
        Map<String, String> c = SyntheticRegister.communeProfiles(8, Structure.HANOI_2025);
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a.values().stream().filter(s -> s.contains("weak")).count()).isEqualTo(15);
        for (long seed = 1; seed <= 20; seed++) {
            Map<String, String> p = SyntheticRegister.communeProfiles(seed, Structure.HANOI_2025);
            for (String area : List.of("MN5:", "TH:", "THCS:", "XMC:")) {
                for (int sev = 1; sev <= 3; sev++) {
                    String tag = area + "s" + sev;
                    assertThat(p.values()).as("seed " + seed + " " + tag).anyMatch(s -> s.contains(tag));
                }
            }
        }
        Map<String, String> p24 = SyntheticRegister.communeProfiles(7, Structure.HANOI_2024);
        assertThat(p24.values().stream().filter(s -> s.contains("weak")).count()).isEqualTo(69);
    }

    @Test
    void optionsAreChecked() {
        assertThatThrownBy(() -> GeneratorOptions.of(0, 1, Structure.HANOI_2025)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new GeneratorOptions(5, 1, Structure.HANOI_2025, 1800)).hasMessageContaining("year");
        assertThatThrownBy(() -> GeneratorOptions.of(5, 1, null)).hasMessageContaining("structure");
        assertThatThrownBy(() -> Structure.parse("2023")).hasMessageContaining("2025 or 2024");
        assertThat(GeneratorOptions.of(5, 1, Structure.HANOI_2024).year()).isEqualTo(2024);
        assertThat(GeneratorOptions.of(5, 1, Structure.HANOI_2025).year()).isEqualTo(2025);
    }

    @Test
    void validatorCatchesBrokenRows() throws Exception {
        String units = SyntheticRegister.UNITS_HEADER + "\n01,Thành phố Hà Nội,city,,\n00004,Phường Ba Đình,commune,01,false\n";
        String bad = SyntheticRegister.PERSONS_HEADER + "\n"
                + "P1,H1,00004,Tổ dân phố 1,2015-02-30,M,,permanent,none,primary,7,,,,,,,,,,,,\n"
                + "P1,H1,99999,Thôn 1,2010,X,,permanent,none,upper_secondary,,,2030,,,,,,,,,,\n";
        RegisterValidator v = new RegisterValidator().validateUnits(new StringReader(units))
                .validatePersons(new StringReader(bad), 2025);
        assertThat(String.join("\n", v.errors)).contains("not a date").contains("duplicate person_id")
                .contains("unknown commune").contains("bad sex").contains("grade ''").contains("2030");
    }
}
