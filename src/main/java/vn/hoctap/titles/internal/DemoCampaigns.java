package vn.hoctap.titles.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.titles.core.CampaignWorkflow;
import vn.hoctap.titles.core.CampaignWorkflow.Step;
import vn.hoctap.titles.core.SubjectType;
import vn.hoctap.titles.core.TitleKind;
import vn.hoctap.units.Villages;

/**
 * Demo data (hoctap.demo=true, first start only): campaigns of the current year in Phường Ba Đình (00004) with
 * evaluations at every status — registered, self-assessed, reviewed, recognised, published, rejected, and one
 * revoked certificate — each step taken through the normal workflow by the demo users' roles (badinh commune
 * officer, khuyenhoc.badinh association, truong.badinh organisation, sogd city officer, the administrator).
 */
@Component
@Order(50)
class DemoCampaigns implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);
    static final String BA_DINH = "00004";

    private final Campaigns campaigns;
    private final CriteriaSets sets;
    private final Villages villages;
    private final JdbcTemplate jdbc;
    private final boolean demo;
    private final String command;
    private final String adminUsername;

    DemoCampaigns(Campaigns campaigns, CriteriaSets sets, Villages villages, JdbcTemplate jdbc, @Value("${hoctap.demo:false}") boolean demo,
                  @Value("${hoctap.command:}") String command, @Value("${hoctap.admin.username:admin}") String adminUsername) {
        this.campaigns = campaigns;
        this.sets = sets;
        this.villages = villages;
        this.jdbc = jdbc;
        this.demo = demo;
        this.command = command;
        this.adminUsername = adminUsername;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || !command.isEmpty()) return;
        Integer n = jdbc.queryForObject("select count(*) from titles_campaign", Integer.class);
        if (n != null && n > 0) return;
        try {
            create();
            log.info("Đã tạo đợt danh hiệu học tập minh họa / demo learning-title campaigns created");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void act(String username, Role role, String scope) {
        vn.hoctap.accounts.DemoActor.act(username, role, scope);
    }

    Map<String, Integer> full(String setId) {
        Map<String, Integer> p = new HashMap<>();
        sets.latest(setId).set().indicators().forEach((id, ind) -> p.put(id, ind.maxPoints()));
        return p;
    }

    Map<String, Integer> withDeduction(String setId, int minus) {
        Map<String, Integer> p = full(setId);
        p.replaceAll((k, v) -> Math.max(0, v - minus));
        return p;
    }

    long register(long campaign, SubjectType type, String name, Long village, String setId) {
        return campaigns.register(campaign, new Campaigns.NewDossier(type, name, BA_DINH, village, null, setId)).id();
    }

    void assess(long id, Map<String, Integer> points) {
        campaigns.selfAssess(id, points, campaigns.dossier(id).version());
    }

    void create() {
        LocalDate today = HanoiTime.today();
        int year = today.getYear();
        CampaignWorkflow.Deadlines d = new CampaignWorkflow.Deadlines(today.plusDays(14), today.plusDays(28), today.plusDays(42), today.plusDays(56));

        act("badinh", Role.COMMUNE_OFFICER, BA_DINH);
        List<Villages.Village> vs = villages.of(BA_DINH, today);
        Villages.Village tdp = vs.isEmpty() ? villages.add(BA_DINH, "Tổ dân phố số 1", Villages.Kind.TO_DAN_PHO, today.withDayOfYear(1)) : vs.get(0);
        long families = campaigns.createCampaign(year, TitleKind.GIA_DINH, BA_DINH, null, d).id();
        long citizens = campaigns.createCampaign(year, TitleKind.CONG_DAN, BA_DINH, null, d).id();
        long community = campaigns.createCampaign(year, TitleKind.CONG_DONG, BA_DINH, null, d).id();
        long units = campaigns.createCampaign(year, TitleKind.DON_VI, BA_DINH, null, d).id();

        long f1 = register(families, SubjectType.FAMILY, "Gia đình ông Nguyễn Văn Hùng", tdp.id(), "gdht");
        long f2 = register(families, SubjectType.FAMILY, "Gia đình bà Trần Thị Mai", tdp.id(), "gdht");
        long f3 = register(families, SubjectType.FAMILY, "Gia đình ông Lê Văn Nam", tdp.id(), "gdht");
        long f4 = register(families, SubjectType.FAMILY, "Gia đình bà Phạm Thị Lan", tdp.id(), "gdht");
        long f5 = register(families, SubjectType.FAMILY, "Gia đình ông Hoàng Văn Đức", tdp.id(), "gdht");
        long f6 = register(families, SubjectType.FAMILY, "Gia đình bà Vũ Thị Hạnh", tdp.id(), "gdht");
        for (long f : List.of(f2, f3, f4, f5)) assess(f, full("gdht"));
        assess(f6, withDeduction("gdht", 4));
        long c1 = register(citizens, SubjectType.CITIZEN, "Nguyễn Văn An", tdp.id(), "cdht-residents");
        long c2 = register(citizens, SubjectType.CITIZEN, "Đỗ Thị Thu", tdp.id(), "cdht-workers");
        long c3 = register(citizens, SubjectType.CITIZEN, "Bùi Minh Quang", tdp.id(), "cdht-officials");
        jdbc.update("update titles_evaluation set contact = ?, contact_type = 'emailAddress' where id = ?", "an.nguyen@example.vn", c1);
        jdbc.update("update titles_evaluation set contact = ?, contact_type = 'phone' where id = ?", "+84912000111", c2);
        // the demo citizen's own dossier (what "Dữ liệu của tôi" shows them): Nguyễn Văn An is the account congdan
        jdbc.update("update titles_evaluation set owner_user_id = (select id from app_user where username = 'congdan') where id = ?", c1);
        for (long c : List.of(c1, c2)) assess(c, withDeduction(c == c1 ? "cdht-residents" : "cdht-workers", 1));
        assess(c3, withDeduction("cdht-officials", 2));

        act("khuyenhoc.badinh", Role.ASSOCIATION_MEMBER, BA_DINH);
        campaigns.bulk(List.of(f3, f4, f5), Step.REVIEW, null);
        campaigns.step(f6, Step.REJECT, "Thiếu minh chứng cho tiêu chí 3 (điều kiện học tập); đề nghị bổ sung vào đợt sau.");
        campaigns.bulk(List.of(c1, c2), Step.REVIEW, null);

        act("badinh", Role.COMMUNE_OFFICER, BA_DINH);
        campaigns.bulk(List.of(f4, f5), Step.DECIDE, null);
        campaigns.step(f5, Step.PUBLISH, null);
        campaigns.bulk(List.of(c1, c2), Step.DECIDE, null);
        campaigns.bulk(List.of(c1, c2), Step.PUBLISH, null);
        // the village community: its automatic criterion counts the recognised families above
        long v = register(community, SubjectType.COMMUNITY, tdp.name(), tdp.id(), "cdht-village");
        assess(v, full("cdht-village"));

        // the school's own dossier, registered by its user (linked to the school by the reporting demo); without the
        // link (the reporting demo did not run) the commune registers it for the school
        long u1;
        act("truong.badinh", Role.ORGANISATION_USER, BA_DINH);
        try {
            u1 = register(units, SubjectType.UNIT, "Trường Tiểu học Ba Đình", null, "dvht");
        } catch (org.springframework.security.access.AccessDeniedException e) {
            act("badinh", Role.COMMUNE_OFFICER, BA_DINH);
            u1 = register(units, SubjectType.UNIT, "Trường Tiểu học Ba Đình", null, "dvht");
        }
        assess(u1, full("dvht"));

        act("sogd", Role.CITY_OFFICER, "01");
        long communes = campaigns.createCampaign(year, TitleKind.CONG_DONG_XA, "01", null, d).id();
        long x1 = campaigns.register(communes, new Campaigns.NewDossier(SubjectType.COMMUNE, "Phường Ba Đình", BA_DINH, null, null, "tt25-commune")).id();
        assess(x1, withDeduction("tt25-commune", 0));
        campaigns.step(x1, Step.REVIEW, null);

        act(adminUsername, Role.CITY_ADMIN, "01");
        campaigns.step(c2, Step.REVOKE, "Thu hồi minh họa: thông tin tự khai không đúng (dữ liệu demo).");
    }
}
