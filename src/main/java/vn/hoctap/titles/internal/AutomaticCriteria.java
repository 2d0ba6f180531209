package vn.hoctap.titles.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.hoctap.register.RegisterStandards;
import vn.hoctap.standards.core.Person;
import vn.hoctap.titles.core.CriteriaSet;

/**
 * Tiêu chí tự động: items the platform already knows, filled in from data with their evidence instead of typed.
 * <ul>
 * <li>Gia đình học tập 1.1 "Trẻ em ở độ tuổi phổ cập đều được đến trường" (QĐ 448/QĐ-KHVN tiêu chí 1): from the
 * population education register, the household's children aged 6–14 in the data year (age = year − birth year),
 * each enrolled (enrolment ≠ none) or exempt ("trừ trường hợp … không có khả năng học tập": the standards rule file's
 * {@code exempt}, by default {@code disability = cannot_learn}): 10 points when all are, 0 otherwise; a household with no child of that age gets the full points.</li>
 * <li>Cộng đồng học tập (thôn, TDP) 2.1 "Tỷ lệ hộ đạt Gia đình học tập": from this module's own results, the
 * village's families recognised (decided or published) in campaigns of the same year, over the village's
 * households in the register (persons whose village name is the village's); points = 20 × share / 70 %, at
 * most 20 (the draft's "≥ 70 % được 20 điểm", chưa xác minh).</li>
 * </ul>
 * <li>Công dân học tập 1.2 "Tham gia học tập tại TTHTCĐ hoặc lớp học ở cơ sở" (every {@code cdht-*} set that has it),
 * when the evaluation names a register person id: from the lifelong learning record (issue 12), the courses and hours
 * that started in the campaign year; at least one course → full points, none → 0 (the platform's rule, chưa xác
 * minh). Without a person id the item stays typed.</li>
 * </ul>
 * The register year used is the campaign year, else the latest earlier year in the register.
 */
@Component
public class AutomaticCriteria {

    /** An automatically filled indicator: its points and the evidence shown next to it. */
    public record Filled(int points, String evidence) {
    }

    static final String FAMILY_SET = "gdht";
    static final String FAMILY_SCHOOL = "1.1";
    static final String VILLAGE_SET = "cdht-village";
    static final String VILLAGE_FAMILIES = "2.1";

    static final String CITIZEN_LEARNING = "1.2";

    private final RegisterStandards register;
    private final JdbcTemplate jdbc;
    private final vn.hoctap.learning.LearningRecord learning;

    AutomaticCriteria(RegisterStandards register, JdbcTemplate jdbc, vn.hoctap.learning.LearningRecord learning) {
        this.register = register;
        this.jdbc = jdbc;
        this.learning = learning;
    }

    /** Whether an indicator of a set is filled automatically. */
    public static boolean isAutomatic(String setId, String indicatorId) {
        return FAMILY_SET.equals(setId) && FAMILY_SCHOOL.equals(indicatorId)
                || VILLAGE_SET.equals(setId) && VILLAGE_FAMILIES.equals(indicatorId);
    }

    /** Whether the platform can fill an indicator of a set from its data (so the editor offers "automatic"). */
    public static boolean canFill(String setId, String indicatorId) {
        return isAutomatic(setId, indicatorId) || setId.startsWith("cdht-") && CITIZEN_LEARNING.equals(indicatorId);
    }

    /** Whether an indicator of this set version is filled automatically: the platform can, and the set does not say "manual". */
    public static boolean isAutomatic(CriteriaSet set, String indicatorId) {
        return canFill(set.id(), indicatorId) && set.indicator(indicatorId).map(i -> !i.manual()).orElse(false);
    }

    Integer registerYear(int year) {
        List<Integer> years = register.years();
        Integer best = null;
        for (int y : years) {
            if (y <= year && (best == null || y > best)) best = y;
        }
        return best;
    }

    public Map<String, Filled> fill(Campaigns.Dossier d, Campaigns.Campaign c, CriteriaSet set) {
        Map<String, Filled> out = new LinkedHashMap<>();
        if (set.id().equals(FAMILY_SET) && isAutomatic(set, FAMILY_SCHOOL)) {
            out.put(FAMILY_SCHOOL, familySchool(d, c.year(), set.indicator(FAMILY_SCHOOL).get().maxPoints()));
        }
        if (set.id().equals(VILLAGE_SET) && isAutomatic(set, VILLAGE_FAMILIES)) {
            out.put(VILLAGE_FAMILIES, villageFamilies(d, c.year(), set.indicator(VILLAGE_FAMILIES).get().maxPoints()));
        }
        if (set.id().startsWith("cdht-") && d.subjectType() == vn.hoctap.titles.core.SubjectType.CITIZEN
                && isAutomatic(set, CITIZEN_LEARNING)) {
            String person = jdbc.queryForList("select person_id from titles_evaluation where id = ? and person_id is not null", String.class,
                    d.id()).stream().findFirst().orElse(null);
            if (person != null) {
                out.put(CITIZEN_LEARNING, citizenLearning(person, c.year(), set.indicator(CITIZEN_LEARNING).get().maxPoints()));
            }
        }
        return out;
    }

