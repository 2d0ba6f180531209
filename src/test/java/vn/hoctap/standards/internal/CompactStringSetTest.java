package vn.hoctap.standards.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The set that finds duplicate person ids in a register file, against a plain HashMap. */
class CompactStringSetTest {

    @Test
    void aRepeatedKeyGivesTheLineItWasFirstSeenOn() {
        CompactStringSet set = new CompactStringSet();
        assertThat(set.addOrGetLine("P00004-1", 2)).isZero();
        assertThat(set.addOrGetLine("P00004-2", 3)).isZero();
        assertThat(set.addOrGetLine("P00004-1", 9)).isEqualTo(2);
        assertThat(set.addOrGetLine("P00004-1", 12)).isEqualTo(2);
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void keysWithTheSameHashStayApart() {
        // "Aa" and "BB" have the same 31-polynomial hash, so they share a hash in the table
        CompactStringSet set = new CompactStringSet();
        assertThat(set.addOrGetLine("Aa", 5)).isZero();
        assertThat(set.addOrGetLine("BB", 6)).isZero();
        assertThat(set.addOrGetLine("BB", 7)).isEqualTo(6);
        assertThat(set.addOrGetLine("Aa", 8)).isEqualTo(5);
    }

    @Test
    void manyKeysAcrossGrowthAndPagesAgreeWithAHashMap() {
        sameAsAHashMap(new CompactStringSet());
    }

    @Test
    void aSetMadeLargeAtOnceAgreesWithAHashMapToo() {
        sameAsAHashMap(new CompactStringSet(250_000));
        sameAsAHashMap(new CompactStringSet(10)); // a hint far too small: it grows as needed
    }

    private static void sameAsAHashMap(CompactStringSet set) {
        Map<String, Long> first = new HashMap<>();
        Random random = new Random(18);
        for (long line = 2; line < 300_000; line++) {
            // ids in a space small enough that about a third repeat; some with Vietnamese letters (two-byte UTF-8)
            int n = random.nextInt(200_000);
            String id = (n % 7 == 0 ? "Hộ-Đông-" : "P") + n;
            Long expected = first.putIfAbsent(id, line);
            assertThat(set.addOrGetLine(id, line)).as(id).isEqualTo(expected == null ? 0 : expected);
        }
        assertThat(set.size()).isEqualTo(first.size());
    }
}
