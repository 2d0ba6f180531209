package vn.hoctap.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.register.Register;
import vn.hoctap.register.internal.PersonColumns;

/**
 * Khám phá số liệu through /api/explore and the page, on a register of data year 2027 (used by no other test) whose
 * counts are worked out here: who sees which communes, a refused expression located, and an edit seen at once.
 */
class ExploreApiTest extends IntegrationTest {

    static final int YEAR = 2027;
    static final String CERTIFIED = "count(person where employed and qualification >= elementary) / count(person where employed)";

    static final JsonMapper json = JsonMapper.builder().build();
    @Autowired
    Register register;

    static volatile boolean imported;

    /**
     * Ba Đình (00004): X1 F 37 employed university "Tổ 1"; X2 M 42 employed none "Tổ 1"; X3 F 27 employed elementary
     * "Tổ 2". Ngọc Hà (00008): X4 M 57 employed college "Tổ 5"; X5 F 32 not employed "Tổ 5".
     * CERTIFIED: Ba Đình 2 of 3 (X1, X3), Ngọc Hà 1 of 1 (X4), the city 3 of 4.
     */
    @BeforeEach
    void register() {
        if (imported) return;
        importRegister("person_id,household_id,commune_code,village,birth_date,sex,employed,qualification\n"
                + "X1,HX1,00004,Tổ 1,1990,F,true,university\n"
                + "X2,HX2,00004,Tổ 1,1985,M,true,none\n"
                + "X3,HX3,00004,Tổ 2,2000,F,true,elementary\n"
                + "X4,HX4,00008,Tổ 5,1970,M,true,college\n"
                + "X5,HX5,00008,Tổ 5,1995,F,false,\n", YEAR);
        imported = true;
    }

