package vn.hoctap.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.internal.PersonalDataRequests;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.reporting.Organisation;
import vn.hoctap.reporting.Organisations;
import vn.hoctap.reporting.Reports;
import vn.hoctap.reporting.core.OrganisationKind;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.titles.internal.Campaigns;
import vn.hoctap.units.Villages;

/**
 * Đường dẫn × vai trò: every route of the running application, read from Spring's handler mapping, must carry its
 * access-matrix entry; then every route is requested by every role (and by someone not signed in) with real data of
 * the user's commune (Phường Ba Đình, 00004) and of another commune (Phường Ngọc Hà, 00008), and the answer is judged
 * against {@link AccessMatrix}:
 * <ul>
 *   <li>the matrix refuses the role → 403 (pages and API alike); not signed in → 401 (API) or the login page;</li>
 *   <li>the matrix allows it, with the user's own data → neither 401 nor 403, and no server error;</li>
 *   <li>another commune's data (every role not scoped to the city), or another organisation's or person's data for
 *       roles that see only their own → refused (403, or 404 where the id is not even shown), and no write lands:
 *       the audit trail of the other commune does not grow.</li>
 * </ul>
 * Routes of modules this fixture has no data for (see {@link #COVERED}), and routes whose path variables it does not
 * know, are still checked for the role rule, for sign-in and for what their answers show; the positive and the
 * other-commune checks run for the routes listed in {@link Fixture#url}.
 */
class RouteAccessTest extends IntegrationTest {

    /** Public routes that a wallet calls with an OAuth bearer token (OpenID4VCI 1.0 §8, the credential endpoint). */
    static final java.util.Set<String> BEARER_TOKEN_ROUTES = java.util.Set.of("/api/public/oid4vci/credential");


    static final String MINE = "00004";
    static final String OTHER = "00008";
    static final int YEAR = 2025;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organisations organisations;
    @Autowired
    Reports reports;
    @Autowired
    Campaigns campaigns;
    @Autowired
    Villages villages;
    @Autowired
    PersonalDataRequests requests;

    /** A route of ours: method, pattern, handler, its matrix entry (null when it has none). */
    record Route(HttpMethod method, String pattern, HandlerMethod handler, Access access, MediaType consumes) {
        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean write() {
            return method != HttpMethod.GET;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod h = e.getValue();
            if (!h.getBeanType().getName().startsWith("vn.hoctap.")) continue;
            Access a = h.getMethodAnnotation(Access.class);
            if (a == null) a = h.getBeanType().getAnnotation(Access.class);
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            MediaType consumes = e.getKey().getConsumesCondition().getConsumableMediaTypes().stream().findFirst().orElse(null);
            for (String p : e.getKey().getPatternValues()) {
                if (methods.isEmpty()) {
                    out.add(new Route(HttpMethod.GET, p, h, a, consumes));
                }
                for (RequestMethod m : methods) {
                    out.add(new Route(HttpMethod.valueOf(m.name()), p, h, a, consumes));
                }
            }
        }
        return out;
    }

    @Test
    void everyRouteOfOursIsInTheAccessMatrix() {
        List<Route> all = routes();
        // the application has its ~110 routes (a failing mapping scan would make the rest of this test vacuous)
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(all.stream().filter(r -> r.access() == null).map(Route::toString).toList())
                .as("routes without @Access(kind, action)").isEmpty();
        // public pages live under the paths open without sign-in; nothing else is PUBLIC
        for (Route r : all) {
            if (r.access().kind() == DataKind.PUBLIC) {
                assertThat(r.pattern()).as(r.toString()).matches("/public/.*|/api/public/.*|/\\.well-known/.*|/login");
            }
        }
    }

    // ------------------------------------------------------------------ the data of two communes

    /** Real data of Ba Đình (mine) and Ngọc Hà (other), and who owns what. */
    class Fixture {
        final Map<Role, TestUser> users = new EnumMap<>(Role.class);
        final Map<Role, AccountPrincipal> principals = new EnumMap<>(Role.class);
        TestUser officer8;
        long village4, village8;
        Organisation orgA, orgA2, orgB;
        String dataSet;
        long reportA, reportA2, reportB;
        long campaignA, campaignB, campaignCitizenA;
        long dossierOrgA, dossierOrgA2, dossierCitizen, dossierB;
        long fileOrgA, fileOrgA2, fileCitizen, fileB;
        long requestA, requestB;
        int period = HanoiTime.today().getYear();

