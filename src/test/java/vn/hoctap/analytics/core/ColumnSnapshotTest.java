package vn.hoctap.analytics.core;


import vn.hoctap.analytics.core.ColumnarAggregates;
import vn.hoctap.analytics.core.ColumnarEngine;
import vn.hoctap.analytics.core.ColumnarRegister;
import vn.hoctap.analytics.core.ColumnarResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;

/**
 * Columns saved on disk (issue 18, item 1) come back exactly: the same counts for every commune and criterion, every
 * person found by id, edits applied after reading give the counts of a register built with the edit; and a saved file
 * that is damaged, cut short, made for another state or for other communes is refused (null), never half-used.
 */
class ColumnSnapshotTest {

    @TempDir
    Path dir;

    final Generated.Register g = Generated.of(GeneratorOptions.of(20_000, 7, Structure.HANOI_2025));
    final Map<String, String> labels = Map.of("year", "2025", "state", "db-1:42:true");

    ColumnarRegister built() {
        return ColumnarRegister.of(g.units(), g.persons().stream());
    }

    /** Stand-in household hashes, one per row (distinct per row, so they can be checked back). */
    long[] households(ColumnarRegister r) {
        long[] h = new long[r.size()];
        for (int i = 0; i < h.length; i++) h[i] = 1_000_003L * i + 7;
        return h;
    }

    ColumnarResult count(ColumnarRegister r) {
        return ColumnarEngine.nq23(g.units(), g.year(), RuleSet.defaults()).aggregates(r, 2).result();
    }

    @Test
    void whatIsReadBackCountsAndFindsExactlyWhatWasSaved() throws Exception {
        ColumnarRegister original = built();
        Path file = dir.resolve("register-2025.columns");
        original.writeSnapshot(file, labels, households(original));
        ColumnarRegister.Saved saved = ColumnarRegister.readSnapshot(g.units(), file, labels);
        assertThat(saved).isNotNull();
        assertThat(saved.households()).containsExactly(households(original));
        ColumnarRegister back = saved.register();
        assertThat(back.size()).isEqualTo(g.persons().size()).isEqualTo(20_000);

        ColumnarResult a = count(original), b = count(back);
        for (int ci = 0; ci < a.communeCount(); ci++) {
            assertThat(b.persons(ci)).isEqualTo(a.persons(ci));
            assertThat(b.exempt(ci)).isEqualTo(a.exempt(ci));
            for (Criterion c : Criterion.values()) {
                assertThat(b.numerator(ci, c)).as(c + " " + ci).isEqualTo(a.numerator(ci, c));
                assertThat(b.denominator(ci, c)).as(c + " " + ci).isEqualTo(a.denominator(ci, c));
            }
        }
        for (Person p : g.persons()) {
            assertThat(back.rowOf(p.personId())).as(p.personId()).isEqualTo(original.rowOf(p.personId())).isNotNegative();
        }
        assertThat(back.rowOf("nobody")).isEqualTo(-1);

        // edits after reading: remove the first person, the counts equal a register built without them
        ColumnarAggregates live = ColumnarEngine.nq23(g.units(), g.year(), RuleSet.defaults()).aggregates(back, 2);
        Person gone = g.persons().get(0);
        live.apply(gone, null);
        ColumnarResult expected = count(ColumnarRegister.of(g.units(), g.persons().stream().skip(1)));
        ColumnarResult after = live.result();
        assertThat(after.personsTotal()).isEqualTo(19_999).isEqualTo(expected.personsTotal());
        for (int ci = 0; ci < after.communeCount(); ci++) {
            for (Criterion c : Criterion.values()) {
                assertThat(after.numerator(ci, c)).isEqualTo(expected.numerator(ci, c));
            }
        }
    }

    @Test
    void aSavedFileThatDoesNotMatchIsNotUsed() throws Exception {
        Path file = dir.resolve("register-2025.columns");
        ColumnarRegister r = built();
        r.writeSnapshot(file, labels, households(r));
        // another database state, another year
        assertThat(ColumnarRegister.readSnapshot(g.units(), file, Map.of("year", "2025", "state", "db-1:43:true"))).isNull();
        assertThat(ColumnarRegister.readSnapshot(g.units(), file, Map.of("year", "2024", "state", "db-1:42:true"))).isNull();
        // other communes
        Generated.Register other = Generated.of(GeneratorOptions.of(1_000, 7, Structure.HANOI_2024));
        assertThat(ColumnarRegister.readSnapshot(other.units(), file, labels)).isNull();
        // one byte changed in the middle of the columns
        byte[] bytes = Files.readAllBytes(file);
        byte[] damaged = bytes.clone();
        damaged[bytes.length / 2] ^= 0x40;
        Path d = dir.resolve("damaged.columns");
        Files.write(d, damaged);
        assertThat(ColumnarRegister.readSnapshot(g.units(), d, labels)).isNull();
        // cut short (as by a crash while copying it)
        Path cut = dir.resolve("cut.columns");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        assertThat(ColumnarRegister.readSnapshot(g.units(), cut, labels)).isNull();
        // not a snapshot at all, or missing
        Path text = dir.resolve("text.columns");
        Files.writeString(text, "person_id,household_id\n");
        assertThat(ColumnarRegister.readSnapshot(g.units(), text, labels)).isNull();
        assertThat(ColumnarRegister.readSnapshot(g.units(), dir.resolve("none.columns"), labels)).isNull();
        // and the intact file still reads
        assertThat(ColumnarRegister.readSnapshot(g.units(), file, labels)).isNotNull();
    }
}
