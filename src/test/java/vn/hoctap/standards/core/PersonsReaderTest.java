package vn.hoctap.standards.core;


import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.ImportIssue;
import vn.hoctap.standards.core.ImportReport;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.PersonsReader;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.StandardsEngine;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** persons.csv validation; the current year is fixed at 2026 and the data year is 2025. */
class PersonsReaderTest {
    static final Year NOW = Year.of(2026);
    static final String HEADER = "person_id,household_id,commune_code,birth_date,sex";

    final Units units = Units.of(List.of(Unit.city("01", "TP"), Unit.district("001", "Q", "01"),
            Unit.commune("00001", "Xã A", "001", false), Unit.commune("00002", "Xã B", "01", true)));

    record Read(ImportReport report, List<Person> persons) { }

    Read read(String text) { return read(text, units); }

    Read read(String text, Units u) {
        List<Person> got = new ArrayList<>();
        ImportReport r = new PersonsReader(u, NOW, 1000)
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "persons.csv", got::add);
        return new Read(r, got);
    }

    /** One data row (line 2) with the given extra column and value. */
    Read one(String column, String value) {
        return read(HEADER + "," + column + "\nP1,H1,00001,2010-05-01,F," + value + "\n");
    }

    @Test
    void validRowsWithAllColumns() {
        String text = "person_id,household_id,commune_code,village,birth_date,sex,ethnicity,residence,disability,enrolment,grade,"
                + "preschool_completed,primary_completed,lower_secondary_diploma,upper_secondary_completed,highest_grade_completed,"
                + "literacy_stage_completed,employed,qualification,digital_skills,information_literacy,life_skills,learning_citizen_year\n"
                + "P1,H1,00001,Thôn 1,2010-02-28,M,Tày,temporary,can_learn,lower_secondary,9,2015,2021,,,5,0,false,none,basic,true,false,2024\n"
                + "P2,H1,00002,,2000,F,,,,,,,,,,,,,,,,,\n";
        Read r = read(text);
        assertThat(r.report().errors()).isEmpty();
        assertThat(r.report().warnings()).isEmpty();
        assertThat(r.report().rows()).isEqualTo(2);
        Person p1 = r.persons().get(0);
        assertThat(p1.birthYear()).isEqualTo(2010);
        assertThat(p1.sex()).isEqualTo(Person.Sex.M);
        assertThat(p1.village()).isEqualTo("Thôn 1");
        assertThat(p1.residence()).isEqualTo(Person.Residence.TEMPORARY);
        assertThat(p1.enrolment()).isEqualTo(Person.Enrolment.LOWER_SECONDARY);
        assertThat(p1.grade()).isEqualTo(9);
        assertThat(p1.primaryCompleted()).isEqualTo(2021);
        assertThat(p1.lowerSecondaryDiploma()).isNull();
        assertThat(p1.digitalSkills()).isEqualTo(Person.DigitalSkills.BASIC);
        assertThat(p1.employed()).isFalse();
        assertThat(p1.line()).isEqualTo(2);
        Person p2 = r.persons().get(1);
        assertThat(p2.birthYear()).isEqualTo(2000);
        assertThat(p2.disability()).isEqualTo(Person.Disability.NONE);
        assertThat(p2.enrolment()).isEqualTo(Person.Enrolment.NONE);
        assertThat(p2.residence()).isEqualTo(Person.Residence.PERMANENT);
        assertThat(p2.ethnicity()).isNull();
        assertThat(p2.employed()).isNull();
    }

    @Test
    void semicolonQuotedFieldsWithNewlinesAndUnknownColumn() {
        String text = "person_id;village;household_id;commune_code;birth_date;sex;ghi_chu\r\n"
                + "\"P;1\";\"Thôn \"\"Đông\"\"\nxóm 2\";H1;00001;2019;F;a\r\n"   // lines 2-3
                + "P2;;H2;00001;2020-12-31;M;b\r\n"                                  // line 4
                + "P3;;H3;00001;2020-02-30;M;c\r\n";                                 // line 5: bad date
        Read r = read(text);
        assertThat(r.report().warnings()).extracting(ImportIssue::line, ImportIssue::column).containsExactly(tuple(1L, "ghi_chu"));
        assertThat(r.report().errors()).extracting(ImportIssue::line, ImportIssue::column, ImportIssue::value)
                .containsExactly(tuple(5L, "birth_date", "2020-02-30"));
        assertThat(r.persons()).extracting(Person::personId).containsExactly("P;1", "P2");
        assertThat(r.persons().get(0).village()).isEqualTo("Thôn \"Đông\"\nxóm 2");
        assertThat(r.persons().get(1).line()).isEqualTo(4);
    }

    @Test
    void missingRequiredColumnsRefuseTheFile() {
        Read r = read("person_id,household_id,birth_date\nP1,H1,2000\n");
        assertThat(r.report().errors()).extracting(ImportIssue::line, ImportIssue::column)
                .containsExactly(tuple(1L, "commune_code"), tuple(1L, "sex"));
        assertThat(r.persons()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is rejected")
    @CsvSource(delimiter = '|', value = {
        "residence | abroad", "disability | blind", "enrolment | school", "employed | yes", "employed | TRUE",
        "information_literacy | 1", "life_skills | no", "qualification | phd", "digital_skills | expert",
        "highest_grade_completed | 13", "highest_grade_completed | -1", "highest_grade_completed | 5.0",
        "literacy_stage_completed | 3", "literacy_stage_completed | one",
        "grade | 13", "grade | 0", "grade | 2.5",
        "primary_completed | 2009", "primary_completed | 2027", "preschool_completed | 20x5",
        "lower_secondary_diploma | 2027", "upper_secondary_completed | 1999", "learning_citizen_year | 2030"
    })
    void badOptionalValue(String column, String value) {
        Read r = one(column, value);
        assertThat(r.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("persons.csv");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.reasonVi()).isNotBlank();
            assertThat(e.reasonEn()).isNotBlank();
        });
        assertThat(r.persons()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is accepted")
    @CsvSource(delimiter = '|', value = {
        "primary_completed | 2026", "primary_completed | 2010", "learning_citizen_year | 2026",
        "grade | 12", "grade | 1", "highest_grade_completed | 0", "literacy_stage_completed | 2", "employed | true"
    })
    void acceptedOptionalValue(String column, String value) {
        Read r = one(column, value);
        assertThat(r.report().errors()).isEmpty();
        assertThat(r.persons()).hasSize(1);
    }

    @ParameterizedTest(name = "enrolment {0}, grade \"{1}\" -> ok={2}")
    @CsvSource({
        "primary, , false", "primary, 1, true", "primary, 5, true", "primary, 6, false", "primary, 0, false",
        "lower_secondary, 6, true", "lower_secondary, 9, true", "lower_secondary, 5, false", "lower_secondary, 10, false",
        "lower_secondary, , false", "upper_secondary, 10, true", "upper_secondary, 12, true", "upper_secondary, 9, false",
        "upper_secondary, , false", "vocational, , true", "vocational, 12, true", "none, 13, false", "higher, 1, true"
    })
    void gradeAgainstEnrolment(String enrolment, String grade, boolean ok) {
        Read r = read(HEADER + ",enrolment,grade\nP1,H1,00001,2010,F," + enrolment + "," + (grade == null ? "" : grade) + "\n");
        assertThat(r.report().ok()).isEqualTo(ok);
        if (!ok) {
            assertThat(r.report().errors()).singleElement().satisfies(e -> {
                assertThat(e.column()).isEqualTo("grade");
                assertThat(e.line()).isEqualTo(2);
            });
        }
    }

    @ParameterizedTest(name = "birth_date \"{0}\" -> ok={1}")
    @CsvSource({
        "2020, true", "2020-02-29, true", "2021-02-29, false", "2020-13-01, false", "2020-04-31, false",
        "2020/01/01, false", "20-01-2020, false", "202, false", "abcd, false", "2027, false", "2026-12-31, true",
        "1899, false", "2020-1-1, false"
    })
    void birthDates(String birth, boolean ok) {
        Read r = read(HEADER + "\nP1,H1,00001," + birth + ",F\n");
        assertThat(r.report().ok()).isEqualTo(ok);
        if (!ok) assertThat(r.report().errors().get(0).column()).isEqualTo("birth_date");
    }

    @Test
    void requiredValuesSexCommuneAndDuplicates() {
        String text = HEADER + "\n"
                + "P1,H1,00001,2000,F\n"     // 2 ok
                + "P1,H2,00001,2001,M\n"     // 3 duplicate of line 2
                + ",H3,00001,2002,M\n"       // 4 missing person_id
                + "P4,,00001,2002,M\n"       // 5 missing household_id
                + "P5,H5,,2002,M\n"          // 6 missing commune_code
                + "P6,H6,99999,2002,M\n"     // 7 unknown commune
                + "P7,H7,001,2002,M\n"       // 8 a district, not a commune
                + "P8,H8,00002,,M\n"         // 9 missing birth_date
                + "P9,H9,00002,2002,X\n"     // 10 bad sex
                + "P10,H10,00002,2002,m\n"   // 11 sex is case-sensitive
                + "P11,H11,00002,2002,\n"    // 12 missing sex
                + "P12,H12,00002,2002,F,extra\n" // 13 too many cells
                + "P13,H13,00002\n";         // 14 too few cells
        Read r = read(text);
        assertThat(r.report().errors()).extracting(ImportIssue::line, ImportIssue::column).containsExactly(
                tuple(3L, "person_id"), tuple(4L, "person_id"), tuple(5L, "household_id"), tuple(6L, "commune_code"),
                tuple(7L, "commune_code"), tuple(8L, "commune_code"), tuple(9L, "birth_date"), tuple(10L, "sex"),
                tuple(11L, "sex"), tuple(12L, "sex"), tuple(13L, null), tuple(14L, null));
        assertThat(r.report().errors().get(0).reasonVi()).contains("dòng 2");
        assertThat(r.report().errors().get(0).reasonEn()).contains("line 2");
        assertThat(r.report().errors().get(4).reasonEn()).contains("Unknown commune");
        assertThat(r.report().errors().get(5).reasonEn()).contains("not a commune (it is a district)");
        assertThat(r.report().errorCount()).isEqualTo(12);
        assertThat(r.persons()).extracting(Person::personId).containsExactly("P1");
    }

    @Test
    void completionYearChecksUseTheBirthYear() {
        // born 2015: primary 2014 is before birth; 2015 is allowed by the format rule (plausibility is not checked)
        Read r = read(HEADER + ",primary_completed\nP1,H1,00001,2015-06-01,F,2014\nP2,H2,00001,2015,F,2015\n");
        assertThat(r.report().errors()).extracting(ImportIssue::line, ImportIssue::column).containsExactly(tuple(2L, "primary_completed"));
    }

    @Test
    void communeCodesAreNotCheckedWithoutUnits() {
        Read r = read(HEADER + "\nP1,H1,99999,2000,F\n", null);
        assertThat(r.report().ok()).isTrue();
    }

    @Test
    void allErrorsAreCountedButOnlyTheFirstAreStored() {
        StringBuilder sb = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 50; i++) sb.append("P").append(i).append(",H,00001,2000,Z\n");
        ImportReport r = new PersonsReader(units, NOW, 10).read(
                new ByteArrayInputStream(sb.toString().getBytes(StandardCharsets.UTF_8)), "persons.csv", p -> { });
        assertThat(r.errorCount()).isEqualTo(50);
        assertThat(r.errors()).hasSize(10);
        assertThat(r.format()).contains("tổng cộng 50 lỗi").contains("total 50 errors (first 10 shown)");
    }

    @Test
    void clockGivesTheCurrentYear(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("persons.csv");
        Files.writeString(f, HEADER + ",primary_completed\nP1,H1,00001,2000,F,2026\n");
        Clock in2025 = Clock.fixed(Instant.parse("2025-12-31T12:00:00Z"), ZoneOffset.UTC);
        Clock in2026 = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
        assertThat(new PersonsReader(units, in2025).read(f, p -> { }).ok()).isFalse();
        assertThat(new PersonsReader(units, in2026).read(f, p -> { }).ok()).isTrue();
    }

    @Test
    void yearOnlyAndFullBirthDatesGiveTheSameAge() {
        List<Person> got = new ArrayList<>();
        new PersonsReader(units, NOW, 1000).read(new ByteArrayInputStream((HEADER + ",enrolment\n"
                + "P1,H1,00001,2020,F,preschool\nP2,H1,00001,2020-12-31,M,preschool\nP3,H1,00001,2020-01-01,M,\n")
                .getBytes(StandardCharsets.UTF_8)), "persons.csv", got::add);
        StandardsResult r = StandardsEngine.compute(units, got.stream(), 2025, RuleSet.defaults());
        assertThat(r.unit("00001").criteria().get(Criterion.MN5_ATTEND_AGE5)).isEqualTo(new Rate(2, 3));
    }

    /**
     * A control character is found wherever it is in the record: in an unquoted cell read in one piece, in a quoted
     * cell, as the first or last character, and in cells that cross the parser's 64 K-character buffer (the rows are
     * long enough for several crossings); tabs stay allowed. Every seventh row holds one, nothing else is refused.
     */
    @Test
    void controlCharactersAreFoundInEveryKindOfCell() {
        StringBuilder text = new StringBuilder(HEADER + ",village\n");
        List<Long> expected = new ArrayList<>();
        String[] bad = {"Th\u0001ôn 1", "\"Thôn \u0007 2\"", "\u0002Thôn", "Thôn\u001F", "Th\u007Fôn", "\"a,\u0000b\""};
        for (int i = 0; i < 6000; i++) {
            long line = i + 2;
            String village = "Thôn\tĐông " + "x".repeat(i % 53);
            if (i % 7 == 0) {
                village = bad[(i / 7) % bad.length];
                expected.add(line);
            } else if (i % 11 == 0) {
                village = "\"Tổ\t" + i + "\"";
            }
            text.append("P").append(i).append(",H1,00001,2010-05-01,F,").append(village).append('\n');
        }
        ImportReport report = new PersonsReader(units, NOW, 10_000)
                .read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "persons.csv", p -> { });
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.column()).isEqualTo("village"));
        assertThat(report.errors()).extracting(ImportIssue::line).containsExactlyElementsOf(expected);
    }
}
