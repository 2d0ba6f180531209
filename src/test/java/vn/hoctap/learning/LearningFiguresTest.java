package vn.hoctap.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;

/**
 * The city's learning figures per commune and year come from {@code learning_commune_year}, kept by the V91 trigger in
 * the writing transaction: inserts, an update that moves an entry to another year, a delete, and a transaction that is
 * rolled back, each checked against numbers worked out by hand and against the figures computed from the entries
 * (the old way). Commune 00301 (Vĩnh Hưng), years 2019 and 2020: used only here.
 */
class LearningFiguresTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LearningRecord record;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    long insert(String person, String start, String hours, String status) {
        return jdbc.queryForObject("""
                insert into learning_entry (person_id, commune_code, title, kind, topic, provider, start_date, hours, status, created_by)
                values (?, '00301', 'Lớp thử', 'class', 'digital', 'TTHTCĐ thử', ?::date, ?::numeric, ?, 'test') returning id""", Long.class,
                person, start, hours, status);
    }

    LearningRecord.CommuneYear summary(int year) {
        return jdbc.query(LearningRecord.FIGURES, LearningRecord.COMMUNE_YEAR, year).stream()
                .filter(c -> c.communeCode().equals("00301")).findFirst().orElse(null);
    }

    void sameAsScan(int... years) {
        for (int y : years) {
            assertThat(jdbc.query(LearningRecord.FIGURES, LearningRecord.COMMUNE_YEAR, y)).as("year " + y)
                    .isEqualTo(record.figuresByScan(y));
        }
    }

    @Test
    void theSummaryFollowsEveryWrite() throws Exception {
        // A: two verified classes (10 h, 5 h) in 2019; B: one self-declared course (3,5 h) in 2019
        insert("FIG-A", "2019-03-01", "10", "verified");
        long a2 = insert("FIG-A", "2019-09-01", "5", "verified");
        long b = insert("FIG-B", "2019-05-01", "3.5", "self_declared");
        // 2019: 3 entries, 2 verified, 2 learners (A counted once), 18,5 h
        assertThat(summary(2019)).isEqualTo(new LearningRecord.CommuneYear("00301", 2019, 3, 2, 2, new BigDecimal("18.50")));
        sameAsScan(2019);

        // A's second class really started in January 2020: 2019 keeps A once (other class), 2020 gets A
        jdbc.update("update learning_entry set start_date = '2020-01-15' where id = ?", a2);
        assertThat(summary(2019)).isEqualTo(new LearningRecord.CommuneYear("00301", 2019, 2, 1, 2, new BigDecimal("13.50")));
        assertThat(summary(2020)).isEqualTo(new LearningRecord.CommuneYear("00301", 2020, 1, 1, 1, new BigDecimal("5.00")));
        // a change that does not count (the title) leaves it as it is; hours do count
        jdbc.update("update learning_entry set title = 'Lớp thử (sửa tên)', hours = 6 where id = ?", a2);
        assertThat(summary(2020)).isEqualTo(new LearningRecord.CommuneYear("00301", 2020, 1, 1, 1, new BigDecimal("6.00")));

        // B's entry deleted: B is no longer a 2019 learner
        jdbc.update("delete from learning_entry where id = ?", b);
        assertThat(summary(2019)).isEqualTo(new LearningRecord.CommuneYear("00301", 2019, 1, 1, 1, new BigDecimal("10.00")));

        // a write rolled back leaves the summary as it was (same transaction)
        try {
            tx.executeWithoutResult(s -> {
                insert("FIG-C", "2019-06-01", "7", "verified");
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the insert and its summary went together
        }
        assertThat(summary(2019)).isEqualTo(new LearningRecord.CommuneYear("00301", 2019, 1, 1, 1, new BigDecimal("10.00")));
        sameAsScan(2019, 2020);

        // the API gives the figures to officers of the commune; citizens have no aggregates
        TestUser officer = user(Role.COMMUNE_OFFICER, "00301");
        String json = mvc.perform(get("/api/learning/figures").param("year", "2020").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<Integer>>read(json, "$[?(@.commune_code == '00301')].learners")).containsExactly(1);
        TestUser other = user(Role.COMMUNE_OFFICER, "00004");
        assertThat(mvc.perform(get("/api/learning/figures").param("year", "2020").with(httpBasic(other.username(), other.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).doesNotContain("00301");
        TestUser citizen = user(Role.CITIZEN, "00301");
        mvc.perform(get("/api/learning/figures").param("year", "2020").with(httpBasic(citizen.username(), citizen.password())))
                .andExpect(status().isForbidden());
    }
}
