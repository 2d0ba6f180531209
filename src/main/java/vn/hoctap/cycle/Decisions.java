package vn.hoctap.cycle;

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
import vn.hoctap.cycle.core.DecisionComparison;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;

/**
 * Quyết định công nhận: the legal decisions (số quyết định, ngày ban hành, cơ quan ban hành, the file) that recognise a
 * commune's PCGD-XMC standard (NĐ 20/2014/NĐ-CP; since NĐ 143/2025/NĐ-CP the Chủ tịch UBND tỉnh for PCGD levels 1–2 and
 * XMC level 1, the Bộ trưởng GDĐT for PCGD level 3 and XMC level 2 [S]), a learning-community rating (TT 25/2023/TT-BGDĐT
 * [V]), a learning title, or the city's titles. They are kept apart from the platform's computed "meets" and compared with
 * it ({@link DecisionComparison}). The national "Thành phố học tập" title has a record of its own and is what
 * {@code model.learning_city} reports; UNESCO GNLC membership is not this title.
 */
@Service
public class Decisions {

    public enum Kind { PCGD_XMC, LEARNING_COMMUNITY, LEARNING_TITLE, CITY_TITLE }

    /** The standards the platform computes per commune, and the indicator whose commune value says "meets". */
    static final Map<String, String> STANDARD_INDICATOR = Map.of("XMC2", "xmc.level2", "TH3", "pcgd.th3",
            "THCS3", "pcgd.thcs3_units", "MN5", "pcgd.mn5_units");

    public record Decision(long id, Kind kind, String unitCode, String standard, String subject, int year, String number,
                           LocalDate issuedOn, String issuer) {
    }

    public record NationalTitle(long id, String title, String number, LocalDate issuedOn, String issuer) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final UnitDirectory units;
    private final IndicatorValues values;
    private final Documents documents;

