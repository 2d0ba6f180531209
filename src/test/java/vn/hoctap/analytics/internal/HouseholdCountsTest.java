package vn.hoctap.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The engine's distinct households per commune equal a plain multiset's under any sequence of joins and leaves. */
class HouseholdCountsTest {

    @Test
    void byHand() {
        HouseholdCounts h = new HouseholdCounts(2);
        h.add(0, "H1");
        h.add(0, "H1");
        h.add(0, "H2");
        h.add(1, "H1");   // another commune's H1 is another household
        assertThat(h.count(0)).isEqualTo(2);
        assertThat(h.count(1)).isEqualTo(1);
        h.remove(0, "H1");
        assertThat(h.count(0)).isEqualTo(2);   // one member of H1 is left
        h.remove(0, "H1");
        assertThat(h.count(0)).isEqualTo(1);
        assertThatThrownBy(() -> h.remove(0, "H1")).isInstanceOf(IllegalArgumentException.class);
        h.add(0, "H1");
        assertThat(h.count(0)).isEqualTo(2);
    }

    @Test
    void equalsAMultisetUnderRandomJoinsAndLeaves() {
        for (long seed = 1; seed <= 20; seed++) {
            Random r = new Random(seed);
            int communes = 1 + r.nextInt(4);
            int ids = 1 + r.nextInt(300);
            HouseholdCounts h = new HouseholdCounts(communes);
            List<Map<String, Integer>> ref = new ArrayList<>();
            List<List<String>> members = new ArrayList<>();
            for (int c = 0; c < communes; c++) {
                ref.add(new HashMap<>());
                members.add(new ArrayList<>());
            }
            for (int step = 0; step < 5_000; step++) {
                int c = r.nextInt(communes);
                List<String> m = members.get(c);
                if (m.isEmpty() || r.nextInt(100) < 55) {
                    String id = "HH-" + r.nextInt(ids);
                    h.add(c, id);
                    m.add(id);
                    ref.get(c).merge(id, 1, Integer::sum);
                } else {
                    String id = m.remove(r.nextInt(m.size()));
                    h.remove(c, id);
                    ref.get(c).computeIfPresent(id, (k, v) -> v == 1 ? null : v - 1);
                }
                assertThat(h.count(c)).as("seed %d step %d", seed, step).isEqualTo(ref.get(c).size());
            }
        }
    }
}
