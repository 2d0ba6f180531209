package vn.hoctap.analytics.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import vn.hoctap.IntegrationTest;
import vn.hoctap.analytics.core.ColumnarResult;
import vn.hoctap.register.RegisterStandards;
import vn.hoctap.standards.core.Criterion;

/**
 * A restarted engine reads the year's columns saved by the previous run instead of the database (issue 18, item 1),
 * but only while the register is exactly as it was: one more person imported and the next start reads the database
 * again (and counts the person). Each "start" is a new engine on the same data directory.
 */
class SavedColumnsTest extends IntegrationTest {

    static final String COMMUNE = "00235";   // used by no other test
    static final int YEAR = 2025;

    @Autowired
    RegisterStandards standards;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<vn.hoctap.analytics.core.RegisterPrograms> programs;

    @TempDir
    Path dataDir;

    LiveRegisterEngine start() {
        return new LiveRegisterEngine(standards, programs, "columnar", "test", dataDir.toString(), true);
    }

    @Test
    void theNextStartReadsTheSavedColumnsUntilTheRegisterChanges() throws Exception {
        importRegister("person_id,household_id,commune_code,birth_date,sex,enrolment,grade\n"
                + "SC1,H1," + COMMUNE + ",2019-02-02,F,primary,1\n"
                + "SC2,H1," + COMMUNE + ",2019-03-03,M,preschool,\n", YEAR);

        LiveRegisterEngine first = start();
        ColumnarResult a = first.snapshot(YEAR);
        assertThat(first.savedReads(YEAR)).isZero();
        assertThat(Files.exists(dataDir.resolve("columns").resolve("register-" + YEAR + ".columns"))).isTrue();

        LiveRegisterEngine second = start();
        ColumnarResult b = second.snapshot(YEAR);
        assertThat(second.savedReads(YEAR)).isEqualTo(1);
        int ci = a.units().communeIndex(COMMUNE);
        // two six-year-olds, one in grade 1: 1 of 2, from the saved columns as from the database
        assertThat(b.denominator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(2).isEqualTo(a.denominator(ci, Criterion.TH_GRADE1_AGE6));
        assertThat(b.numerator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(1).isEqualTo(a.numerator(ci, Criterion.TH_GRADE1_AGE6));
        assertThat(b.personsTotal()).isEqualTo(a.personsTotal());
        // the households come back with the columns (one household, H1)
        assertThat(second.households(YEAR).get(COMMUNE)).isEqualTo(1L).isEqualTo(first.households(YEAR).get(COMMUNE));

        // the register changes: a third six-year-old in grade 1
        importRegister("person_id,household_id,commune_code,birth_date,sex,enrolment,grade\n"
                + "SC1,H1," + COMMUNE + ",2019-02-02,F,primary,1\n"
                + "SC2,H1," + COMMUNE + ",2019-03-03,M,preschool,\n"
                + "SC3,H2," + COMMUNE + ",2019-04-04,F,primary,1\n", YEAR);
        LiveRegisterEngine third = start();
        ColumnarResult c = third.snapshot(YEAR);
        assertThat(third.savedReads(YEAR)).isZero();
        assertThat(c.denominator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(3);
        assertThat(c.numerator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(2);
        assertThat(third.households(YEAR).get(COMMUNE)).isEqualTo(2L);
        // and the run after that reads the columns saved by the third
        LiveRegisterEngine fourth = start();
        assertThat(fourth.snapshot(YEAR).numerator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(2);
        assertThat(fourth.savedReads(YEAR)).isEqualTo(1);
    }
}
