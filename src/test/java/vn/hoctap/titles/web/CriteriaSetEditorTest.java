package vn.hoctap.titles.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.titles.core.CriteriaSet;
import vn.hoctap.titles.core.Criterion;
import vn.hoctap.titles.core.Indicator;
import vn.hoctap.titles.core.PassRule;
import vn.hoctap.titles.internal.CriteriaSets;

/** The structured criteria-set editor (issue 19): posting the form saves a new version numbered by the platform. */
class CriteriaSetEditorTest extends IntegrationTest {

    static final String SET = "cdht-officials";

    @Autowired
    CriteriaSets sets;
    @Autowired
    JdbcTemplate jdbc;

    /** The form fields of a set, as the editor page posts them (written out here, not taken from the editor's code). */
    static Map<String, String> fields(CriteriaSet s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("title", s.title());
        p.put("status", s.status().name());
        p.put("source", s.source());
        PassRule r = s.passRule();
        p.put("minTotal", r.minTotal() == null ? "" : String.valueOf(r.minTotal()));
        p.put("minTotalStatus", r.status(PassRule.MIN_TOTAL).name());
        p.put("minTotalSource", "");
        p.put("minIndicator", r.minPerIndicator() == null ? "" : String.valueOf(r.minPerIndicator()));
        p.put("minIndicatorStatus", r.status(PassRule.MIN_INDICATOR).name());
        p.put("minIndicatorSource", "");
        for (int n = 0; n < s.criteria().size(); n++) {
            Criterion c = s.criteria().get(n);
            p.put("c" + n + ".id", c.id());
            p.put("c" + n + ".name", c.name());
            p.put("c" + n + ".status", c.status().name());
            p.put("c" + n + ".source", c.source());
            p.put("c" + n + ".min", r.minPerCriterion().containsKey(c.id()) ? String.valueOf(r.minPerCriterion().get(c.id())) : "");
            p.put("c" + n + ".minStatus", "M");
            p.put("c" + n + ".minSource", "");
            for (int m = 0; m < c.indicators().size(); m++) {
                Indicator i = c.indicators().get(m);
                String k = "c" + n + ".i" + m + ".";
                p.put(k + "id", i.id());
                p.put(k + "name", i.name());
                p.put(k + "max", String.valueOf(i.maxPoints()));
                p.put(k + "status", i.status().name());
                p.put(k + "source", i.source());
            }
        }
        return p;
    }

    MockHttpServletResponse postForm(long id, Map<String, String> fields, RequestPostProcessor who) throws Exception {
        MockHttpServletRequestBuilder b = post("/titles/sets/" + id + "/edit").with(who).with(csrf());
        fields.forEach((k, v) -> b.param(k, v));
        return mvc.perform(b).andReturn().getResponse();
    }

    int versionCount() {
        return jdbc.queryForObject("select count(*) from titles_criteria_set where set_id = ?", Integer.class, SET);
    }

