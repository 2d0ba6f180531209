package vn.hoctap.gnlc.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.gnlc.core.IndicatorMap;
import vn.hoctap.gnlc.core.KeyFeatures;
import vn.hoctap.gnlc.core.ReportDeadlinePolicy;
import vn.hoctap.gnlc.core.Verification;
import vn.hoctap.platform.ValidationException;

/**
 * Khung đặc điểm chính và tư cách thành viên GNLC: the Key Features as shipped (12 areas, verified) plus the features
 * the city administrator adds (marked "added by the city"), the platform's indicator mapping, and Hà Nội's membership
 * record with the report deadline read from it ({@link ReportDeadlinePolicy}).
 */
@Service
public class GnlcFramework {

    public static final String CITY = "01";

    /** Hà Nội's GNLC membership, with the platform's reading of the report deadline and the Award's eligibility. */
    public record Membership(LocalDate memberSince, String source, Verification verification, LocalDate reportDue,
                             LocalDate awardEligibleFrom) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final KeyFeatures base = KeyFeatures.load();
    private final IndicatorMap map = IndicatorMap.load();

    GnlcFramework(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
    }

    /** The framework: the shipped file and the city's own features. */
    public KeyFeatures framework() {
        List<KeyFeatures.Feature> city = jdbc.query("select * from gnlc_feature order by code", (rs, i) -> new KeyFeatures.Feature(
                rs.getString("code"), rs.getString("area_code"), rs.getString("wording_vi"), rs.getString("wording_en"),
                rs.getString("measurements_vi"), rs.getString("measurements_en"), rs.getString("source"),
                Verification.ofCode(rs.getString("verification"))));
        return base.withFeatures(city);
    }

    public IndicatorMap indicatorMap() {
        return map;
    }

    public Membership membership() {
        return jdbc.queryForObject("select * from gnlc_membership where city_code = ?", (rs, i) -> {
            LocalDate since = rs.getObject("member_since", LocalDate.class);
            return new Membership(since, rs.getString("source"), Verification.ofCode(rs.getString("verification")),
                    ReportDeadlinePolicy.biennialReportDue(since), ReportDeadlinePolicy.awardEligibleFrom(since));
        }, CITY);
    }

    /**
     * Adds a feature to an area (city administrator only), with the next free code {@code area.cN}; it is marked
     * {@link Verification#CITY}: the city's wording, not UIL's text.
     */
    @Transactional
    public String addFeature(String area, String wordingVi, String wordingEn, String measurementsVi, String measurementsEn,
                             String source) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.WRITE, CITY);
        if (!guard.requireUser().isAdmin()) {
            throw new org.springframework.security.access.AccessDeniedException("only the city administrator adds features");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (base.area(area).isEmpty()) errors.put("area", "gnlc.error.area");
        if (blank(wordingVi)) errors.put("wordingVi", "gnlc.error.wording-vi");
        if (blank(wordingEn)) errors.put("wordingEn", "gnlc.error.wording-en");
        if (blank(source)) errors.put("source", "gnlc.error.source");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        jdbc.queryForObject("select pg_advisory_xact_lock(7060, 1)", Object.class);
        Integer n = jdbc.queryForObject("select count(*) from gnlc_feature where area_code = ?", Integer.class, area);
        String code = area + ".c" + (n + 1);
        jdbc.update("""
                insert into gnlc_feature (code, area_code, wording_vi, wording_en, measurements_vi, measurements_en, source,
                    verification, created_by) values (?, ?, ?, ?, ?, ?, ?, 'C', ?)""",
                code, area, wordingVi.strip(), wordingEn.strip(), strip(measurementsVi), strip(measurementsEn), source.strip(),
                guard.requireUser().username());
        audit.record("gnlc.feature.add", "gnlc_feature", code, CITY, null,
                Map.of("area", area, "wording_vi", wordingVi.strip(), "wording_en", wordingEn.strip()), "Thêm đặc điểm " + code);
        return code;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
