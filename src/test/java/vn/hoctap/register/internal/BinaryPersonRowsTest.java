package vn.hoctap.register.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.standards.core.Person;

/**
 * The binary COPY form of an import (issue 18, item 1) stores exactly what the CSV form stores: the same persons,
 * one year sent as CSV lines and another in the binary form, give equal rows column by column (and the hash of the CSV line), on
 * values that are awkward in one form or the other: Vietnamese letters, a letter outside the BMP, commas, quotes and
 * a line break in a text, empty and missing values, every boolean state, years near the limits of a smallint's range.
 */
class BinaryPersonRowsTest {

    static OwnDatabase db;
    static JdbcTemplate jdbc;
    static TransactionTemplate tx;
    static RegisterStore store;

    /**
     * Every column but the year, the row's hash (whose line includes the year; checked on its own below) and the two
     * the table fills itself (version, updated_at).
     */
    static final String COMPARED = String.join(", ", PersonColumns.STAGED_COLUMNS.subList(1, PersonColumns.STAGED_COLUMNS.size() - 1));

    @BeforeAll
    static void database() throws Exception {
        db = new OwnDatabase();
        jdbc = db.jdbc;
        tx = db.tx;
        store = db.store;
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from register_person");
    }

    static List<Person> awkwardPersons() {
        return List.of(
                Person.builder("VN-001", "00070", 1950).householdId("HỘ-01").village("Thôn Đông, \"Bãi\" 🌾")
                        .birthDate("1950").sex(Person.Sex.F).ethnicity("Mường").residence(Person.Residence.PERMANENT)
                        .disability(Person.Disability.NONE).enrolment(Person.Enrolment.NONE).highestGradeCompleted(0)
                        .literacyStageCompleted(2).employed(false).qualification(Person.Qualification.NONE)
                        .digitalSkills(Person.DigitalSkills.BASIC).informationLiteracy(true).lifeSkills(false)
                        .learningCitizenYear(2024).build(),
                // a line break inside the village (allowed in a quoted cell), nothing optional given
                Person.builder("VN-002", "00070", 2019).householdId("HỘ-01").village("Xóm\nTrại")
                        .birthDate("2019-02-28").sex(Person.Sex.M).residence(Person.Residence.TEMPORARY)
                        .disability(Person.Disability.CANNOT_LEARN).enrolment(Person.Enrolment.PRESCHOOL).build(),
                // no village, every completion year given
                Person.builder("VN-003", "00073", 1990).householdId("H,3").birthDate("1990-12-31").sex(Person.Sex.F)
                        .residence(Person.Residence.PERMANENT).disability(Person.Disability.NONE)
                        .enrolment(Person.Enrolment.NONE).preschoolCompleted(1995).primaryCompleted(2001)
                        .lowerSecondaryDiploma(2005).upperSecondaryCompleted(2008).highestGradeCompleted(12)
                        .employed(true).informationLiteracy(false).lifeSkills(true).build(),
                Person.builder("VN-004", "00073", 2012).householdId("H4").village("Tổ dân phố 7").birthDate("2012")
                        .sex(Person.Sex.M).residence(Person.Residence.PERMANENT).disability(Person.Disability.NONE)
                        .enrolment(Person.Enrolment.LOWER_SECONDARY).grade(9).primaryCompleted(2023).build());
    }

    static void importYear(int year, boolean binary, List<Person> persons) {
        tx.executeWithoutResult(s -> {
            RegisterStore.Copy copy = store.open(year, false, binary);
            try {
                assertThat(copy.binary()).isEqualTo(binary);
                for (Person p : persons) {
                    copy.write(year, p);
                }
                assertThat(copy.finish()).isEqualTo(persons.size());
            } catch (RuntimeException | AssertionError e) {
                copy.cancel();
                throw e;
            }
        });
    }

    /** The awkward persons and 10,000 ordinary ones: several batches and buffers of the sending thread. */
    static List<Person> manyPersons() {
        List<Person> all = new java.util.ArrayList<>(awkwardPersons());
        for (int i = 0; i < 10_000; i++) {
            all.add(Person.builder("N-" + i, i % 2 == 0 ? "00070" : "00073", 1940 + i % 80).householdId("HN-" + i / 4)
                    .village(i % 3 == 0 ? null : "Thôn " + i % 17).birthDate(Integer.toString(1940 + i % 80))
                    .sex(i % 2 == 0 ? Person.Sex.F : Person.Sex.M).residence(Person.Residence.PERMANENT)
                    .disability(Person.Disability.NONE).enrolment(Person.Enrolment.NONE)
                    .highestGradeCompleted(i % 13).employed(i % 5 == 0 ? null : i % 2 == 1).build());
        }
        return all;
    }

