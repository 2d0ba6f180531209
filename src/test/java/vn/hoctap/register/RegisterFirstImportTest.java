package vn.hoctap.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;

/**
 * The import path of a year's first import (issue 7): the rows are copied straight into the register while the
 * file is read, instead of being staged and merged. It must behave exactly as the merge: all or nothing, the same
 * file again changes nothing, a later file deletes the persons it no longer lists. Each test uses a data year no
 * other test imports, so the year is empty when the test starts.
 */
class RegisterFirstImportTest extends IntegrationTest {

    static final String HEADER = "person_id,household_id,commune_code,village,birth_date,sex,enrolment,grade,"
            + "preschool_completed,primary_completed,highest_grade_completed";

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void signIn(Role role, String scope) {
        var user = new CurrentUser(0, "first-import-" + role.name().toLowerCase(), "Test", role, Set.of(scope));
        var principal = new AccountPrincipal(user, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    RegisterImports.Job importCsv(String csv, int year) throws Exception {
        Path tmp = Files.createTempFile("first-import-", ".csv");
        try {
            Files.writeString(tmp, csv, StandardCharsets.UTF_8);
            return registerImports.importNow(tmp, "first.csv", year);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Persons 1..n of Phường Hoàn Kiếm (00070), adults who left school after grade 12, unless {@code grade9} lists them. */
    static String file(String prefix, int n, int... grade9) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= n; i++) {
            int highest = 12;
            for (int g : grade9) {
                if (g == i) {
                    highest = 9;
                }
            }
            sb.append(prefix).append(i).append(",H").append((i + 1) / 2).append(",00070,Tổ dân phố 1,1980-01-0")
                    .append(1 + i % 9).append(',').append(i % 2 == 0 ? "F" : "M").append(",none,,,,").append(highest).append('\n');
        }
        return sb.toString();
    }

    long count(int year) {
        return jdbc.queryForObject("select count(*) from register_person where year = ?", Long.class, year);
    }

    long audits() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }

    @Test
    void aFirstImportIsStoredWholeAndTheSameFileAgainChangesNothing() throws Exception {
        int year = 2036;
        signIn(Role.CITY_ADMIN, "01");
        assertThat(count(year)).isZero();
        long auditsBefore = audits();

        RegisterImports.Job first = importCsv(file("FI-A", 20), year);
        assertThat(first.result().ok()).isTrue();
        assertThat(first.result().inserted()).isEqualTo(20);
        assertThat(first.result().updated()).isZero();
        assertThat(first.result().deleted()).isZero();
        assertThat(count(year)).isEqualTo(20);
        // the row as the merge would have written it: birth year derived, version 0, the search key filled
        var row = jdbc.queryForMap("select household_id, birth_year, sex, highest_grade_completed, version, search_key "
                + "from register_person where year = ? and person_id = 'FI-A7'", year);
        assertThat(row.get("household_id")).isEqualTo("H4");
        assertThat(((Number) row.get("birth_year")).intValue()).isEqualTo(1980);
        assertThat(row.get("sex")).isEqualTo("M");
        assertThat(((Number) row.get("highest_grade_completed")).intValue()).isEqualTo(12);
        assertThat(((Number) row.get("version")).intValue()).isZero();
        assertThat((String) row.get("search_key")).contains("fi-a7");
        assertThat(audits()).isEqualTo(auditsBefore + 1);
        assertThat(jdbc.queryForObject("select inserted from register_import where year = ? order by id desc limit 1",
                Integer.class, year)).isEqualTo(20);

        RegisterImports.Job again = importCsv(file("FI-A", 20), year);
        assertThat(again.result().ok()).isTrue();
        assertThat(again.result().changedNothing()).isTrue();
        assertThat(count(year)).isEqualTo(20);
        assertThat(audits()).isEqualTo(auditsBefore + 1);
        assertThat(jdbc.queryForObject("select max(version) from register_person where year = ?", Integer.class, year)).isZero();

        // a later file without persons 19 and 20 and with person 3 now at grade 9: 2 deleted, 1 updated
        RegisterImports.Job later = importCsv(file("FI-A", 18, 3), year);
        assertThat(later.result().ok()).isTrue();
        assertThat(later.result().inserted()).isZero();
        assertThat(later.result().updated()).isEqualTo(1);
        assertThat(later.result().deleted()).isEqualTo(2);
        assertThat(count(year)).isEqualTo(18);
        assertThat(jdbc.queryForObject("select highest_grade_completed from register_person where year = ? and person_id = 'FI-A3'",
                Integer.class, year)).isEqualTo(9);
        assertThat(audits()).isEqualTo(auditsBefore + 2);
    }

    @Test
    void aFirstImportWithABadRowWritesNothing() throws Exception {
        int year = 2037;
        signIn(Role.CITY_ADMIN, "01");
        long auditsBefore = audits();
        // the bad row comes last: the good rows before it were already sent to the database and must be rolled back
        String bad = file("FI-B", 15) + "FI-B99,H9,00070,,1980-13-45,M,none,,,,12\n";
        RegisterImports.Job job = importCsv(bad, year);
        assertThat(job.result().ok()).isFalse();
        assertThat(job.result().errorCount()).isEqualTo(1);
        assertThat(count(year)).isZero();
        assertThat(audits()).isEqualTo(auditsBefore);

        // a duplicate person id in the file is refused too, not half-stored
        RegisterImports.Job dup = importCsv(file("FI-B", 5) + "FI-B2,H1,00070,,1980-01-01,M,none,,,,12\n", year);
        assertThat(dup.result().ok()).isFalse();
        assertThat(count(year)).isZero();

        // and the clean file afterwards goes in whole
        RegisterImports.Job good = importCsv(file("FI-B", 15), year);
        assertThat(good.result().ok()).isTrue();
        assertThat(good.result().inserted()).isEqualTo(15);
        assertThat(count(year)).isEqualTo(15);
    }

    @Test
    void aFirstImportOutsideTheOfficersCommuneWritesNothing() throws Exception {
        int year = 2038;
        // an officer of Phường Cửa Nam (00082) sends rows of Phường Hoàn Kiếm (00070)
        signIn(Role.COMMUNE_OFFICER, "00082");
        RegisterImports.Job job = importCsv(file("FI-C", 6), year);
        assertThat(job.result().ok()).isFalse();
        assertThat(job.result().errorCount()).isEqualTo(6);
        assertThat(count(year)).isZero();
    }
}