    Decisions(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, UnitDirectory units, IndicatorValues values, Documents documents) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.units = units;
        this.values = values;
        this.documents = documents;
    }

    @Transactional
    public long record(Kind kind, String unitCode, String standard, String subject, int year, String number, LocalDate issuedOn,
                       String issuer, String fileName, String contentType, byte[] file) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null) errors.put("kind", "cycle.error.kind");
        if (kind == Kind.CITY_TITLE && !Targets.CITY.equals(unitCode)) errors.put("unit", "cycle.error.city-title-unit");
        if (kind != Kind.CITY_TITLE && (unitCode == null || units.version(unitCode, LocalDate.of(2025, 7, 1)).isEmpty() || Targets.CITY.equals(unitCode))) {
            errors.put("unit", "cycle.error.unit");
        }
        if (kind == Kind.PCGD_XMC && (standard == null || !DecisionComparison.STANDARDS.contains(standard))) errors.put("standard", "cycle.error.standard");
        if (subject == null || subject.isBlank()) errors.put("subject", "cycle.error.subject");
        if (number == null || !number.strip().matches("\\d+/[\\p{L}\\p{N}Đđ-]+")) errors.put("number", "cycle.error.decision-number");
        if (issuedOn == null || issuedOn.isAfter(vn.hoctap.platform.HanoiTime.today())) errors.put("issuedOn", "cycle.error.decision-date");
        if (issuer == null || issuer.isBlank()) errors.put("issuer", "cycle.error.issuer");
        if (year < 2020 || year > 2035) errors.put("year", "cycle.error.year");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.WRITE, unitCode);
        Integer dup = jdbc.queryForObject("select count(*) from cycle_decision where number = ? and issuer = ? and unit_code = ? and kind = ?",
                Integer.class, number.strip(), issuer.strip(), unitCode, kind.name());
        if (dup != null && dup > 0) throw ValidationException.of("number", "cycle.error.decision-duplicate");
        Long id = jdbc.queryForObject("""
                insert into cycle_decision (kind, unit_code, standard, subject, year, number, issued_on, issuer, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, kind.name(), unitCode, kind == Kind.PCGD_XMC ? standard : null,
                subject.strip(), year, number.strip(), issuedOn, issuer.strip(), guard.requireUser().username());
        if (file != null && file.length > 0) documents.store("decision", id, unitCode, fileName, contentType, file);
        audit.record("create", "cycle_decision", String.valueOf(id), unitCode, null,
                Map.of("kind", kind.name(), "number", number.strip(), "issued_on", issuedOn.toString(), "issuer", issuer.strip(),
                        "subject", subject.strip()), null);
        return id;
    }

    /** The decisions of a year the user may read. */
    public List<Decision> ofYear(int year) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        return jdbc.query("select * from cycle_decision where year = ? order by unit_code, kind, issued_on", this::map, year)
                .stream().filter(d -> guard.canRead(d.unitCode()) || d.kind() == Kind.CITY_TITLE).toList();
    }

    /**
     * The decisions compared with the computed standards of a data year, for the communes the user may read: who meets
     * without a decision, and which decisions the computation does not support.
     */
    public DecisionComparison.Result compare(int year) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        Map<DecisionComparison.Key, Boolean> computed = new LinkedHashMap<>();
        if (values.years().contains(year)) {
            IndicatorValues.YearValues yv = values.forYear(year);
            STANDARD_INDICATOR.forEach((std, indicator) -> yv.values().getOrDefault(indicator, Map.of()).forEach((code, v) -> {
                if (!code.equals(Targets.CITY) && code.length() == 5 && v.present() && guard.canRead(code)) {
                    // a status (1/0) or the commune's share (100 when it meets the standard)
                    computed.put(new DecisionComparison.Key(code, std), v.value() >= 1);
                }
            }));
        }
        Map<DecisionComparison.Key, String> decided = new LinkedHashMap<>();
        for (Decision d : ofYear(year)) {
            if (d.kind() == Kind.PCGD_XMC && guard.canRead(d.unitCode())) {
                decided.put(new DecisionComparison.Key(d.unitCode(), d.standard()), d.number());
            }
        }
        return DecisionComparison.compare(computed, decided);
    }

    /** Records the national "Thành phố học tập" title (the city only); model.learning_city reports it from then on. */
    @Transactional
    public long recordNationalTitle(String title, String number, LocalDate issuedOn, String issuer) {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.APPROVE, Targets.CITY);
        Map<String, String> errors = new LinkedHashMap<>();
        if (title == null || title.isBlank()) errors.put("title", "cycle.error.title");
        if (number == null || !number.strip().matches("\\d+/[\\p{L}\\p{N}Đđ-]+")) errors.put("number", "cycle.error.decision-number");
        if (issuedOn == null || issuedOn.isAfter(vn.hoctap.platform.HanoiTime.today())) errors.put("issuedOn", "cycle.error.decision-date");
        if (issuer == null || issuer.isBlank()) errors.put("issuer", "cycle.error.issuer");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Long id = jdbc.queryForObject("""
                insert into cycle_national_title (title, number, issued_on, issuer, recorded_by) values (?, ?, ?, ?, ?) returning id""",
                Long.class, title.strip(), number.strip(), issuedOn, issuer.strip(), guard.requireUser().username());
        values.store("model.learning_city", issuedOn.getYear(), Map.of(Targets.CITY, new double[] {1, 0}),
                "Quyết định " + number.strip() + " ngày " + issuedOn + " (" + issuer.strip() + ")");
        audit.record("create", "cycle_national_title", String.valueOf(id), Targets.CITY, null,
                Map.of("title", title.strip(), "number", number.strip(), "issued_on", issuedOn.toString(), "issuer", issuer.strip()), null);
        return id;
    }

    public List<NationalTitle> nationalTitles() {
        guard.require(DataKind.PLANS_AND_INSPECTION, AccessAction.READ);
        return jdbc.query("select * from cycle_national_title order by issued_on", (rs, i) -> new NationalTitle(rs.getLong("id"),
                rs.getString("title"), rs.getString("number"), rs.getObject("issued_on", LocalDate.class), rs.getString("issuer")));
    }

    private Decision map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Decision(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getString("unit_code"), rs.getString("standard"),
                rs.getString("subject"), rs.getInt("year"), rs.getString("number"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("issuer"));
    }
}
