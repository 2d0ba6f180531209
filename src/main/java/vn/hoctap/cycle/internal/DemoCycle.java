package vn.hoctap.cycle.internal;

import java.time.LocalDate;
import java.util.List;
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
import vn.hoctap.cycle.CommuneTargets;
import vn.hoctap.cycle.Decisions;
import vn.hoctap.cycle.Inspections;
import vn.hoctap.cycle.Plans;
import vn.hoctap.cycle.core.VisitRules.ItemResult;
import vn.hoctap.platform.HanoiTime;

/**
 * Demo data of the yearly cycle (hoctap.demo=true, first start only; a failure only warns): the city's 2025–2026 plan
 * and Phường Ba Đình's plan made from it; default targets for all 126 communes and one change proposed by Ba Đình; an
 * inspection round of the current year (team: the demo inspector "kiemtra") with Ba Đình's visit recorded — two items
 * not met, one action closed by the commune — and a visit to Ngọc Hà still planned; recognition decisions of 2025 for
 * Ba Đình and Ngọc Hà (the other communes that meet a standard by the data appear as "meets without a decision").
 * Every step goes through the services with the demo users' roles.
 */
@Component
@Order(60)
class DemoCycle implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCycle.class);
    static final String BA_DINH = "00004";
    static final String NGOC_HA = "00008";

    private final Plans plans;
    private final CommuneTargets targets;
    private final Inspections inspections;
    private final Decisions decisions;
    private final JdbcTemplate jdbc;
    private final vn.hoctap.register.RegisterStandards registers;
    private final boolean demo;
    private final String command;
    private final String adminUsername;

    DemoCycle(Plans plans, CommuneTargets targets, Inspections inspections, Decisions decisions, JdbcTemplate jdbc,
              vn.hoctap.register.RegisterStandards registers, @Value("${hoctap.demo:false}") boolean demo, @Value("${hoctap.command:}") String command,
              @Value("${hoctap.admin.username:admin}") String adminUsername) {
        this.plans = plans;
        this.targets = targets;
        this.inspections = inspections;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.registers = registers;
        this.demo = demo;
        this.command = command;
        this.adminUsername = adminUsername;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || !command.isEmpty()) return;
        Integer n = jdbc.queryForObject("select count(*) from cycle_plan", Integer.class);
        if (n != null && n > 0) return;
        try {
            create();
            log.info("Đã tạo dữ liệu minh họa kế hoạch, kiểm tra / demo plans and inspection created");
            baselineTargetsLater();
        } catch (RuntimeException e) {
            log.warn("Không tạo được dữ liệu minh họa kế hoạch, kiểm tra / demo cycle data not created: {}", e.toString());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * The demo registers are imported in the background after this runner: once the 2025 one is in, the city proposes
     * the communes' defaults again from their baseline (a commune's pending proposal is kept).
     */
    private void baselineTargetsLater() {
        Thread t = new Thread(() -> {
            try {
                long until = System.currentTimeMillis() + 15 * 60_000L;
                while (!registers.years().contains(2025) && System.currentTimeMillis() < until) {
                    Thread.sleep(5_000);
                }
                if (!registers.years().contains(2025)) return;
                act(adminUsername, Role.CITY_ADMIN, "01");
                int n = targets.proposeDefaults(HanoiTime.today().getYear());
                log.info("Chỉ tiêu minh họa của xã, phường theo số liệu năm gốc / demo commune targets from the baseline: {}", n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Không đề xuất được chỉ tiêu minh họa theo năm gốc / demo baseline targets not proposed: {}", e.toString());
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, "demo-cycle-targets");
        t.setDaemon(true);
        t.start();
    }

    static void act(String username, Role role, String scope) {
        vn.hoctap.accounts.DemoActor.act(username, role, scope);
    }

    void create() {
        act(adminUsername, Role.CITY_ADMIN, "01");
        long city = plans.create(Plans.Level.CITY, "01", null, 2025, 2026,
                "Kế hoạch thực hiện Nghị quyết 23-NQ/TU năm 2025–2026", "215/KH-UBND");
        long a1 = plans.addAction(city, "Tổ chức Tuần lễ hưởng ứng học tập suốt đời", "Sở Giáo dục và Đào tạo",
                LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 7), 350_000_000L, List.of("model.learning_citizens"));
        plans.addAction(city, "Tập huấn kỹ năng số cơ bản cho cán bộ, công chức xã, phường", "Sở Nội vụ",
                LocalDate.of(2025, 9, 1), LocalDate.of(2026, 6, 30), 1_200_000_000L, List.of("cs.digital_basic", "model.digital_skills"));
        plans.addAction(city, "Rà soát, cập nhật sổ phổ cập giáo dục, xóa mù chữ sau sắp xếp đơn vị hành chính", "Sở Giáo dục và Đào tạo",
                LocalDate.of(2025, 8, 1), LocalDate.of(2025, 12, 31), 0L, List.of("xmc.level2", "pcgd.th3", "pcgd.thcs3_units"));
        plans.addAction(city, "Nâng cấp trung tâm học tập cộng đồng ứng dụng công nghệ thông tin", "UBND các xã, phường",
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 2_500_000_000L, List.of("inst.clc_it"));
        plans.updateStatus(a1, Plans.ActionStatus.DONE, "Đã tổ chức tại 126 xã, phường; báo cáo kết quả ngày 15/10/2025.");

        int year = HanoiTime.today().getYear();
        targets.proposeDefaults(year);

        LocalDate today = HanoiTime.today();
        LocalDate visited = today.minusDays(20).getYear() == year ? today.minusDays(20) : LocalDate.of(year, 1, 2);
        LocalDate planned = today.plusDays(7).getYear() == year ? today.plusDays(7) : LocalDate.of(year, 12, 31);
        long round = inspections.createRound(year, "Kiểm tra việc thực hiện Nghị quyết 23-NQ/TU năm " + year, List.of("kiemtra"));
        long visit = inspections.scheduleVisit(round, BA_DINH, Inspections.Subject.COMMUNE, null, visited);
        inspections.scheduleVisit(round, NGOC_HA, Inspections.Subject.CENTRE, "Trung tâm học tập cộng đồng phường Ngọc Hà", planned);

        act("badinh", Role.COMMUNE_OFFICER, BA_DINH);
        long badinhPlan = plans.derive(city, BA_DINH);
        plans.addAction(badinhPlan, "Khai giảng lớp tin học cho người cao tuổi tại trung tâm học tập cộng đồng", "Trung tâm học tập cộng đồng phường",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31), 45_000_000L, List.of("model.digital_skills"));
        var own = targets.ofCommune(BA_DINH).stream().filter(t -> t.indicatorId().equals("model.learning_families")).findFirst();
        own.ifPresent(t -> targets.propose(t.indicatorId(), BA_DINH, t.targetYear(), "≥ 70",
                "Phường đã có 68% gia đình đạt danh hiệu năm 2025, đề nghị nâng chỉ tiêu."));

        act("kiemtra", Role.INSPECTOR, "01");
        String deadline = visited.plusDays(30).toString();
        inspections.submit(visit, "demo-visit-" + visit, "Phường triển khai đầy đủ; còn thiếu kinh phí và báo cáo Tuần lễ học tập suốt đời.", List.of(
                new ItemResult("X1", "GOOD", "Tuyên truyền trên loa phát thanh và trang thông tin điện tử phường.", null, null, null),
                new ItemResult("X2", "MET", "Có kế hoạch số 45/KH-UBND.", null, null, null),
                new ItemResult("X3", "NOT_MET", "Chưa có báo cáo kết quả Tuần lễ.", "Gửi báo cáo kết quả Tuần lễ hưởng ứng học tập suốt đời",
                        "Văn phòng HĐND-UBND phường", deadline),
                new ItemResult("X4", "NOT_MET", "Chưa bố trí kinh phí riêng.", "Bố trí kinh phí xây dựng xã hội học tập trong dự toán năm sau",
                        "Phòng Kinh tế phường", visited.plusDays(60).toString()),
                new ItemResult("X5", "MET", "", null, null, null),
                new ItemResult("X6", "MET", "", null, null, null),
                new ItemResult("X7", "GOOD", "Sổ phổ cập cập nhật đến tháng trước.", null, null, null)), List.of());

        act("badinh", Role.COMMUNE_OFFICER, BA_DINH);
        inspections.actions(year).stream().filter(a -> a.unitCode().equals(BA_DINH) && a.what().startsWith("Gửi báo cáo")).findFirst()
                .ifPresent(a -> inspections.closeAction(a.id(), "Đã gửi Báo cáo số 112/BC-UBND về kết quả Tuần lễ học tập suốt đời."));

        act(adminUsername, Role.CITY_ADMIN, "01");
        decisions.record(Decisions.Kind.PCGD_XMC, BA_DINH, "XMC2", "Đạt chuẩn xóa mù chữ mức độ 2", 2025, "1234/QĐ-UBND",
                LocalDate.of(2025, 12, 20), "UBND thành phố Hà Nội", null, null, null);
        decisions.record(Decisions.Kind.PCGD_XMC, NGOC_HA, "XMC2", "Đạt chuẩn xóa mù chữ mức độ 2", 2025, "1235/QĐ-UBND",
                LocalDate.of(2025, 12, 20), "UBND thành phố Hà Nội", null, null, null);
        decisions.record(Decisions.Kind.LEARNING_COMMUNITY, BA_DINH, null, "Cộng đồng học tập cấp xã mức độ 1 (Thông tư 25/2023/TT-BGDĐT)",
                2025, "56/QĐ-UBND", LocalDate.of(2025, 12, 28), "UBND thành phố Hà Nội", null, null, null);
    }
}
