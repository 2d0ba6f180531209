package vn.hoctap.fund.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
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
import vn.hoctap.fund.core.Period;
import vn.hoctap.platform.HanoiTime;

/**
 * Demo data (hoctap.demo=true, first start only): the funds of the city association, Phường Ba Đình and Phường Ngọc Hà
 * with a year of donations (individuals, organisations, overseas Vietnamese in US dollars, anonymous gifts, books in
 * kind, a pledge partly fulfilled, one gift of the demo citizen), a scholarship round prepared by the accountant and
 * approved by the chair, support to a community learning centre, and the first half-year closed. Every step goes
 * through the services with the demo users' roles. A failure only warns. The city fund also has a named scholarship with
 * its own restricted account (marked "minh họa"); Ba Đình and Ngọc Hà have association branches with this year's
 * members and dues.
 */
@Component
@Order(60)
class DemoFunds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFunds.class);

    record Owner(String code, String name, String unit, String kind, String accountant, String chair, String chairScope) {
    }

    static final List<Owner> OWNERS = List.of(
            new Owner("thanh-pho", "Quỹ Khuyến học thành phố Hà Nội", "01", "CITY_ASSOCIATION", "ketoan.hanoi", "chutich.hanoi", "01"),
            new Owner("ba-dinh", "Quỹ Khuyến học phường Ba Đình", "00004", "COMMUNE_ASSOCIATION", "ketoan.badinh", "chutich.badinh", "00004"),
            new Owner("ngoc-ha", "Quỹ Khuyến học phường Ngọc Hà", "00008", "COMMUNE_ASSOCIATION", "ketoan.ngocha", "chutich.ngocha", "00008"));

    static final String[] PEOPLE = {"Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thu Trang", "Phạm Quang Huy", "Hoàng Minh Châu", "Vũ Đức Long",
            "Đỗ Thị Mai", "Bùi Thanh Sơn"};
    static final String[] ORGANISATIONS = {"Công ty Cổ phần Sách Giáo dục Hà Nội", "Ngân hàng TMCP Thủ đô (chi nhánh Ba Đình)",
            "Hợp tác xã Dịch vụ Ngọc Hà", "Công ty TNHH Thiết bị Trường học Thăng Long"};

    private final Funds funds;
    private final Receipts receipts;
    private final Disbursements disbursements;
    private final FundLedger ledger;
    private final JdbcTemplate jdbc;
    private final boolean demo;
    private final String command;

    private final Association association;

    DemoFunds(Funds funds, Receipts receipts, Disbursements disbursements, FundLedger ledger, JdbcTemplate jdbc, Association association,
              @Value("${hoctap.demo:false}") boolean demo, @Value("${hoctap.command:}") String command) {
        this.association = association;
        this.funds = funds;
        this.receipts = receipts;
        this.disbursements = disbursements;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.demo = demo;
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || !command.isEmpty()) return;
        Integer n = jdbc.queryForObject("select count(*) from fund", Integer.class);
        if (n != null && n > 0) return;
        try {
            create(HanoiTime.today());
            log.info("Đã tạo các quỹ khuyến học minh họa / demo study-promotion funds created");
        } catch (RuntimeException e) {
            log.warn("Không tạo được quỹ minh họa / demo funds not created: {}", e.toString());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static void act(String username, Role role, String scope) {
        vn.hoctap.accounts.DemoActor.act(username, role, scope);
    }

    void create(LocalDate today) {
        int year = today.getYear();
        for (Owner o : OWNERS) {
            act(o.accountant(), Role.FUND_ACCOUNTANT, o.unit());
            Funds.Fund f = funds.create(o.code(), o.name(), o.unit(), o.kind(), o.unit().equals("01") ? 100_000_000 : 20_000_000);
            Random rnd = new Random(o.code().hashCode());
            int scale = o.unit().equals("01") ? 5 : 1;
            int k = 0;
            for (int m = 1; m <= today.getMonthValue(); m++) {
                int gifts = 4 + rnd.nextInt(5);
                for (int g = 0; g < gifts; g++) {
                    LocalDate d = LocalDate.of(year, m, 1 + rnd.nextInt(28));
                    if (d.isAfter(today)) d = today;
                    int kind = rnd.nextInt(10);
                    Receipts.Request r;
                    if (kind < 5) {
                        String name = PEOPLE[rnd.nextInt(PEOPLE.length)];
                        r = new Receipts.Request(d, "PERSON", name, rnd.nextInt(3) > 0, null, rnd.nextBoolean() ? "BANK" : "CASH", "VND",
                                null, null, null, (long) scale * (200 + rnd.nextInt(30)) * 10_000L, null, null, null, null, null, null);
                    } else if (kind < 8) {
                        r = new Receipts.Request(d, "ORGANISATION", ORGANISATIONS[rnd.nextInt(ORGANISATIONS.length)], true, null, "BANK", "VND",
                                null, null, null, (long) scale * (10 + rnd.nextInt(20)) * 1_000_000L, null, null, null, null, null, null);
                    } else {
                        r = new Receipts.Request(d, "ANONYMOUS", null, false, null, "CASH", "VND", null, null, null,
                                (long) scale * (50 + rnd.nextInt(100)) * 10_000L, null, null, null, null, null, null);
                    }
                    receipts.record(o.code(), r, "demo-" + o.code() + "-" + (k++));
                }
            }
            // an overseas Vietnamese gift in US dollars, books in kind, and the demo citizen's own gift
            receipts.record(o.code(), new Receipts.Request(LocalDate.of(year, 2, 12), "OVERSEAS", "Kiều bào Nguyễn Hữu Tâm (Paris)", true, null,
                    "BANK", "USD", new BigDecimal("500"), new BigDecimal("25280"), "Tỷ giá mua chuyển khoản của Vietcombank ngày 12/02/" + year,
                    null, null, null, null, null, null, null), "demo-" + o.code() + "-usd");
            receipts.record(o.code(), new Receipts.Request(LocalDate.of(year, 5, 20), "ORGANISATION", ORGANISATIONS[0], true, null,
                    "IN_KIND", "VND", null, null, null, 6_000_000L, "200 bộ sách giáo khoa lớp 1–5",
                    "Giá bìa của nhà xuất bản (hóa đơn kèm theo)", null, null, null, null), "demo-" + o.code() + "-books");
            if (o.unit().equals("00004")) {
                receipts.record(o.code(), new Receipts.Request(LocalDate.of(year, 3, 8), "PERSON", "Nguyễn Văn An", false, "congdan",
                        "BANK", "VND", null, null, null, 500_000L, null, null, null, null, null, null), "demo-" + o.code() + "-congdan");
                long pledge = receipts.pledge(o.code(), "ORGANISATION", ORGANISATIONS[1], true, 30_000_000L, LocalDate.of(year, 12, 31), null);
                receipts.record(o.code(), new Receipts.Request(LocalDate.of(year, 4, 2), "ORGANISATION", ORGANISATIONS[1], true, null, "BANK", "VND",
                        null, null, null, 15_000_000L, null, null, null, pledge, null, null), "demo-" + o.code() + "-pledge1");
            }
            // the city fund: a named scholarship with its own restricted account, and two gifts earmarked for it
            Long named = null;
            if (o.unit().equals("01")) {
                named = disbursements.createProgramme(o.code(), "Học bổng mang tên nhà giáo Nguyễn Thị Lan (minh họa) năm " + year, year,
                        "SCHOLARSHIP", "Học sinh giỏi toán có hoàn cảnh khó khăn, do gia đình nhà giáo đề nghị lập và đóng góp", 60_000_000L, true);
                receipts.record(o.code(), new Receipts.Request(LocalDate.of(year, 3, 20), "PERSON", "Gia đình nhà giáo Nguyễn Thị Lan (minh họa)",
                        true, null, "BANK", "VND", null, null, null, 40_000_000L, null, null, named, null, null, null), "demo-named-1");
                receipts.record(o.code(), new Receipts.Request(LocalDate.of(year, 4, 8), "ORGANISATION", ORGANISATIONS[3], true,
                        null, "BANK", "VND", null, null, null, 15_000_000L, null, null, named, null, null, null), "demo-named-2");
            }
            // the first half-year closed
            if (today.getMonthValue() > 6) ledger.closeThrough(o.code(), Period.of(year, 6));
            // the scholarship round: programme, awards prepared by the accountant, approved by the chair
            long programme = disbursements.createProgramme(o.code(), "Học bổng \"Vượt khó học giỏi\" năm " + year, year, "SCHOLARSHIP",
                    "Học sinh có hoàn cảnh khó khăn, học lực khá trở lên, được chi hội khuyến học thôn, tổ dân phố đề nghị",
                    (long) scale * 20_000_000L);
            List<Long> awards = new java.util.ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                awards.add(disbursements.prepare(o.code(), new Disbursements.Request("SCHOLARSHIP", programme, "PERSON",
                        String.format("P-%s-%06d", o.unit(), 1000 + i * 37), (long) scale * 2_000_000L, "BANK",
                        (20 + i) + "/QĐ-KH", LocalDate.of(year, 9, 5), "Chủ tịch Hội Khuyến học", null), "demo-" + o.code() + "-hb-" + i).id());
            }
            long centre = disbursements.prepare(o.code(), new Disbursements.Request("CENTRE", null, "ORGANISATION",
                    o.unit().equals("01") ? "Trung tâm học tập cộng đồng xã Sóc Sơn" : "Trung tâm học tập cộng đồng " + o.name().replace("Quỹ Khuyến học ", ""),
                    (long) scale * 3_000_000L, "CASH", "30/QĐ-KH", LocalDate.of(year, 10, 1), "Chủ tịch Hội Khuyến học", null), "demo-" + o.code() + "-centre").id();
            Long namedAward = named == null ? null : disbursements.prepare(o.code(), new Disbursements.Request("SCHOLARSHIP", named, "PERSON",
                    "P-00004-001500", 10_000_000L, "BANK", "41/QĐ-KH", LocalDate.of(year, 9, 6), "Chủ tịch Hội Khuyến học", null),
                    "demo-named-award-1").id();
            act(o.chair(), Role.ASSOCIATION_CHAIR, o.chairScope());
            for (long id : awards.subList(0, 5)) disbursements.approve(id);   // the sixth waits for approval
            disbursements.approve(centre);
            if (namedAward != null) disbursements.approve(namedAward);   // paid from the programme's restricted account
        }
        // the association's branches and committees of the two wards, with this year's members and dues
        String[][] branches = {
                {"00004", "Chi hội khuyến học tổ dân phố số 5", "VILLAGE", "48", "2400000"},
                {"00004", "Chi hội khuyến học tổ dân phố số 12", "VILLAGE", "35", "1750000"},
                {"00004", "Ban khuyến học dòng họ Nguyễn Đình", "CLAN", "62", "3100000"},
                {"00004", "Chi hội khuyến học Trường Tiểu học Ba Đình", "SCHOOL", "27", "1350000"},
                {"00008", "Chi hội khuyến học tổ dân phố số 3", "VILLAGE", "41", "2050000"},
                {"00008", "Chi hội khuyến học Hợp tác xã Dịch vụ Ngọc Hà", "ORGANISATION", "19", "950000"},
                {"00008", "Ban khuyến học dòng họ Trần", "CLAN", "33", "1650000"}};
        for (String[] b : branches) {
            Owner o = OWNERS.stream().filter(x -> x.unit().equals(b[0])).findFirst().orElseThrow();
            act(o.chair(), Role.ASSOCIATION_CHAIR, o.chairScope());
            long id = association.addBranch(b[0], b[1], b[2]);
            association.recordYear(id, year, Integer.parseInt(b[3]), Long.parseLong(b[4]));
        }
    }
}
