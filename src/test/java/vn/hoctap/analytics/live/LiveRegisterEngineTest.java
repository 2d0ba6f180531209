package vn.hoctap.analytics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.analytics.SqlQuery;
import vn.hoctap.standards.core.expression.Evaluation;
import vn.hoctap.standards.core.expression.ExpressionDefinition;
import vn.hoctap.register.RegisterChanged;
import vn.hoctap.register.RegisterStandards;
import vn.hoctap.standards.core.StandardsResult;
import vn.hoctap.synthetic.core.GeneratorOptions;
import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;

/**
 * The columnar engine inside the running platform: it answers exactly what streaming the register from PostgreSQL
 * answers, and a single edit through the web changes the API's values by exactly that person's contribution.
 */
class LiveRegisterEngineTest extends IntegrationTest {

    static final String COMMUNE = "00283";   // Phường Vĩnh Tuy (used by no other test)

    @Autowired
    LiveRegisterEngine engine;

    @Autowired
    RegisterStandards standards;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ApplicationEventPublisher events;

    /** Streams the year's register through each NQ23 expression, as the streaming path does. */
    Map<String, Map<String, long[]>> streamedIndicators(int year) {
        Map<String, Evaluation> evals = new LinkedHashMap<>();
        for (ExpressionDefinition d : ExpressionDefinition.nq23()) {
            evals.put(d.id(), d.compiled().start(year));
        }
        standards.forEachPersonOfYear(year, p -> evals.values().forEach(e -> e.accept(p)));
        Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
        evals.forEach((id, e) -> {
            Map<String, long[]> m = new TreeMap<>();
            e.result().groups().forEach((c, g) -> m.put(c, new long[] {Math.round(g.numerator()), Math.round(g.denominator())}));
            out.put(id, m);
        });
        return out;
    }

    static Map<String, Map<String, List<Long>>> comparable(Map<String, Map<String, long[]>> m) {
        Map<String, Map<String, List<Long>>> out = new TreeMap<>();
        m.forEach((id, byCommune) -> {
            Map<String, List<Long>> x = new LinkedHashMap<>();
            byCommune.forEach((c, v) -> x.put(c, List.of(v[0], v[1])));
            out.put(id, x);
        });
        return out;
    }

    @Test
    void theEngineEqualsStreamingOnAnImportedSyntheticRegister() throws Exception {
        // a data year no other test uses, on the 2024 structure (579 communes); removed again at the end
        int year = 2023;
        StringWriter units = new StringWriter(), persons = new StringWriter();
        SyntheticRegister.generate(new GeneratorOptions(6_000, 11, Structure.HANOI_2024, year), units, persons);
        try {
            importRegister(persons.toString(), year);
            assertThat(engine.snapshot(year)).as("the engine serves the year").isNotNull();
            StandardsResult columnar = standards.result(year);
            StandardsResult streamed = standards.resultStreaming(year);
            assertThat(columnar.personsCounted()).isEqualTo(6_000).isEqualTo(streamed.personsCounted());
            assertThat(columnar.personsExempt()).isEqualTo(streamed.personsExempt());
            assertThat(columnar.toJson()).isEqualTo(streamed.toJson());
            // the generated register reaches some levels, so the comparison is not between two empty results
            assertThat(streamed.toJson()).containsPattern("\"numerator\": [1-9]");

            List<String> ids = new ArrayList<>(ExpressionDefinition.nq23().stream().map(ExpressionDefinition::id).toList());
            Map<String, Map<String, long[]>> fromEngine = engine.counts(year, ids);
            assertThat(fromEngine).isNotNull();
            assertThat(comparable(fromEngine)).isEqualTo(comparable(streamedIndicators(year)));
            assertThat(fromEngine.get(ids.get(0))).hasSizeGreaterThan(500);

            // the same computation as one SQL statement, in PostgreSQL and in DuckDB, on the same rows
            SqlQuery sql = SqlQuery.nq23(year, standards.rules());
            Map<String, long[]> expected = sql.rows(engine.snapshot(year));
            assertThat(expected).hasSizeGreaterThan(500);
            try (Connection pg = dataSource.getConnection()) {
                assertThat(sql.firstDifference(expected, SqlEngines.run(pg, sql))).isNull();
                Path csv = Files.createTempFile("register-", ".csv");
                try (Connection duck = SqlEngines.duckDb(null)) {
                    assertThat(SqlEngines.exportYear(pg, year, csv)).isEqualTo(6_000);
                    SqlEngines.loadDuckDb(duck, csv);
                    assertThat(sql.firstDifference(expected, SqlEngines.run(duck, sql))).isNull();
                } finally {
                    Files.deleteIfExists(csv);
                }
            }
        } finally {
            jdbc.update("delete from register_person where year = ?", year);
            jdbc.update("delete from register_import where year = ?", year);
            // as a write through the platform would: the caches of the year (and the list of years) are dropped
            events.publishEvent(new RegisterChanged(year, Set.of()));
        }
        assertThat(standards.years()).doesNotContain(year);
    }

    /** The commune's criteria: id → {numerator, denominator}. */
    Map<String, Map<String, Object>> criteria(String json) {
        List<Map<String, Map<String, Object>>> v = JsonPath.read(json, "$.units[?(@.code == '" + COMMUNE + "')].criteria");
        assertThat(v).hasSize(1);
        return new TreeMap<>(v.get(0));
    }