        Fixture() throws Exception {
            for (Role r : Role.values()) {
                TestUser u = r == Role.CITY_ADMIN || r == Role.CITY_OFFICER ? user(r, "01") : user(r, MINE);
                users.put(r, u);
                principals.put(r, accounts.findByUsername(u.username()).orElseThrow());
            }
            officer8 = user(Role.COMMUNE_OFFICER, OTHER);
            tag = "RT" + System.nanoTime() % 100000;
            importRegister("person_id,household_id,commune_code,birth_date,sex\n"
                    + tag + "A1,H1," + MINE + ",2014-05-05,F\n" + tag + "A2,H1," + MINE + ",1980,M\n"
                    + tag + "B1,H2," + OTHER + ",2014-06-06,M\n" + tag + "B2,H2," + OTHER + ",1981,F\n", YEAR);
            personMine = tag + "A1";
            personOther = tag + "B1";
            TestUser officer4 = users.get(Role.COMMUNE_OFFICER);
            act(officer4);
            village4 = villages.add(MINE, "Tổ dân phố thử " + tag, Villages.Kind.TO_DAN_PHO, null).id();
            orgA = organisations.add(MINE, "Trường thử A " + tag, OrganisationKind.SCHOOL);
            orgA2 = organisations.add(MINE, "Trường thử A2 " + tag, OrganisationKind.SCHOOL);
            organisations.link(users.get(Role.ORGANISATION_USER).username(), orgA.id());
            dataSet = reports.catalogue().forKind(OrganisationKind.SCHOOL).get(0).code();
            reportA2 = reports.save(orgA2.id(), dataSet, period, Map.of(), false).id();
            campaignA = campaign(TitleKind.DON_VI, MINE);
            campaignCitizenA = campaign(TitleKind.CONG_DAN, MINE);
            dossierOrgA2 = campaigns.register(campaignA, new Campaigns.NewDossier(SubjectType.UNIT, "Trường thử A2 " + tag, MINE, null, null, null)).id();
            fileOrgA2 = evidence(dossierOrgA2);
            act(users.get(Role.ORGANISATION_USER));
            reportA = reports.save(orgA.id(), dataSet, period, Map.of(), false).id();
            dossierOrgA = campaigns.register(campaignA, new Campaigns.NewDossier(SubjectType.UNIT, "tên bất kỳ", MINE, null, null, null)).id();
            fileOrgA = evidence(dossierOrgA);
            act(users.get(Role.CITIZEN));
            dossierCitizen = campaigns.register(campaignCitizenA, new Campaigns.NewDossier(SubjectType.CITIZEN, "Công dân thử " + tag, MINE, null, null, null)).id();
            fileCitizen = evidence(dossierCitizen);
            requestA = requests.create("account", "Họ tên của tôi viết sai dấu", Set.of("account")).id();
            act(officer8);
            village8 = villages.add(OTHER, "Tổ dân phố lạ " + tag, Villages.Kind.TO_DAN_PHO, null).id();
            orgB = organisations.add(OTHER, "Trường thử B " + tag, OrganisationKind.SCHOOL);
            reportB = reports.save(orgB.id(), dataSet, period, Map.of(), false).id();
            campaignB = campaign(TitleKind.DON_VI, OTHER);
            dossierB = campaigns.register(campaignB, new Campaigns.NewDossier(SubjectType.UNIT, "Trường thử B " + tag, OTHER, null, null, null)).id();
            fileB = evidence(dossierB);
            requestB = requests.create("account", "Sai ngày sinh " + tag, Set.of("account")).id();
            SecurityContextHolder.clearContext();
        }

        final Set<String> knownPatterns = new java.util.HashSet<>();

        boolean knows(String pattern) {
            return knownPatterns.contains(pattern);
        }

        String personMine, personOther, tag;

        /** Strings only another commune's data contains. */
        List<String> foreignMarkers() {
            return List.of(personOther, orgB.name(), orgB.code(), "Tổ dân phố lạ " + tag, "Sai ngày sinh " + tag);
        }

        /** Person ids of the register (any commune). */
        List<String> personMarkers() {
            return List.of(personMine, personOther);
        }