    @Test
    void theAdministratorSavesTheStructuredFormAsTheNextVersion() throws Exception {
        RequestPostProcessor admin = httpBasic("admin", ADMIN_PASSWORD);
        CriteriaSets.StoredSet before = sets.latest(SET);
        CriteriaSet old = before.set();
        int oldVersion = old.version();
        int oldMax = old.maxTotal();
        int firstMax = old.criteria().get(0).indicators().get(0).maxPoints();
        int firstCount = old.criteria().get(0).indicators().size();

        // the editor opens for the administrator with the set's items in fields and the next version announced
        String page = mvc.perform(get("/titles/sets/" + before.id() + "/edit").with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"criteria-editor\"").contains("name=\"c0.i0.max\"").contains("Lưu phiên bản mới")
                .contains("phiên bản " + (oldVersion + 1)).doesNotContain("titles.edit.");

        // "add an indicator" shows one more row, stores nothing
        Map<String, String> f = fields(old);
        f.put("action", "add-indicator:0");
        MockHttpServletResponse added = postForm(before.id(), f, admin);
        assertThat(added.getContentAsString()).contains("name=\"c0.i" + firstCount + ".id\"").contains("value=\"1." + (firstCount + 1) + "\"");
        assertThat(sets.latest(SET).id()).isEqualTo(before.id());

        // change the first item's points (+5), add an item of 7 points, and set the pass rule
        f = fields(old);
        f.put("c0.i0.max", String.valueOf(firstMax + 5));
        String k = "c0.i" + firstCount + ".";
        f.put(k + "id", "1.9");
        f.put(k + "name", "Tham gia lớp học trực tuyến của thành phố");
        f.put(k + "max", "7");
        f.put(k + "status", "M");
        f.put(k + "source", "");
        f.put("minTotal", "70");
        f.put("minIndicator", "");
        f.put("c1.min", "12");
        f.put("c1.minStatus", "M");
        f.put("version", "99");   // a typed version number is ignored: the platform numbers versions
        int count = versionCount();
        MockHttpServletResponse saved = postForm(before.id(), f, admin);
        assertThat(saved.getStatus()).isEqualTo(302);

        CriteriaSets.StoredSet after = sets.latest(SET);
        assertThat(saved.getRedirectedUrl()).isEqualTo("/titles/sets/" + after.id());
        assertThat(after.id()).isNotEqualTo(before.id());
        assertThat(after.set().version()).isEqualTo(oldVersion + 1);
        assertThat(versionCount()).isEqualTo(count + 1);
        CriteriaSet s = after.set();
        assertThat(s.indicator("1.1").orElseThrow().maxPoints()).isEqualTo(firstMax + 5);
        assertThat(s.indicator("1.9").orElseThrow().name()).isEqualTo("Tham gia lớp học trực tuyến của thành phố");
        assertThat(s.indicator("1.9").orElseThrow().maxPoints()).isEqualTo(7);
        assertThat(s.criteria().get(0).indicators()).hasSize(firstCount + 1);
        assertThat(s.maxTotal()).isEqualTo(oldMax + 5 + 7);
        assertThat(s.passRule().minTotal()).isEqualTo(70);
        assertThat(s.passRule().minPerIndicator()).isNull();
        assertThat(s.passRule().minPerCriterion()).isEqualTo(Map.of(old.criteria().get(1).id(), 12));
        assertThat(after.text()).contains("set | " + SET + " | " + (oldVersion + 1) + " |");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'titles.criteria-set.publish' and entity_id = ?",
                Integer.class, String.valueOf(after.id()))).isEqualTo(1);
        // the version saved before is unchanged
        assertThat(sets.get(before.id()).set().indicator("1.1").orElseThrow().maxPoints()).isEqualTo(firstMax);
    }

    @Test
    void theScoringOfAnAutomaticItemIsChosenInTheEditorAndSavedInTheNewVersion() throws Exception {
        RequestPostProcessor admin = httpBasic("admin", ADMIN_PASSWORD);
        // Gia đình học tập 1.1 is filled from the register; its other items are scored by hand only
        CriteriaSets.StoredSet before = sets.latest("gdht");
        assertThat(before.set().indicator("1.1").orElseThrow().manual()).isFalse();
        assertThat(vn.hoctap.titles.internal.AutomaticCriteria.isAutomatic(before.set(), "1.1")).isTrue();
        String page = mvc.perform(get("/titles/sets/" + before.id() + "/edit").with(admin)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<select id=\"f-c0.i0.scoring\" name=\"c0.i0.scoring\">")
                .contains("<option value=\"auto\" selected=\"selected\">Tự động (từ số liệu của HọcTập)</option>")
                .doesNotContain("name=\"c0.i1.scoring\"");

        // switched to "scored by hand": a new version whose 1.1 is typed, the earlier version keeps it automatic
        Map<String, String> f = fields(before.set());
        f.put("c0.i0.scoring", "manual");
        f.put("c0.i1.scoring", "auto");   // an item the platform cannot fill stays by hand whatever is posted
        f.put("minTotal", "75");           // and the pass rule changes in the same version
        MockHttpServletResponse saved = postForm(before.id(), f, admin);
        assertThat(saved.getStatus()).isEqualTo(302);
        CriteriaSets.StoredSet manual = sets.latest("gdht");
        assertThat(manual.set().version()).isEqualTo(before.set().version() + 1);
        assertThat(manual.set().indicator("1.1").orElseThrow().manual()).isTrue();
        assertThat(manual.set().indicator("1.2").orElseThrow().manual()).isFalse();
        assertThat(manual.set().passRule().minTotal()).isEqualTo(75);
        assertThat(manual.text()).contains("indicator | 1.1 | 10 | ").containsOnlyOnce("| manual");
        assertThat(vn.hoctap.titles.internal.AutomaticCriteria.isAutomatic(manual.set(), "1.1")).isFalse();
        assertThat(vn.hoctap.titles.internal.AutomaticCriteria.isAutomatic(sets.get(before.id()).set(), "1.1")).isTrue();
        assertThat(mvc.perform(get("/titles/sets/" + manual.id() + "/edit").with(admin)).andReturn().getResponse().getContentAsString())
                .contains("<option value=\"manual\" selected=\"selected\">Chấm tay</option>");

        // a value that is neither is refused beside the field and saves nothing
        f = fields(manual.set());
        f.put("c0.i0.scoring", "sometimes");
        MockHttpServletResponse refused = postForm(manual.id(), f, admin);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("id=\"e-c0.i0.scoring\"").contains("Cách chấm phải là");
        assertThat(sets.latest("gdht").id()).isEqualTo(manual.id());

        // and back to automatic (other tests use the latest family set); a set without "manual" writes as before
        f = fields(manual.set());
        f.put("c0.i0.scoring", "auto");
        f.put("minTotal", String.valueOf(before.set().passRule().minTotal()));
        assertThat(postForm(manual.id(), f, admin).getStatus()).isEqualTo(302);
        CriteriaSets.StoredSet back = sets.latest("gdht");
        assertThat(back.set().indicator("1.1").orElseThrow().manual()).isFalse();
        assertThat(back.text()).doesNotContain("| manual");
    }

    @Test
    void aNegativePointOrAnEmptyWordingIsRefusedBesideTheFieldAndSavesNothing() throws Exception {
        RequestPostProcessor admin = httpBasic("admin", ADMIN_PASSWORD);
        CriteriaSets.StoredSet before = sets.latest(SET);
        Map<String, String> f = fields(before.set());
        f.put("c0.i0.max", "-3");
        f.put("c1.i0.name", "  ");
        int count = versionCount();
        MockHttpServletResponse r = postForm(before.id(), f, admin);
        assertThat(r.getStatus()).isEqualTo(422);
        String page = r.getContentAsString();
        assertThat(page).contains("id=\"e-c0.i0.max\"").contains("Điểm không được là số âm.")
                .contains("id=\"e-c1.i0.name\"").contains("Ô này không được để trống.")
                .contains("có 2 ô cần sửa")
                .contains("aria-describedby=\"e-c0.i0.max\"")
                .doesNotContain("titles.edit.error").doesNotContain("bo-tieu-chi.txt");
        // the typed values stay in the form
        assertThat(page).contains("value=\"-3\"");
        assertThat(versionCount()).isEqualTo(count);
        assertThat(sets.latest(SET).id()).isEqualTo(before.id());

        // a minimum total above the maximum is refused beside the pass-rule field
        f = fields(before.set());
        f.put("minTotal", String.valueOf(before.set().maxTotal() + 1));
        page = postForm(before.id(), f, admin).getContentAsString();
        assertThat(page).contains("id=\"e-minTotal\"").contains("Tổng điểm tối thiểu lớn hơn tổng điểm tối đa");
        assertThat(versionCount()).isEqualTo(count);
    }

    @Test
    void onlyTheCityAdministratorMayEdit() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        CriteriaSets.StoredSet before = sets.latest(SET);
        int count = versionCount();
        MockHttpServletResponse r = postForm(before.id(), fields(before.set()), httpBasic(officer.username(), officer.password()));
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/titles/sets/" + before.id() + "/edit").with(httpBasic(officer.username(), officer.password())))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(versionCount()).isEqualTo(count);
    }
}
