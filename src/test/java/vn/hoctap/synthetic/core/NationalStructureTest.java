package vn.hoctap.synthetic.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.UnitsReader;

/** The synthetic national structure (issue 18 item 4): 34 provinces directly over 3,321 communes. */
class NationalStructureTest {

    private static String[] generate(long persons, long seed) throws Exception {
        StringWriter u = new StringWriter(), p = new StringWriter();
        SyntheticRegister.generate(new GeneratorOptions(persons, seed, Structure.NATIONAL_2025, 2025), u, p);
        return new String[] {u.toString(), p.toString()};
    }

    @Test
    void thirtyFourProvincesOverThreeThousandThreeHundredTwentyOneCommunesReadByThePlatformsReader() throws Exception {
        String[] files = generate(20_000, 3);
        UnitsReader.Result r = new UnitsReader().read(new ByteArrayInputStream(files[0].getBytes(StandardCharsets.UTF_8)), "units.csv");
        assertThat(r.ok()).as(r.report().format()).isTrue();
        Units units = r.units();
        assertThat(units.all().stream().filter(x -> x.level() == UnitLevel.CITY).count()).isEqualTo(34);
        assertThat(units.all().stream().filter(x -> x.level() == UnitLevel.DISTRICT).count()).isZero();
        assertThat(units.communeCount()).isEqualTo(3_321);
        for (Unit c : units.communes()) {
            // the commune's code starts with its province's two digits and has five digits
            assertThat(c.code()).hasSize(5).startsWith(c.parentCode());
            assertThat(units.get(c.parentCode()).orElseThrow().level()).isEqualTo(UnitLevel.CITY);
        }
        assertThat(units.get("01").orElseThrow().name()).isEqualTo("Tỉnh tổng hợp 01");
        assertThat(units.communes().stream().filter(Unit::disadvantaged).count()).isBetween(100L, 300L);

        // every person in a commune of the units; the requested number of them, ids unique over the nation
        String[] lines = files[1].split("\n");
        assertThat(lines).hasSize(20_001);
        Map<String, Integer> perCommune = new HashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            assertThat(ids.add(f[0])).as(f[0]).isTrue();
            assertThat(units.communeIndex(f[2])).as(f[2]).isNotNegative();
            perCommune.merge(f[2], 1, Integer::sum);
        }
        assertThat(perCommune.size()).isGreaterThan(3_000);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndTheStructureDoesNotDependOnTheSeed() throws Exception {
        String[] a = generate(5_000, 9), b = generate(5_000, 9), c = generate(5_000, 10);
        assertThat(a[1]).isEqualTo(b[1]);
        assertThat(a[1]).isNotEqualTo(c[1]);
        // the units (codes, names, parents) are fixed; only the communes' profiles depend on the seed
        assertThat(a[0]).isEqualTo(c[0]);
        assertThat(Structure.parse("national")).isEqualTo(Structure.NATIONAL_2025);
    }
}