        /** For "own data only": another organisation's or person's data of the same commune. */
        List<String> siblingMarkers(Role role) {
            return role == Role.CITIZEN ? List.of(orgA.name(), orgA2.name())
                    : List.of(orgA2.name(), orgA2.code(), "Công dân thử " + tag);
        }

        void act(TestUser u) {
            AccountPrincipal p = accounts.findByUsername(u.username()).orElseThrow();
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
        }

        long campaign(TitleKind kind, String unit) {
            // campaigns of the register's year 2025: this year's of Ba Đình belong to the demo (TitlesDemoAndCriteriaTest
            // creates them), and a year without a register would add a year to the indicators of every other test
            int campaignYear = YEAR;
            List<Long> found = jdbc.queryForList("select id from titles_campaign where year = ? and kind = ? and unit_code = ?", Long.class,
                    campaignYear, kind.name(), unit);
            if (!found.isEmpty()) {
                // a campaign of another test: open its deadlines again so that registration works today
                LocalDate t = HanoiTime.today();
                jdbc.update("update titles_campaign set registration_until = ?, assessment_until = ?, review_until = ?, decision_until = ? where id = ?",
                        java.sql.Date.valueOf(t.plusDays(10)), java.sql.Date.valueOf(t.plusDays(20)), java.sql.Date.valueOf(t.plusDays(30)),
                        java.sql.Date.valueOf(t.plusDays(40)), found.get(0));
                return found.get(0);
            }
            LocalDate t = HanoiTime.today();
            return campaigns.createCampaign(campaignYear, kind, unit, null,
                    new vn.hoctap.titles.core.CampaignWorkflow.Deadlines(t.plusDays(10), t.plusDays(20), t.plusDays(30), t.plusDays(40))).id();
        }

        long evidence(long dossier) {
            byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            campaigns.addEvidence(dossier, "minh-chung.pdf", "application/pdf", pdf);
            return jdbc.queryForObject("select max(id) from titles_evidence_file where evaluation_id = ?", Long.class, dossier);
        }

        /** Which data a role uses as "its own" in a route: its organisation's, its own dossier, else its commune's. */
        long dossierOf(Role r) {
            return r == Role.CITIZEN ? dossierCitizen : dossierOrgA;
        }

        long fileOf(Role r) {
            return r == Role.CITIZEN ? fileCitizen : fileOrgA;
        }

