package vn.hoctap.register.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.hoctap.platform.VietnameseText;
import vn.hoctap.standards.core.Person;

/** The search key computed part by part (issue 7, import speed) is the fold of the whole "id household village". */
class PersonColumnsTest {

    static String whole(String id, String household, String village) {
        return VietnameseText.fold(id + " " + household + " " + (village == null ? "" : village));
    }

    @Test
    void theSearchKeyIsTheFoldOfTheJoinedParts() {
        String[][] cases = {
                {"P001", "H01", "Tổ dân phố 1"},
                {"P002", "H01", null},
                {"P003", "H01", ""},
                {"P004", "H01", "   "},
                {"Ab-9", "HH 7", "  Thôn   Đông  Ngạc "},
                {"ĐỖ1", "h2", "THÔN ĐOÀI"},
                {"x", "y", "\u0301Làng"},          // a village starting with a combining accent
                {"Ứng", "Hộ\t3", "Xóm Mới\n"},
                {"  P5 ", " ", "x"},               // ids that are or hold only white space
                {"\t", "H-Ab\u000B\u001FCD  ", "Thôn 2"},
                {"", "", ""},
                {"MÃ-01", "HỘ 02", null},          // capitals outside ASCII
        };
        for (String[] c : cases) {
            assertThat(PersonColumns.searchKey(c[0], c[1], c[2])).as(String.join("|", String.valueOf(c[2])))
                    .isEqualTo(whole(c[0], c[1], c[2]));
            // twice: the second answer comes from the remembered village
            assertThat(PersonColumns.searchKey(c[0], c[1], c[2])).isEqualTo(whole(c[0], c[1], c[2]));
        }
        assertThat(PersonColumns.searchKey("P1", "H1", "Tổ dân phố Hàng Đào")).isEqualTo("p1 h1 to dan pho hang dao");
    }

    /** The COPY line as the format says: year, the exchange cells (quoted when needed) with birth_year after birth_date, search key. */
    static String expectedCopyLine(int year, Person p) {
        java.util.List<String> cells = new java.util.ArrayList<>(PersonColumns.cells(p));
        cells.add(5, Integer.toString(p.birthYear()));
        cells.add(0, Integer.toString(year));
        cells.add(PersonColumns.searchKey(p));
        StringBuilder sb = new StringBuilder();
        for (String c : cells) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return sb.toString();
    }

    @Test
    void theCopyLineHasEveryColumnInTableOrder() {
        Person full = Person.builder("P-7", "00070", 2014).householdId("H,2").village("Tổ dân phố \"Mới\", ngõ 5")
                .birthDate("2014-05-05").sex(Person.Sex.F).ethnicity("Kinh").enrolment(Person.Enrolment.LOWER_SECONDARY)
                .grade(6).preschoolCompleted(2019).primaryCompleted(2025).lowerSecondaryDiploma(2029)
                .upperSecondaryCompleted(2032).highestGradeCompleted(9).literacyStageCompleted(2).employed(true)
                .qualification(Person.Qualification.COLLEGE).digitalSkills(Person.DigitalSkills.BASIC)
                .informationLiteracy(false).lifeSkills(true).learningCitizenYear(2024).build();
        Person sparse = Person.builder("P-8", "00082", 1960).build();
        for (Person p : new Person[] {full, sparse}) {
            String line = PersonColumns.copyLine(2025, p);
            assertThat(line).isEqualTo(expectedCopyLine(2025, p));
        }
        assertThat(PersonColumns.copyLine(2025, full)).startsWith("2025,P-7,\"H,2\",00070,\"Tổ dân phố \"\"Mới\"\", ngõ 5\",2014-05-05,2014,F,Kinh,")
                .contains(",lower_secondary,6,2019,2025,2029,2032,9,2,true,college,basic,false,true,2024,");
    }

    /** The hash an import computes from the characters as they come equals the hash of the line built as text (the
     * line itself is checked above; the awkward persons include a line break, which only the line quotes). */
    @Test
    void theHashOfTheCharactersIsTheHashOfTheLine() {
        java.util.List<Person> persons = new java.util.ArrayList<>(BinaryPersonRowsTest.awkwardPersons());
        persons.add(Person.builder("P-8", "00082", 1960).build());
        for (Person p : persons) {
            for (int year : new int[] {2025, 9, 10, 1_000_000_000}) {
                assertThat(PersonColumns.copyLineHash(year, p, PersonColumns.searchKey(p)))
                        .isEqualTo(PersonColumns.rowHash(PersonColumns.copyLine(year, p)));
            }
        }
    }
}
