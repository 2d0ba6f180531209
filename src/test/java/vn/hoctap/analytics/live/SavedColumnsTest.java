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

    /** The platform's own engine (data directory target/test-data, columns saved 200 ms after a change). */
    @Autowired
    LiveRegisterEngine live;

    @Autowired
    vn.hoctap.register.Register register;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    static final String EDITED = "00175";   // used by no other test

    /**
     * A new engine started on a copy of the platform's saved columns (so that it cannot save any of its own there):
     * whether it read them, and what it serves.
     */
    LiveRegisterEngine startOnCopyOfPlatformColumns(Path dir) throws Exception {
        Path from = Path.of("target/test-data/columns/register-" + YEAR + ".columns");
        Files.createDirectories(dir.resolve("columns"));
        if (Files.exists(from)) {
            Files.copy(from, dir.resolve("columns").resolve(from.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        LiveRegisterEngine e = new LiveRegisterEngine(standards, programs, "columnar", "test", dir.toString(), true, 100);
        e.snapshot(YEAR);
        return e;
    }

    @Test
    void columnsSavedAfterAnEditAreReadAtTheNextStartAndEqualTheDatabaseLoad() throws Exception {
        importRegister("person_id,household_id,commune_code,birth_date,sex,enrolment,grade\n"
                + "SE1,HE1," + EDITED + ",2019-02-02,F,primary,1\n"
                + "SE2,HE1," + EDITED + ",2019-03-03,M,preschool,\n"
                + "SE3,HE2," + EDITED + ",2019-04-04,F,preschool,\n", YEAR);
        live.snapshot(YEAR);
        int ci = live.snapshot(YEAR).units().communeIndex(EDITED);
        assertThat(live.snapshot(YEAR).numerator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(1);

        // SE2 moves to grade 1 through the edit form's service, and to SE3's household
        var operator = new vn.hoctap.accounts.CurrentUser(0, "test-operator", "Test", vn.hoctap.accounts.Role.CITY_ADMIN, java.util.Set.of("01"));
        var principal = new vn.hoctap.accounts.AccountPrincipal(operator, "", true);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        try {
            int version = jdbc.queryForObject("select version from register_person where year = ? and person_id = 'SE2'", Integer.class, YEAR);
            register.update(YEAR, "SE2", java.util.Map.of("household_id", "HE2", "commune_code", EDITED, "birth_date", "2019-03-03",
                    "sex", "M", "enrolment", "primary", "grade", "1"), version);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        // applied in memory at once; saved in the background shortly after
        assertThat(live.snapshot(YEAR).numerator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(2);
        LiveRegisterEngine next = null;
        for (int i = 0; i < 100 && (next == null || next.savedReads(YEAR) == 0); i++) {
            Thread.sleep(100);
            next = startOnCopyOfPlatformColumns(Files.createTempDirectory(dataDir, "start"));
        }
        assertThat(next.savedReads(YEAR)).as("the next start reads the columns saved after the edit").isEqualTo(1);
        assertThat(next.loads(YEAR)).isEqualTo(1);

        // the same as an engine loading the database (saved columns off)
        LiveRegisterEngine fromDatabase = new LiveRegisterEngine(standards, programs, "columnar", "test",
                Files.createTempDirectory(dataDir, "db").toString(), false, 100);
        ColumnarResult db = fromDatabase.snapshot(YEAR);
        ColumnarResult saved = next.snapshot(YEAR);
        assertThat(saved.numerator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(2).isEqualTo(db.numerator(ci, Criterion.TH_GRADE1_AGE6));
        assertThat(saved.denominator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(3);
        assertThat(saved.personsTotal()).isEqualTo(db.personsTotal());
        assertThat(next.standards(YEAR).toJson()).isEqualTo(fromDatabase.standards(YEAR).toJson());
        // SE1 and SE2 in HE1 … now SE2 in HE2: still two households
        assertThat(next.households(YEAR)).isEqualTo(fromDatabase.households(YEAR));
        assertThat(next.households(YEAR).get(EDITED)).isEqualTo(2L);
        java.util.List<String> ids = saved.indicatorIds();
        for (String id : ids) {
            var a = next.counts(YEAR, java.util.List.of(id)).get(id);
            var b = fromDatabase.counts(YEAR, java.util.List.of(id)).get(id);
            assertThat(a.keySet()).isEqualTo(b.keySet());
            a.forEach((commune, v) -> assertThat(v).as(id + " " + commune).containsExactly(b.get(commune)));
        }

        // a write the platform did not see (no event): the saved columns no longer describe the database
        jdbc.update("update register_person set grade = null, enrolment = 'preschool' where year = ? and person_id = 'SE1'", YEAR);
        LiveRegisterEngine afterForeignWrite = startOnCopyOfPlatformColumns(Files.createTempDirectory(dataDir, "foreign"));
        assertThat(afterForeignWrite.savedReads(YEAR)).isZero();
        assertThat(afterForeignWrite.snapshot(YEAR).numerator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(1);
        // put back for the other tests, and let the platform reload the year
        jdbc.update("update register_person set grade = 1, enrolment = 'primary' where year = ? and person_id = 'SE1'", YEAR);
        events.publishEvent(new vn.hoctap.register.RegisterChanged(YEAR, java.util.Set.of(EDITED)));
    }

    @Test
    void nothingIsSavedWhileAWriteIsPublishedButNotYetApplied() throws Exception {
        tx.executeWithoutResult(status -> {
            events.publishEvent(new vn.hoctap.register.RegisterChanged(YEAR, java.util.Set.of(EDITED)));
            // committed a moment later, applied after commit: until then the database may be ahead of the columns
            assertThat(standards.settledState()).isEmpty();
            try {
                assertThat(live.saveChangedYears()).isFalse();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(standards.settledState()).isPresent();
    }

    LiveRegisterEngine start() {
        return new LiveRegisterEngine(standards, programs, "columnar", "test", dataDir.toString(), true, 100);
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

    /**
     * A start loads every data year in the background, two at a time (issue 18: three years ≤ 10 s): each year once,
     * none read twice by the two loaders; the next start reads every year from the columns the first saved.
     */
    @Test
    void aStartLoadsEveryYearOnceSeveralAtATimeAndTheNextReadsEachFromItsSavedColumns() throws Exception {
        String commune = "00340";   // used by no other test
        importRegister("person_id,household_id,commune_code,birth_date,sex,enrolment,grade\n"
                + "SY1,HY1," + commune + ",2019-02-02,F,primary,1\n", YEAR);
        java.util.List<Integer> years = standards.years();
        assertThat(years).contains(YEAR);

        LiveRegisterEngine first = start();
        first.loadYears(2).get(60, java.util.concurrent.TimeUnit.SECONDS);
        for (int y : years) {
            assertThat(first.loads(y)).as("loads of " + y).isEqualTo(1);
            assertThat(first.savedReads(y)).isZero();
            assertThat(Files.exists(dataDir.resolve("columns").resolve("register-" + y + ".columns"))).isTrue();
        }

        LiveRegisterEngine second = start();
        second.loadYears(2).get(60, java.util.concurrent.TimeUnit.SECONDS);
        for (int y : years) {
            assertThat(second.loads(y)).as("loads of " + y).isEqualTo(1);
            assertThat(second.savedReads(y)).as("saved columns read for " + y).isEqualTo(1);
            assertThat(second.snapshot(y).personsTotal()).isEqualTo(first.snapshot(y).personsTotal());
        }
        // the one six-year-old of the commune, in grade 1: 1 of 1
        int ci = second.snapshot(YEAR).units().communeIndex(commune);
        assertThat(second.snapshot(YEAR).denominator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(1);
        assertThat(second.snapshot(YEAR).numerator(ci, Criterion.TH_GRADE1_AGE6)).isEqualTo(1);
        first.stop();
        second.stop();
    }
}