    Filled familySchool(Campaigns.Dossier d, int year, int max) {
        Integer ry = registerYear(year);
        if (d.householdId() == null) {
            return new Filled(0, "Chưa gắn hộ trong sổ phổ cập (mã hộ) nên không tính tự động được: 0 điểm. "
                    + "/ No register household linked: 0 points.");
        }
        if (ry == null) {
            return new Filled(0, "Chưa có sổ phổ cập cho năm " + year + ": 0 điểm. / No register for the year: 0 points.");
        }
        int[] children = new int[3]; // school age, enrolled, exempt
        // who cannot learn: the standards rule file's define | exempt (one definition for the register)
        vn.hoctap.standards.core.expression.PersonTest exemptRule = vn.hoctap.standards.core.RuleSet.defaults().exempt();
        StringBuilder who = new StringBuilder();
        register.forEachPerson(ry, d.communeCode(), (Person p) -> {
            if (!d.householdId().equals(p.householdId())) return;
            int age = ry - p.birthYear();
            if (age < 6 || age > 14) return;
            children[0]++;
            boolean enrolled = p.enrolment() != null && p.enrolment() != Person.Enrolment.NONE;
            boolean exempt = !enrolled && exemptRule.test(p, ry);
            if (enrolled) children[1]++;
            if (exempt) children[2]++;
            if (who.length() > 0) who.append("; ");
            who.append(p.personId()).append(" (").append(age).append(" tuổi, ")
                    .append(enrolled ? p.enrolment().code() + (p.grade() == null ? "" : " lớp " + p.grade()) : exempt ? "miễn: khuyết tật" : "không đi học")
                    .append(')');
        });
        boolean all = children[1] + children[2] == children[0];
        String evidence = "Sổ phổ cập năm " + ry + ", hộ " + d.householdId() + ": " + children[0] + " trẻ 6–14 tuổi, "
                + children[1] + " đang đi học" + (children[2] > 0 ? ", " + children[2] + " được miễn" : "")
                + (who.length() > 0 ? " — " + who : "") + ". / Register " + ry + ": " + children[0] + " children aged 6–14, "
                + children[1] + " enrolled.";
        return new Filled(all ? max : 0, evidence);
    }

    Filled villageFamilies(Campaigns.Dossier d, int year, int max) {
        if (d.villageId() == null) {
            return new Filled(0, "Hồ sơ chưa gắn thôn, tổ dân phố: 0 điểm. / No village linked: 0 points.");
        }
        Integer recognised = jdbc.queryForObject("""
                select count(*) from titles_evaluation e join titles_campaign c on c.id = e.campaign_id
                where e.subject_type = 'FAMILY' and e.village_id = ? and c.year = ? and e.status in ('RECOGNISED', 'PUBLISHED')""",
                Integer.class, d.villageId(), year);
        Integer registered = jdbc.queryForObject("""
                select count(*) from titles_evaluation e join titles_campaign c on c.id = e.campaign_id
                where e.subject_type = 'FAMILY' and e.village_id = ? and c.year = ? and e.status <> 'REVOKED'""",
                Integer.class, d.villageId(), year);
        String villageName = jdbc.query("select name from village where id = ?", (rs, n) -> rs.getString(1), d.villageId())
                .stream().findFirst().orElse("?");
        Integer ry = registerYear(year);
        long households = 0;
        if (ry != null) {
            java.util.Set<String> hh = new java.util.HashSet<>();
            register.forEachPerson(ry, d.communeCode(), p -> {
                if (p.village() != null && p.village().strip().equalsIgnoreCase(villageName.strip())) hh.add(p.householdId());
            });
            households = hh.size();
        }
        String base;
        long denominator;
        if (households > 0) {
            denominator = households;
            base = households + " hộ trong sổ phổ cập năm " + ry;
        } else {
            denominator = registered == null ? 0 : registered;
            base = denominator + " hộ đăng ký danh hiệu (sổ phổ cập không có hộ nào của thôn này)";
        }
        int n = recognised == null ? 0 : recognised;
        double share = denominator == 0 ? 0 : n * 1.0 / denominator;
        int points = (int) Math.min(max, Math.floor(max * share / 0.7));
        String evidence = String.format(java.util.Locale.ROOT,
                "%s: %d gia đình được công nhận Gia đình học tập năm %d / %s = %.1f %% → %d điểm (20 điểm từ 70 %%, bản nháp chưa xác minh)."
                        + " / %d of %d households recognised as learning families.",
                villageName, n, year, base, share * 100, points, n, denominator);
        return new Filled(points, evidence);
    }

    Filled citizenLearning(String personId, int year, int max) {
        var y = learning.summary(personId, year);
        int points = y.courses() > 0 ? max : 0;
        String hours = y.hours().stripTrailingZeros().toPlainString();
        return new Filled(points, "Hồ sơ học tập năm " + year + ": " + y.courses() + " khóa, lớp (" + y.verifiedCourses()
                + " do đơn vị xác nhận), " + hours + " giờ → " + points + " điểm (từ 1 khóa học được đủ điểm, quy tắc của nền tảng, chưa xác minh)."
                + " / Learning record " + year + ": " + y.courses() + " courses, " + hours + " hours.");
    }
}