    Map<String, Object> indicator(TestUser u, String id) throws Exception {
        String json = mvc.perform(get("/api/indicators/values").param("year", "2025").param("indicator", id)
                .with(httpBasic(u.username(), u.password()))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> rows = JsonPath.read(json, "$[?(@.unit_code == '" + COMMUNE + "')]");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    String standardsJson(TestUser u) throws Exception {
        return mvc.perform(get("/api/standards").param("year", "2025").with(httpBasic(u.username(), u.password())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aSingleEditChangesTheApiByExactlyThatPersonsContribution() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        // data year 2025: VT1, VT2 are 6 (born 2019); VT3–VT5 workers aged 35
        importRegister("person_id,household_id,commune_code,birth_date,sex,enrolment,grade,employed,qualification\n"
                + "VT1,H1," + COMMUNE + ",2019-02-01,M,primary,1,,\n"
                + "VT2,H1," + COMMUNE + ",2019-05-01,F,preschool,,,\n"
                + "VT3,H2," + COMMUNE + ",1990,M,,,true,none\n"
                + "VT4,H2," + COMMUNE + ",1990,F,,,true,short_course\n"
                + "VT5,H3," + COMMUNE + ",1990,F,,,true,none\n", 2025);
        assertThat(engine.snapshot(2025)).as("the engine serves 2025").isNotNull();
        Map<String, Map<String, Object>> before = criteria(standardsJson(officer));
        // grade 1 at 6: VT1 of VT1, VT2
        assertThat(before.get("TH.grade1_age6")).containsEntry("numerator", 1).containsEntry("denominator", 2);
        // trained workers (≥ short course): VT4 of VT3–VT5
        assertThat(indicator(officer, "lab.trained")).containsEntry("numerator", 1.0).containsEntry("denominator", 3.0);
        int loads = engine.loads(2025);

        // VT2 starts grade 1: 2 of 2
        edit(officer, "VT2", Map.of("household_id", "H1", "commune_code", COMMUNE, "birth_date", "2019-05-01", "sex", "F",
                "enrolment", "primary", "grade", "1"));
        Map<String, Map<String, Object>> after = criteria(standardsJson(officer));
        assertThat(after.get("TH.grade1_age6")).containsEntry("numerator", 2).containsEntry("denominator", 2);
        // nothing else of the commune moved (VT2 left the preschool attendance count: she is 6, not 5, so no change)
        after.remove("TH.grade1_age6");
        before.remove("TH.grade1_age6");
        assertThat(after).isEqualTo(before);

        // VT3 gets an elementary qualification: 2 of 3 trained; VT5 stops working: 2 of 2
        edit(officer, "VT3", Map.of("household_id", "H2", "commune_code", COMMUNE, "birth_date", "1990", "sex", "M",
                "employed", "true", "qualification", "elementary"));
        assertThat(indicator(officer, "lab.trained")).containsEntry("numerator", 2.0).containsEntry("denominator", 3.0);
        edit(officer, "VT5", Map.of("household_id", "H3", "commune_code", COMMUNE, "birth_date", "1990", "sex", "F",
                "employed", "false", "qualification", "none"));
        assertThat(indicator(officer, "lab.trained")).containsEntry("numerator", 2.0).containsEntry("denominator", 2.0)
                .containsEntry("value", 100.0);

        // the titles' denominators from the engine, edit by edit: households H1, H2, H3; residents aged 15+ VT3–VT5
        assertThat(engine.households(2025)).containsEntry(COMMUNE, 3L);
        assertThat(engine.counts(2025, List.of("titles.residents_15plus")).get("titles.residents_15plus").get(COMMUNE))
                .containsExactly(3L, 1L);
        // VT5 moves into household H2: two households left
        edit(officer, "VT5", Map.of("household_id", "H2", "commune_code", COMMUNE, "birth_date", "1990", "sex", "F",
                "employed", "false", "qualification", "none"));
        assertThat(engine.households(2025)).containsEntry(COMMUNE, 2L);
        Integer recount = jdbc.queryForObject("select count(distinct household_id) from register_person where year = 2025"
                + " and commune_code = ?", Integer.class, COMMUNE);
        assertThat(recount).isEqualTo(2);

        // applied edit by edit, not by reloading the year
        assertThat(engine.loads(2025)).isEqualTo(loads);
        // the counts kept edit by edit equal a recount of the committed register
        assertThat(standards.result(2025).toJson()).isEqualTo(standards.resultStreaming(2025).toJson());
        assertThat(comparable(engine.counts(2025,
                ExpressionDefinition.nq23().stream().map(ExpressionDefinition::id).toList())))
                .isEqualTo(comparable(streamedIndicators(2025)));
    }

    void edit(TestUser u, String personId, Map<String, String> cells) throws Exception {
        Integer version = jdbc.queryForObject("select version from register_person where year = 2025 and person_id = ?",
                Integer.class, personId);
        var req = post("/register/2025/" + personId).with(httpBasic(u.username(), u.password())).with(csrf())
                .param("version", String.valueOf(version));
        for (var e : cells.entrySet()) {
            req = req.param(e.getKey(), e.getValue());
        }
        mvc.perform(req).andExpect(status().is3xxRedirection());
        Integer now = jdbc.queryForObject("select version from register_person where year = 2025 and person_id = ?",
                Integer.class, personId);
        assertThat(now).as("the edit was saved").isEqualTo(version + 1);
    }
}