        /**
         * A concrete URL of a route for a role: MINE (the role's own data or its commune's), OTHER (another commune's)
         * or SIBLING (another organisation's or person's of the same commune), null when the route has no such variant.
         * Routes not listed get "1" for each path variable (only the role rule is checked for them).
         */
        String url(Route route, Role role, Side side) {
            boolean other = side == Side.OTHER;
            boolean sibling = side == Side.SIBLING;
            String p = route.pattern();
            Map<String, Function<Side, String>> known = new LinkedHashMap<>();
            String code = other ? OTHER : MINE;
            known.put("/units/{code}", s -> "/units/" + code);
            known.put("/api/units/{code}", s -> "/api/units/" + code);
            known.put("/api/units/{code}/ancestors", s -> "/api/units/" + code + "/ancestors");
            known.put("/api/units/{code}/descendants", s -> "/api/units/" + code + "/descendants");
            known.put("/api/units/{code}/successors", s -> "/api/units/" + code + "/successors");
            known.put("/api/units/{code}/predecessors", s -> "/api/units/" + code + "/predecessors");
            known.put("/api/units/{code}/villages", s -> "/api/units/" + code + "/villages");
            known.put("/units/{code}/villages", s -> "/units/" + code + "/villages");
            known.put("/villages/{id}", s -> "/villages/" + (other ? village8 : village4));
            known.put("/api/villages/{id}", s -> "/api/villages/" + (other ? village8 : village4));
            known.put("/standards/{code}", s -> "/standards/" + code + "?year=" + YEAR);
            known.put("/standards/{code}/shortfall", s -> "/standards/" + code + "/shortfall?year=" + YEAR + "&criterion=TH.complete_age11");
            known.put("/standards/{code}/export.xlsx", s -> "/standards/" + code + "/export.xlsx?year=" + YEAR);
            known.put("/standards/{code}/export.pdf", s -> "/standards/" + code + "/export.pdf?year=" + YEAR);
            known.put("/register", s -> "/register?year=" + YEAR + "&commune=" + code);
            known.put("/register/export", s -> "/register/export?year=" + YEAR + "&commune=" + code);
            known.put("/register/{year}/{personId}", s -> "/register/" + YEAR + "/" + (other ? personOther : personMine));
            known.put("/dashboard", s -> "/dashboard?year=" + YEAR + "&unit=" + code);
            // Khám phá số liệu by village of one commune: another commune's is refused, and no village of it shows
            known.put("/explore", s -> "/explore?year=" + YEAR + "&breakdown=VILLAGE&expression=count(person)&unit=" + code);
            known.put("/explore/result", s -> "/explore/result?year=" + YEAR + "&breakdown=VILLAGE&expression=count(person)&unit=" + code);
            known.put("/api/explore", s -> "/api/explore?year=" + YEAR + "&breakdown=village&expression=count(person)&unit=" + code);
            known.put("/admin/audit", s -> "/admin/audit?unitCode=" + code);
            known.put("/api/admin/audit", s -> "/api/admin/audit?unitCode=" + code);
            Organisation org = other ? orgB : sibling ? orgA2 : orgA;
            long report = other ? reportB : sibling ? reportA2 : reportA;
            known.put("/reporting/organisations", s -> "/reporting/organisations?commune=" + code);
            known.put("/api/reporting/organisations", s -> "/api/reporting/organisations?commune=" + code);
            known.put("/reporting/organisations/{id}/members", s -> "/reporting/organisations/" + org.id() + "/members");
            known.put("/api/reporting/organisations/{id}/members", s -> "/api/reporting/organisations/" + org.id() + "/members");
            known.put("/reporting/form/{org}/{dataSet}/{period}", s -> "/reporting/form/" + org.id() + "/" + dataSet + "/" + period);
            known.put("/api/reporting/organisations/{org}/reports/{dataSet}/{period}",
                    s -> "/api/reporting/organisations/" + org.id() + "/reports/" + dataSet + "/" + period);
            known.put("/reporting/reports/{id}/{step}", s -> "/reporting/reports/" + report + "/submit");
            known.put("/api/reporting/reports/{id}/{step}", s -> "/api/reporting/reports/" + report + "/submit");
            known.put("/reporting/reports/{id}/history", s -> "/reporting/reports/" + report + "/history");
            known.put("/api/reporting/reports/{id}/history", s -> "/api/reporting/reports/" + report + "/history");
            known.put("/reporting/completeness", s -> "/reporting/completeness?commune=" + code);
            known.put("/api/reporting/completeness", s -> "/api/reporting/completeness?dataSet=" + dataSet + "&period=" + period + "&commune=" + code);
            known.put("/reporting/export.csv", s -> "/reporting/export.csv?period=" + period);
            known.put("/reporting/export.json", s -> "/reporting/export.json?period=" + period);
            known.put("/api/reporting/dataValueSets", s -> "/api/reporting/dataValueSets?period=" + period);
            known.put("/api/reporting/values.csv", s -> "/api/reporting/values.csv?period=" + period);
            long campaign = other ? campaignB : campaignA;
            long dossier = other ? dossierB : sibling ? (role == Role.CITIZEN ? dossierOrgA : dossierOrgA2) : dossierOf(role);
            long file = other ? fileB : sibling ? (role == Role.CITIZEN ? fileOrgA : fileOrgA2) : fileOf(role);
            known.put("/titles/campaigns/{id}", s -> "/titles/campaigns/" + campaign);
            known.put("/titles/campaigns/{id}/evaluations", s -> "/titles/campaigns/" + campaign + "/evaluations");
            known.put("/titles/campaigns/{id}/bulk", s -> "/titles/campaigns/" + campaign + "/bulk");
            known.put("/api/titles/campaigns/{id}/evaluations", s -> "/api/titles/campaigns/" + campaign + "/evaluations");
            known.put("/titles/evaluations/{id}", s -> "/titles/evaluations/" + dossier);
            known.put("/titles/evaluations/{id}/assess", s -> "/titles/evaluations/" + dossier + "/assess");
            known.put("/titles/evaluations/{id}/evidence", s -> "/titles/evaluations/" + dossier + "/evidence");
            known.put("/titles/evaluations/{id}/step", s -> "/titles/evaluations/" + dossier + "/step");
            known.put("/titles/evaluations/{id}/certificate.pdf", s -> "/titles/evaluations/" + dossier + "/certificate.pdf");
            known.put("/titles/evaluations/{id}/credential.jwt", s -> "/titles/evaluations/" + dossier + "/credential.jwt");
            known.put("/titles/evidence/{fileId}", s -> "/titles/evidence/" + file);
            known.put("/privacy/requests/{id}", s -> "/privacy/requests/" + (other ? requestB : requestA));
            known.put("/dashboard/{id}", s -> "/dashboard/lab.trained?year=" + YEAR);
            known.put("/dashboard/{id}.csv", s -> "/dashboard/lab.trained.csv?year=" + YEAR);
            known.put("/titles/sets/{id}", s -> "/titles/sets/" + jdbc.queryForObject("select min(id) from titles_criteria_set", Long.class));
            knownPatterns.addAll(known.keySet());
            Function<Side, String> f = known.get(p);
            // routes whose URL names no unit or row (the answer is filtered to the user's units: checked by the markers)
            boolean dataRoute = f != null && !Set.of("/dashboard/{id}", "/dashboard/{id}.csv", "/titles/sets/{id}", "/reporting/export.csv",
                    "/reporting/export.json", "/api/reporting/dataValueSets", "/api/reporting/values.csv").contains(p);
            if (side != Side.MINE) {
                if (!dataRoute) return null;
                // the sibling variant only where "own" is narrower than the commune
                if (sibling && !SIBLING_ROUTES.matcher(p).matches()) return null;
            }
            if (f != null) return f.apply(side);
            return p.replaceAll("\\{[^}]+}", "1");
        }
    }