    @Test
    void theBinaryFormStoresWhatTheCsvFormStores() {
        importYear(2025, false, manyPersons());
        importYear(2026, true, manyPersons());
        String sql = "select " + COMPARED + " from register_person where year = ? except select " + COMPARED
                + " from register_person where year = ?";
        assertThat(jdbc.queryForList(sql, 2025, 2026)).isEmpty();
        assertThat(jdbc.queryForList(sql, 2026, 2025)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from register_person where year = 2026", Long.class)).isEqualTo(10_004);
        assertThat(jdbc.queryForObject("select count(*) from register_person where year = 2026 and village = 'Thôn 5'", Long.class))
                // i ≡ 5 (mod 17) below 10,000: 5, 22, …, 9,996 = 588 persons; of them i ≡ 0 (mod 3), i.e. i ≡ 39
                // (mod 51): 39, 90, …, 9,984 = 196 without a village
                .isEqualTo(392);

        // values worked out by hand
        Map<String, Object> first = jdbc.queryForMap("select * from register_person where year = 2026 and person_id = 'VN-001'");
        assertThat(first.get("village")).isEqualTo("Thôn Đông, \"Bãi\" 🌾");
        assertThat(first.get("household_id")).isEqualTo("HỘ-01");
        assertThat(first.get("birth_year")).isEqualTo(1950);
        assertThat(first.get("sex")).isEqualTo("F");
        assertThat(first.get("grade")).isNull();
        assertThat(first.get("highest_grade_completed")).isEqualTo(0);
        assertThat(first.get("employed")).isEqualTo(false);
        assertThat(first.get("information_literacy")).isEqualTo(true);
        assertThat(first.get("learning_citizen_year")).isEqualTo(2024);
        assertThat(first.get("search_key")).isEqualTo("vn-001 ho-01 thon dong, \"bai\" 🌾");
        Map<String, Object> second = jdbc.queryForMap("select * from register_person where year = 2026 and person_id = 'VN-002'");
        assertThat(second.get("village")).isEqualTo("Xóm\nTrại");
        assertThat(second.get("ethnicity")).isNull();
        assertThat(second.get("employed")).isNull();
        Map<String, Object> third = jdbc.queryForMap("select * from register_person where year = 2026 and person_id = 'VN-003'");
        assertThat(third.get("village")).isNull();
        assertThat(third.get("household_id")).isEqualTo("H,3");
        assertThat(third.get("upper_secondary_completed")).isEqualTo(2008);
        // the hash is that of the person's CSV line, whichever form carried the row: an edit or a CSV import of the
        // same person later compares equal
        assertThat(jdbc.queryForList("select row_hash from register_person where year = 2026 and person_id like 'VN-%' order by person_id", Long.class))
                .containsExactlyElementsOf(awkwardPersons().stream()
                        .map(p -> PersonColumns.rowHash(PersonColumns.copyLine(2026, p))).toList());
    }

    @Test
    void aColumnOfAnotherTypeMakesTheImportUseTheCsvForm() {
        tx.executeWithoutResult(s -> {
            jdbc.execute("alter table register_person alter column grade type int");
            RegisterStore.Copy copy = store.open(2025, false, true);
            assertThat(copy.binary()).isFalse();
            for (Person p : awkwardPersons()) {
                copy.write(2025, p);
            }
            assertThat(copy.finish()).isEqualTo(4);
            assertThat(jdbc.queryForObject("select grade from register_person where person_id = 'VN-004'", Integer.class)).isEqualTo(9);
            s.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select format_type(atttypid, atttypmod) from pg_attribute"
                + " where attrelid = 'register_person'::regclass and attname = 'grade'", String.class)).isEqualTo("smallint");
    }

    /** A value PostgreSQL could not take stops the import on the caller's thread, and nothing is written. */
    @Test
    void aFailureOfTheSendingThreadReachesTheImportAndNothingIsWritten() {
        List<Person> persons = new java.util.ArrayList<>(manyPersons());
        persons.add(5_000, Person.builder("VN-9", "00070", 1980).householdId("H9").birthDate("1980").sex(Person.Sex.F)
                .residence(Person.Residence.PERMANENT).disability(Person.Disability.NONE).enrolment(Person.Enrolment.NONE)
                .learningCitizenYear(40_000).build());
        assertThatThrownBy(() -> importYear(2025, true, persons)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40000");
        assertThat(jdbc.queryForObject("select count(*) from register_person", Long.class)).isZero();
    }

    @Test
    void aYearBeyondASmallintIsRefusedNotCut() {
        BinaryPersonRows rows = new BinaryPersonRows();
        Person p = Person.builder("VN-9", "00070", 1980).householdId("H9").birthDate("1980").sex(Person.Sex.F)
                .residence(Person.Residence.PERMANENT).disability(Person.Disability.NONE).enrolment(Person.Enrolment.NONE)
                .learningCitizenYear(40_000).build();
        assertThatThrownBy(() -> rows.add(2025, p)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40000");
    }

    /**
     * The buffer grows wherever a row reaches its end (a length, a number, a boolean or a text): from every small first
     * capacity the bytes are those of the default buffer. (A row that filled the buffer just before a number once
     * failed an import.)
     */
    @Test
    void theBufferGrowsWhereverARowReachesItsEnd() {
        List<Person> persons = manyPersons().subList(0, 40);
        BinaryPersonRows large = new BinaryPersonRows();
        persons.forEach(p -> large.add(2025, p));
        byte[] expected = java.util.Arrays.copyOf(large.bytes(), large.length());
        assertThat(expected.length).isGreaterThan(2_000);
        for (int capacity = 1; capacity <= 600; capacity++) {
            BinaryPersonRows small = new BinaryPersonRows(capacity);
            persons.forEach(p -> small.add(2025, p));
            assertThat(java.util.Arrays.copyOf(small.bytes(), small.length())).as("first capacity %d", capacity).isEqualTo(expected);
        }
    }
}