    private JsonNode api(TestUser u, String query, int status) throws Exception {
        MvcResult r = mvc.perform(get(java.net.URI.create("/api/explore" + query)).with(httpBasic(u.username(), u.password()))).andReturn();
        assertThat(r.getResponse().getStatus()).as(query).isEqualTo(status);
        String body = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    private static String q(String expression, String breakdown) {
        return "?year=" + YEAR + "&breakdown=" + breakdown + "&expression=" + java.net.URLEncoder.encode(expression, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, JsonNode> byKey(JsonNode lines) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        lines.forEach(l -> m.put(l.get("key").asText(), l));
        return m;
    }

    private static void counts(JsonNode line, long persons, double num, double den) {
        assertThat(line.get("persons").asLong()).isEqualTo(persons);
        assertThat(line.get("numerator").asDouble()).isEqualTo(num);
        assertThat(line.get("denominator").asDouble()).isEqualTo(den);
    }

    @Test
    void theCitySeesEveryCommuneACommuneOfficerOnlyTheirs() throws Exception {
        TestUser city = user(Role.CITY_OFFICER, "01");
        JsonNode all = api(city, q(CERTIFIED, "commune"), 200);
        assertThat(all.get("share").asBoolean()).isTrue();
        Map<String, JsonNode> c = byKey(all.get("groups"));
        assertThat(c.keySet()).containsExactlyInAnyOrder("00004", "00008");
        counts(c.get("00004"), 3, 2, 3);
        counts(c.get("00008"), 2, 1, 1);
        counts(all.get("total"), 5, 3, 4);
        assertThat(all.get("total").get("value").asDouble()).isEqualTo(0.75);
        assertThat(all.get("rows").asLong()).isEqualTo(5);

        // a register indicator by its id: lab.trained counts short courses too (none here), so the same 3 of 4
        JsonNode trained = api(city, "?year=" + YEAR + "&indicator=lab.trained", 200);
        counts(trained.get("total"), 5, 3, 4);

        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        JsonNode mine = api(officer, q(CERTIFIED, "sex"), 200);
        Map<String, JsonNode> s = byKey(mine.get("groups"));
        assertThat(s.keySet()).containsExactly("M", "F");
        counts(s.get("F"), 2, 2, 2);   // X1, X3
        counts(s.get("M"), 1, 0, 1);   // X2
        assertThat(s.get("F").get("label").asText()).isEqualTo("Nữ");
        counts(mine.get("total"), 3, 2, 3);
        assertThat(byKey(mine.get("communes")).keySet()).containsExactly("00004");

        JsonNode villages = api(officer, q("count(person)", "village"), 200);
        assertThat(byKey(villages.get("groups")).keySet()).containsExactly("00004/Tổ 1", "00004/Tổ 2");
        assertThat(villages.get("groups").get(0).get("value").asDouble()).isEqualTo(2);

        // another commune asked by name: refused; citizens and unsigned callers: refused
        api(officer, q(CERTIFIED, "commune") + "&unit=00008", 403);
        api(user(Role.CITIZEN, "00004"), q(CERTIFIED, "commune"), 403);
        api(user(Role.ASSOCIATION_MEMBER, "00004"), q(CERTIFIED, "commune"), 403);
        assertThat(mvc.perform(get(java.net.URI.create("/api/explore" + q(CERTIFIED, "commune")))).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void anExpressionTheEngineCannotCompileIsRefusedWithItsPlace() throws Exception {
        TestUser city = user(Role.CITY_OFFICER, "01");
        JsonNode e = api(city, q("count(person where ethnicity = \"Tày\")", "commune"), 400);
        JsonNode err = e.get("expression_error");
        assertThat(err.get("kind").asText()).isEqualTo("unsupported");
        assertThat(err.get("line").asInt()).isEqualTo(1);
        assertThat(err.get("column").asInt()).isEqualTo(20);
        assertThat(err.get("message_vi").asText()).contains("ethnicity");
        assertThat(e.get("message").asText()).startsWith("Dòng 1, cột 20:");

        JsonNode syntax = api(city, q("count(person where age >= 15)\n  / count(person where employed", "sex"), 400);
        assertThat(syntax.get("expression_error").get("line").asInt()).isEqualTo(2);
        assertThat(syntax.get("expression_error").get("kind").asText()).isEqualTo("syntax");

        api(city, "?year=" + YEAR + "&breakdown=commune", 400);             // neither indicator nor expression
        api(city, q("count(person)", "street"), 400);                         // no such breakdown

        // the page says the same in words, with the line and column
        var principal = accounts.findByUsername(city.username()).orElseThrow();
        String page = mvc.perform(get(java.net.URI.create("/explore" + q("count(person where ethnicity = \"Tày\")", "COMMUNE")))
                        .with(authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("dòng 1, cột 20").contains("ethnicity").contains("id=\"expression-error\"");
    }

    /** Sets X5's employment and qualification through the register's edit, as an operator of the city. */
    void editX5(String employed, String qualification) {
        var operator = new CurrentUser(0, "test-operator", "Test", Role.CITY_ADMIN, Set.of("01"));
        var p = new AccountPrincipal(operator, "", true);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        try {
            var entry = register.get(YEAR, "X5");
            Map<String, String> cells = new LinkedHashMap<>();
            List<String> values = PersonColumns.cells(entry.person());
            for (int i = 0; i < values.size(); i++) cells.put(PersonColumns.CSV_COLUMNS.get(i), values.get(i));
            cells.put("employed", employed);
            cells.put("qualification", qualification);
            register.update(YEAR, "X5", cells, entry.version());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void anEditIsCountedAtOnce() throws Exception {
        TestUser city = user(Role.CITY_OFFICER, "01");
        String adults = q("count(person where employed and qualification >= college)", "commune");
        assertThat(byKey(api(city, adults, 200).get("groups")).get("00008").get("value").asDouble()).isEqualTo(1);   // X4
        // X5 of Ngọc Hà gets a university degree and a job
        editX5("true", "university");
        double v = 0;
        for (int i = 0; i < 100 && v != 2; i++) {
            v = byKey(api(city, adults, 200).get("groups")).get("00008").get("value").asDouble();
            if (v != 2) Thread.sleep(50);
        }
        assertThat(v).isEqualTo(2);   // X4 and X5
        // X5 back as it was, for the other tests of this class
        editX5("false", "");
        for (int i = 0; i < 100 && v != 1; i++) {
            v = byKey(api(city, adults, 200).get("groups")).get("00008").get("value").asDouble();
            if (v != 1) Thread.sleep(50);
        }
        assertThat(v).isEqualTo(1);
    }
}
