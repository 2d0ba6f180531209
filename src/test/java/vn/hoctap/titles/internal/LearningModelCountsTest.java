package vn.hoctap.titles.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Issue 15: families, clans and communities separately and pooled; learning units over the register only. */
class LearningModelCountsTest {

    @Test
    void familiesClansAndCommunitiesEachWithItsDenominator() {
        // commune A: register with 200 households, 2 clans registered, 5 villages; published 120 families, 1 clan, 3 communities
        // commune B: no register, 10 families registered, no clan, 4 villages; published 6 families, 0 communities
        var parts = LearningModelCounts.families(Set.of("A"), Map.of("A", 200L), Map.of("A", 150L, "B", 10L), Map.of("A", 2L),
                Map.of("A", 5L), Map.of("A", 5L, "B", 4L), Map.of("A", 120L, "B", 6L), Map.of("A", 1L), Map.of("A", 3L));
        // family: A 120/200 (the register's households, not the 150 candidates), B 6/10 (no register), city 126/210 = 60 %
        assertThat(parts.get("family").get("A")).containsExactly(120, 200);
        assertThat(parts.get("family").get("B")).containsExactly(6, 10);
        assertThat(parts.get("family").get("01")).containsExactly(126, 210);
        // clan: only A has clans: 1/2 = 50 %; B is not in the part (denominator 0)
        assertThat(parts.get("clan")).containsOnlyKeys("A", "01");
        assertThat(parts.get("clan").get("01")).containsExactly(1, 2);
        // community: A 3/5, B 0/4, city 3/9
        assertThat(parts.get("community").get("01")).containsExactly(3, 9);
        // pooled: A (120 + 1 + 3)/(200 + 2 + 5) = 124/207, B 6/14, city 130/221
        assertThat(parts.get("pooled").get("A")).containsExactly(124, 207);
        assertThat(parts.get("pooled").get("B")).containsExactly(6, 14);
        assertThat(parts.get("pooled").get("01")).containsExactly(130, 221);
    }

    @Test
    void learningUnitsOverTheRegisterNotTheCandidates() {
        // A: 4 organisations in the register, 1 published; B: 0 in the register (left out, its 2 published are not
        // counted); C: 3 in the register, none published → city 1/7
        var out = LearningModelCounts.units(Map.of("A", 1L, "B", 2L), Map.of("A", 4, "B", 0, "C", 3));
        assertThat(out).containsOnlyKeys("A", "C", "01");
        assertThat(out.get("A")).containsExactly(1, 4);
        assertThat(out.get("C")).containsExactly(0, 3);
        assertThat(out.get("01")).containsExactly(1, 7);
    }
}