    /**
     * The modules whose data this fixture creates: their routes are judged on the data too. A later module's routes
     * (gnlc, cycle, fund, centres…) are judged on the role rule, sign-in and what their answers show; whether a page
     * of theirs shows the city's data or the user's unit is for their own tests.
     */
    static final Set<String> COVERED = Set.of("accounts", "units", "register", "indicators", "reporting", "titles");

    static boolean covered(Route r) {
        String[] p = r.handler().getBeanType().getName().split("\\.");
        return p.length > 2 && COVERED.contains(p[2]);
    }

    static final Pattern SIBLING_ROUTES = Pattern.compile("/(api/)?reporting/(form|organisations/\\{org}|reports/\\{id}).*|/titles/(evaluations/\\{id}|evidence/\\{fileId}).*");

    enum Side { MINE, OTHER, SIBLING }

    /** Which kinds of ids a role "owns" when its grant is OWN: only these routes get a positive check for such roles. */
    static boolean ownsTheData(Role role, Route route) {
        String p = route.pattern();
        if (p.matches("/(api/)?reporting/(form|organisations/\\{org}|reports/\\{id}).*")) return role == Role.ORGANISATION_USER;
        if (p.matches("/titles/(evaluations/\\{id}|evidence/\\{fileId}).*")) return role == Role.ORGANISATION_USER || role == Role.CITIZEN;
        return true;
    }

    static boolean takesAFile(Route r) {
        return java.util.Arrays.stream(r.handler().getMethodParameters())
                .anyMatch(p -> p.getParameterType() == org.springframework.web.multipart.MultipartFile.class);
    }

