package vn.hoctap.synthetic.core;


import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** City-wide shapes of a 400,000-person register against the brief and indicators.csv. */
class DistributionTest {

    static final int Y = 2025;
    static final long N = 400_000;
    static long[] ages = new long[121];
    static Map<String, Long> counts = new HashMap<>();
    static Map<String, Integer> householdSizes = new HashMap<>();
    static long pop15;
    static long literate15;
    static long schoolAge;
    static long attending;
    static long employed;
    static long employedTrained;
    static long employedUniversity;
    static long young;
    static long youngUniversity;
    static long illiterateOld;
    static long old;

    private static void inc(String k) {
        counts.merge(k, 1L, Long::sum);
    }

    @BeforeAll
    static void generate() throws Exception {
        LineWriter w = new LineWriter(new java.util.function.Consumer<>() {
            Map<String, Integer> h;

            @Override
            public void accept(String line) {
                if (h == null) {
                    h = Csv.header(line);
                    return;
                }
                String[] f = Csv.split(line, ',');
                int age = Y - Integer.parseInt(f[h.get("birth_date")].substring(0, 4));
                ages[age]++;
                inc("sex=" + f[h.get("sex")]);
                inc("disability=" + f[h.get("disability")]);
                inc("residence=" + f[h.get("residence")]);
                inc("yearOnly=" + (f[h.get("birth_date")].length() == 4));
                householdSizes.merge(f[h.get("household_id")], 1, Integer::sum);
                String enr = f[h.get("enrolment")];
                if (age >= 6 && age <= 17) {
                    schoolAge++;
                    if (enr.equals("primary") || enr.equals("lower_secondary") || enr.equals("upper_secondary")
                            || enr.equals("continuing_upper_secondary") || enr.equals("vocational")) {
                        attending++;
                    }
                }
                if (age >= 15) {
                    pop15++;
                    String hg = f[h.get("highest_grade_completed")];
                    String st = f[h.get("literacy_stage_completed")];
                    boolean lit = (!hg.isEmpty() && Integer.parseInt(hg) >= 3) || (!st.isEmpty() && Integer.parseInt(st) >= 1)
                            || !f[h.get("primary_completed")].isEmpty() || !f[h.get("lower_secondary_diploma")].isEmpty()
                            || !f[h.get("upper_secondary_completed")].isEmpty();
                    literate15 += lit ? 1 : 0;
                    if (age >= 70) {
                        old++;
                        illiterateOld += lit ? 0 : 1;
                    }
                    String q = f[h.get("qualification")];
                    if ("true".equals(f[h.get("employed")])) {
                        employed++;
                        employedTrained += q.equals("none") ? 0 : 1;
                        employedUniversity += q.equals("university") || q.equals("postgraduate") ? 1 : 0;
                    }
                    if (age >= 25 && age <= 34) {
                        young++;
                        youngUniversity += q.equals("university") || q.equals("postgraduate") ? 1 : 0;
                    }
                } else {
                    assertThat(f[h.get("qualification")]).isEmpty();
                }
            }
        });
        SyntheticRegister.generate(GeneratorOptions.of(N, 2026, Structure.HANOI_2025), java.io.Writer.nullWriter(), w);
    }

    @Test
    void agePyramidLooksLikeHanoi() {
        for (int a = 0; a <= 40; a++) {
            assertThat(100.0 * ages[a] / N).as("age " + a).isBetween(1.2, 1.7);
        }
        long over60 = 0;
        for (int a = 60; a <= 100; a++) {
            over60 += ages[a];
        }
        assertThat(100.0 * over60 / N).isBetween(12.0, 19.0);
        assertThat(100.0 * ages[60] / N).isGreaterThan(100.0 * ages[80] / N * 3);
        assertThat(ages[100]).isPositive();
        for (int a = 101; a < ages.length; a++) {
            assertThat(ages[a]).isZero();
        }
    }

    @Test
    void sexDisabilityResidenceAndDates() {
        assertThat(counts.get("sex=M") / (double) N).isBetween(0.47, 0.53);
        assertThat(100.0 * counts.get("disability=cannot_learn") / N).isBetween(0.2, 0.4);
        assertThat(100.0 * counts.get("disability=can_learn") / N).isBetween(0.35, 0.65);
        assertThat(100.0 * counts.get("residence=temporary") / N).isBetween(2.0, 8.0);
        assertThat(100.0 * counts.get("yearOnly=true") / N).isBetween(4.0, 6.0);
    }

    @Test
    void householdsHaveOneToSixMembersWithWellFormedIds() {
        Pattern id = Pattern.compile("H\\d{5}-\\d+");
        assertThat(householdSizes.keySet()).allMatch(k -> id.matcher(k).matches());
        assertThat(householdSizes.values()).allMatch(s -> s >= 1 && s <= 6);
        double mean = N / (double) householdSizes.size();
        assertThat(mean).isBetween(2.9, 3.6);
    }

    @Test
    void educationMatchesIndicators() {
        // literacy_rate_age15plus 99.2 (2019); school_attendance_rate_school_age 97.7 (2019)
        assertThat(100.0 * literate15 / pop15).isBetween(98.7, 99.6);
        assertThat(100.0 * attending / schoolAge).isBetween(96.0, 99.5);
        // illiteracy concentrates among older people
        assertThat(100.0 * illiterateOld / old).isGreaterThan(100.0 * (pop15 - literate15) / pop15 * 2);
        // trained_labour_rate 72.2 (2022, includes short courses); university+ of labour 28.8 (2019) to ~40 (2024)
        assertThat(100.0 * employedTrained / employed).isBetween(66.0, 78.0);
        assertThat(100.0 * employedUniversity / employed).isBetween(22.0, 40.0);
        assertThat(100.0 * youngUniversity / young).isBetween(25.0, 42.0);
    }
}
