package vn.hoctap.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** lit.new_continuing on a hand-made cohort, the answer worked out by hand. */
class LiteracyContinuationTest {

    @Test
    void aHandMadeCohort() {
        // five persons finished a literacy class last year:
        //  A  took a vocational course this year                    → continuing
        //  B  was re-tested and still reads                         → continuing
        //  C  relapsed, even though a course entry exists this year → not continuing (relapse wins)
        //  D  no news at all                                        → not continuing (conservative)
        //  E  in a post-literacy class                              → continuing
        // 3 of 5 = 60 %
        Set<String> cohort = Set.of("A", "B", "C", "D", "E");
        Map<String, String> follow = Map.of("B", "retested", "C", "relapsed", "E", "post_literacy", "Z", "in_class");
        Set<String> learned = Set.of("A", "C", "Z");
        LiteracyContinuation.Counts c = LiteracyContinuation.count(cohort, follow, learned);
        assertThat(c.cohort()).isEqualTo(5);
        assertThat(c.continuing()).isEqualTo(3);
    }
}