    AbstractMockHttpServletRequestBuilder<?> request(Route r, String url) {
        AbstractMockHttpServletRequestBuilder<?> b = takesAFile(r)
                ? MockMvcRequestBuilders.multipart(r.method(), url).file(new org.springframework.mock.web.MockMultipartFile("file",
                        "minh-chung.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                : MockMvcRequestBuilders.request(r.method(), url);
        if (r.write()) {
            b = b.with(csrf());
            if (r.consumes() != null && !r.consumes().includes(MediaType.APPLICATION_JSON)) {
                b = b.contentType(r.consumes()).content("x");
            } else if (r.api() || r.consumes() != null && r.consumes().isCompatibleWith(MediaType.APPLICATION_JSON)) {
                b = b.contentType(MediaType.APPLICATION_JSON).content("{}");
            } else {
                // plausible form fields, so that a refusal is the access rule's and not a missing field's
                b = b.param("step", "REVIEW").param("version", "0").param("name", "Thử").param("kind", "to_dan_pho")
                        .param("subjectName", "Thử").param("username", "khong-co").param("text", "Thử").param("reason", "Thử")
                        .param("message", "Thử").param("answer", "Thử").param("status", "REFUSED").param("enabled", "false");
            }
        }
        return b;
    }

    final List<String> failures = new ArrayList<>();
    String lastBody = "";

    int status(Route r, String url, AccountPrincipal who) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> b = request(r, url);
        if (who != null) {
            b = b.with(authentication(UsernamePasswordAuthenticationToken.authenticated(who, null, who.getAuthorities())));
        }
        MvcResult res;
        try {
            res = mvc.perform(b).andReturn();
        } catch (Exception e) {
            // an exception the error pages did not turn into an answer: a server error
            failures.add(r + " " + url + " as " + (who == null ? "-" : who.user().role()) + ": " + e.getMessage());
            return 500;
        }
        int s = res.getResponse().getStatus();
        lastBody = s / 100 == 2 ? res.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8) : "";
        if (who == null && s == 302) {
            String to = res.getResponse().getRedirectedUrl();
            return to != null && to.endsWith("/login") ? 401 : 302;
        }
        return s;
    }

    /** Routes that must not be called during the sweep (they end the session or would change other tests' data). */
    static final Set<String> SKIPPED = Set.of("POST /admin/accounts", "POST /admin/accounts/{id}/enabled", "POST /titles/sets",
            "POST /register/import", "PUT /api/admin/reporting/mapping", "POST /admin/reporting/mapping", "PUT /api/admin/targets",
            "POST /admin/targets");

    @Test
    void everyRouteAnswersEveryRoleAsTheMatrixSays() throws Exception {
        Fixture fx = new Fixture();
        List<Route> routes = routes();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        List<String> actors = fx.users.entrySet().stream().filter(e -> e.getKey() != Role.CITY_ADMIN && e.getKey() != Role.CITY_OFFICER)
                .map(e -> e.getValue().username()).toList();
        int auditBefore = otherCommuneAudit(actors);
        for (Route r : routes) {
            if (r.access() == null) continue;   // the other test names them
            if (SKIPPED.contains(r.toString())) {
                // still the role rule, with no side effect: a refused role never reaches the handler
                for (Role role : Role.values()) {
                    if (AccessMatrix.grant(role, r.access().kind(), r.access().action()) == Grant.NONE) {
                        int s = status(r, r.pattern().replaceAll("\\{[^}]+}", "1"), fx.principals.get(role));
                        if (s != 403) wrong.add(r + " as " + role + " (matrix: none) → " + s);
                        checked++;
                    }
                }
                continue;
            }
            DataKind kind = r.access().kind();
            AccessAction action = r.access().action();
            // not signed in
            String mineUrl = fx.url(r, Role.COMMUNE_OFFICER, Side.MINE);
            int anon = status(r, mineUrl, null);
            checked++;
            if (kind == DataKind.PUBLIC && BEARER_TOKEN_ROUTES.contains(r.pattern())) {
                // public to wallets, but authorised by the OAuth access token of OpenID4VCI, not by a sign-in:
                // without one the answer is 401 (RFC 6750 §3.1)
                if (anon != 401) wrong.add(r + " without an access token → " + anon + " (expected 401)");
            } else if (kind == DataKind.PUBLIC) {
                if (anon == 401 || anon == 403 || anon >= 500) wrong.add(r + " not signed in (public) → " + anon);
            } else if (anon != 401) {
                wrong.add(r + " not signed in → " + anon + " (expected 401 or the login page)");
            }
            for (Role role : Role.values()) {
                Grant g = AccessMatrix.grant(role, kind, action);
                AccountPrincipal who = fx.principals.get(role);
                String mine = fx.url(r, role, Side.MINE);
                int s = status(r, mine, who);
                checked++;
                if (g == Grant.NONE) {
                    if (s != 403) wrong.add(r + " as " + role + " (matrix: none) → " + s + " " + mine);
                    continue;
                }
                // a route whose path variables this test does not know got "1" for each: that row may be another unit's,
                // so only the role rule is judged for it
                boolean known = covered(r) && (!r.pattern().contains("{") || fx.knows(r.pattern()));
                boolean positive = known && !r.write() && (g == Grant.SCOPE || ownsTheData(role, r));
                if (positive && (s == 401 || s == 403 || s >= 500)) {
                    wrong.add(r + " as " + role + " (matrix: " + g + ") → " + s + " " + mine);
                }
                boolean cityScoped = role == Role.CITY_ADMIN || role == Role.CITY_OFFICER;
                // what the answer shows: nothing of another commune, no person rows to a role without them, nothing of
                // another organisation or person to a role that sees only its own
                if (!r.write() && !lastBody.isEmpty()) {
                    List<String> markers = new ArrayList<>();
                    if (!cityScoped) markers.addAll(fx.foreignMarkers());
                    if (AccessMatrix.grant(role, DataKind.PERSON_ROWS, AccessAction.READ) == Grant.NONE) markers.addAll(fx.personMarkers());
                    if (g == Grant.OWN) markers.addAll(fx.siblingMarkers(role));
                    for (String m : markers) {
                        if (lastBody.contains(m)) wrong.add(r + " as " + role + " shows \"" + m + "\" " + mine);
                    }
                }
                String other = fx.url(r, role, Side.OTHER);
                if (!cityScoped && other != null && kind != DataKind.PUBLIC) {
                    int o = status(r, other, who);
                    checked++;
                    if (!refused(o, r)) wrong.add(r + " as " + role + " with another commune's data → " + o + " " + other);
                }
                String sibling = fx.url(r, role, Side.SIBLING);
                if (g == Grant.OWN && sibling != null) {
                    int o = status(r, sibling, who);
                    checked++;
                    if (!refused(o, r)) wrong.add(r + " as " + role + " (own only) with another's data → " + o + " " + sibling);
                }
            }
        }
        // no write of a Ba Đình user landed in Ngọc Hà
        int auditAfter = otherCommuneAudit(actors);
        if (auditAfter != auditBefore) wrong.add((auditAfter - auditBefore) + " audited write(s) of Ba Đình users in Ngọc Hà");
        // and no write of a "own data only" user landed on another organisation's or person's data of Ba Đình
        int org = siblingWrites(fx.users.get(Role.ORGANISATION_USER).username(), List.of(fx.dossierOrgA2, fx.dossierCitizen), List.of(fx.reportA2));
        if (org != 0) wrong.add(org + " audited write(s) of the organisation user on another organisation's or person's data");
        int cit = siblingWrites(fx.users.get(Role.CITIZEN).username(), List.of(fx.dossierOrgA, fx.dossierOrgA2), List.of(fx.reportA, fx.reportA2));
        if (cit != 0) wrong.add(cit + " audited write(s) of the citizen on others' data");
        failures.forEach(System.out::println);
        assertThat(wrong).as("answers that disagree with the access matrix (" + checked + " requests)").isEmpty();
        assertThat(failures).as("server errors").isEmpty();
        assertThat(checked).isGreaterThan(1500);
    }

    /** A refusal: 403, or 404 (the id is not shown), or 400 for a write refused before it starts; never a success. */
    static boolean refused(int status, Route r) {
        // a page form refused by a validation error goes back to the form (302) before the access check: that it wrote
        // nothing is checked on the other commune's audit trail at the end
        return status == 403 || status == 404 || (r.write() && (status == 400 || (!r.api() && status == 302)));
    }

    /** Audit events of a user on dossiers (steps, scores, evidence) or reports that are not theirs. */
    int siblingWrites(String actor, List<Long> dossiers, List<Long> reports) {
        String[] d = dossiers.stream().map(String::valueOf).toArray(String[]::new);
        String[] r = reports.stream().map(String::valueOf).toArray(String[]::new);
        Integer n = jdbc.queryForObject("""
                select count(*) from audit_event where actor = ? and (
                  (entity_type = 'titles_evaluation' and entity_id = any (?))
                  or (action = 'titles.evidence.add' and after_state ->> 'evaluation' = any (?))
                  or (entity_type = 'reporting_report' and entity_id = any (?)))""", Integer.class, actor, d, d, r);
        return n == null ? 0 : n;
    }

    int otherCommuneAudit(List<String> actors) {
        Integer n = jdbc.queryForObject("select count(*) from audit_event where unit_code = ? and actor = any (?)", Integer.class, OTHER,
                actors.toArray(new String[0]));
        return n == null ? 0 : n;
    }
}
