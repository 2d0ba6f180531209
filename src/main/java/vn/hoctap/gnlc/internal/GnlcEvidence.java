package vn.hoctap.gnlc.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.gnlc.core.AnswerDraft;
import vn.hoctap.gnlc.core.EvidenceStrengthPolicy;
import vn.hoctap.gnlc.core.EvidenceStrengthPolicy.Item;
import vn.hoctap.gnlc.core.EvidenceStrengthPolicy.Judgement;
import vn.hoctap.gnlc.core.KeyFeatures;
import vn.hoctap.indicators.core.IndicatorDefinition;
import vn.hoctap.indicators.IndicatorValues;
import vn.hoctap.indicators.Targets;
import vn.hoctap.platform.FileTypes;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitVersion;

/**
 * Bằng chứng theo đặc điểm: for each area or feature, the platform's indicators mapped to it (latest city value and
 * its change), the records officers add (documents, practices, events, partnerships, photos: dates, owner, language,
 * the commune concerned) and the international cooperation linked to it; the gap view judged by
 * {@link EvidenceStrengthPolicy}. A commune officer adds evidence of their own commune; city roles of the city.
 */
@Service
public class GnlcEvidence {

    public static final Set<String> KINDS = Set.of("DOCUMENT", "PRACTICE", "EVENT", "PARTNERSHIP", "PHOTO");
    public static final Set<String> COOPERATION_KINDS = Set.of("PARTNER_CITY", "CLUSTER", "VISIT", "JOINT_PROJECT");
    static final int MAX_FILE = 5 * 1024 * 1024;
    /** What an evidence file may be: PDF, images, Word, Excel, OpenDocument text or plain text (judged from the bytes). */
    static final List<String> FILE_TYPES = List.of("application/pdf", "image/jpeg", "image/png", "image/webp", "image/gif",
            "image/heic", FileTypes.DOCX, FileTypes.DOC, FileTypes.XLSX, FileTypes.ODT, "text/plain");

    public record Evidence(long id, String target, String kind, String titleVi, String titleEn, String descriptionVi,
                           String descriptionEn, LocalDate dateFrom, LocalDate dateTo, String owner, String language,
                           String unitCode, String unitName, String link, String fileName, String createdBy,
                           OffsetDateTime createdAt) {
    }

    public record NewEvidence(String target, String kind, String titleVi, String titleEn, String descriptionVi,
                              String descriptionEn, LocalDate dateFrom, LocalDate dateTo, String owner, String language,
                              String unitCode, String link, String fileName, String fileType, byte[] file) {
    }

    public record Cooperation(long id, String kind, String partner, String country, String titleVi, String titleEn,
                              LocalDate dateFrom, LocalDate dateTo, String outcomesVi, String outcomesEn, String target) {
    }

    public record NewCooperation(String kind, String partner, String country, String titleVi, String titleEn,
                                 LocalDate dateFrom, LocalDate dateTo, String outcomesVi, String outcomesEn, String target) {
    }

    /** An indicator as evidence: its latest city value and the previous one. */
    public record IndicatorEvidence(String id, String nameVi, String nameEn, boolean status, int year, double value,
                                    Integer previousYear, Double previousValue, String source) {
        public AnswerDraft.Statistic statistic() {
            return new AnswerDraft.Statistic(nameVi, nameEn, status, year, value, previousYear, previousValue);
        }
    }

    /** One row of the gap view: an area or a feature, what it has, and how strong that is. */
    public record GapRow(String code, boolean area, String nameVi, String nameEn, int indicators, Map<String, Integer> records,
                         Judgement judgement) {
    }

    public record AreaGap(KeyFeatures.Area area, Judgement judgement, List<GapRow> rows) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final GnlcFramework framework;
    private final IndicatorValues values;
    private final Targets targets;
    private final UnitDirectory units;

    GnlcEvidence(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, GnlcFramework framework, IndicatorValues values,
                 Targets targets, UnitDirectory units) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.framework = framework;
        this.values = values;
        this.targets = targets;
        this.units = units;
    }

    String unitName(String code) {
        return units.version(code, HanoiTime.today()).map(UnitVersion::name).orElse(code);
    }

    /** The units where the user may add evidence: the city (city roles) and their communes. */
    public List<UnitVersion> writableUnits() {
        if (!guard.allows(DataKind.GNLC_EVIDENCE, AccessAction.WRITE)) return List.of();
        return units.unitsOn(HanoiTime.today()).stream()
                .filter(u -> u.level() != vn.hoctap.units.core.UnitLevel.DISTRICT && guard.canWrite(u.code())).toList();
    }

    /** Whether the user sees a record of this unit: the city's records, and those of the units they read. */
    boolean visible(String unitCode) {
        return unitCode.equals(GnlcFramework.CITY) || guard.canRead(unitCode);
    }

    private Evidence row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Evidence(rs.getLong("id"), rs.getString("target_code"), rs.getString("kind"), rs.getString("title_vi"),
                rs.getString("title_en"), rs.getString("description_vi"), rs.getString("description_en"),
                rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class), rs.getString("owner"),
                rs.getString("language"), rs.getString("unit_code"), unitName(rs.getString("unit_code")), rs.getString("link"),
                rs.getString("file_name"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
    }

    static final String COLUMNS = "id, target_code, kind, title_vi, title_en, description_vi, description_en, date_from, date_to,"
            + " owner, language, unit_code, link, file_name, created_by, created_at";

    /** The records of a target (or of all targets when null) that the user may see, newest first. */
    public List<Evidence> evidence(String target) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.READ);
        List<Evidence> all = target == null
                ? jdbc.query("select " + COLUMNS + " from gnlc_evidence order by date_from desc, id desc", (rs, i) -> row(rs))
                : jdbc.query("select " + COLUMNS + " from gnlc_evidence where target_code = ? order by date_from desc, id desc",
                        (rs, i) -> row(rs), target);
        return all.stream().filter(e -> visible(e.unitCode())).toList();
    }

    @Transactional
    public long add(NewEvidence e) {
        String unit = e.unitCode() == null || e.unitCode().isBlank() ? GnlcFramework.CITY : e.unitCode().strip();
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.WRITE, unit);
        KeyFeatures fw = framework.framework();
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.target() == null || !fw.hasTarget(e.target())) errors.put("target", "gnlc.error.target");
        if (e.kind() == null || !KINDS.contains(e.kind())) errors.put("kind", "gnlc.error.kind");
        if (GnlcFramework.blank(e.titleVi())) errors.put("titleVi", "gnlc.error.title-vi");
        if (e.dateFrom() == null) errors.put("dateFrom", "gnlc.error.date");
        else if (e.dateTo() != null && e.dateTo().isBefore(e.dateFrom())) errors.put("dateTo", "gnlc.error.date-order");
        if (GnlcFramework.blank(e.owner())) errors.put("owner", "gnlc.error.owner");
        if (!"vi".equals(e.language()) && !"en".equals(e.language())) errors.put("language", "gnlc.error.language");
        if (e.link() != null && !e.link().isBlank() && !e.link().strip().matches("https?://\\S+")) errors.put("link", "gnlc.error.link");
        if (e.file() != null && e.file().length > MAX_FILE) errors.put("file", "gnlc.error.file-size");
        boolean hasFile = e.file() != null && e.file().length > 0;
        String fileType = null;
        if (hasFile && !errors.containsKey("file")) {
            // the real type from the content (Apache Tika), which must be the declared type and the extension's
            if ("PHOTO".equals(e.kind()) && !FileTypes.detect(e.file()).startsWith("image/")) {
                errors.put("file", "gnlc.error.photo");
            } else {
                try {
                    fileType = FileTypes.require("file", e.file(), e.fileType(), e.fileName(), FILE_TYPES, "gnlc.error.file-type");
                } catch (ValidationException ex) {
                    errors.putAll(ex.errors());
                }
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Long id = jdbc.queryForObject("""
                insert into gnlc_evidence (target_code, kind, title_vi, title_en, description_vi, description_en, date_from, date_to,
                    owner, language, unit_code, link, file_name, file_type, file_bytes, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                e.target(), e.kind(), e.titleVi().strip(), GnlcFramework.strip(e.titleEn()), GnlcFramework.strip(e.descriptionVi()),
                GnlcFramework.strip(e.descriptionEn()), e.dateFrom(), e.dateTo(), e.owner().strip(), e.language(), unit,
                GnlcFramework.strip(e.link()), hasFile ? e.fileName() : null, fileType, hasFile ? e.file() : null,
                guard.requireUser().username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("target", e.target());
        after.put("kind", e.kind());
        after.put("title_vi", e.titleVi().strip());
        after.put("date_from", e.dateFrom().toString());
        after.put("unit", unit);
        after.put("file", hasFile ? e.fileName() : null);
        audit.record("gnlc.evidence.add", "gnlc_evidence", String.valueOf(id), unit, null, after, "Thêm bằng chứng cho " + e.target());
        return id;
    }

    /**
     * Removes a record (a mistake, a duplicate): whoever may add evidence of the record's unit; audited with what it
     * said. Answers already drafted from it keep their text.
     */
    @Transactional
    public void delete(long id) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.WRITE);
        List<Evidence> rows = jdbc.query("select " + COLUMNS + " from gnlc_evidence where id = ?", (rs, i) -> row(rs), id);
        if (rows.isEmpty() || !visible(rows.get(0).unitCode())) throw new NotFoundException("gnlc.error.not-found");
        Evidence e = rows.get(0);
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.WRITE, e.unitCode());
        jdbc.update("delete from gnlc_evidence where id = ?", id);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("target", e.target());
        before.put("kind", e.kind());
        before.put("title_vi", e.titleVi());
        before.put("date_from", e.dateFrom().toString());
        before.put("unit", e.unitCode());
        before.put("created_by", e.createdBy());
        audit.record("gnlc.evidence.delete", "gnlc_evidence", String.valueOf(id), e.unitCode(), before, null,
                "Xóa bằng chứng của " + e.target());
    }

    /** A record's file: name, type, bytes (only when the user may see the record). */
    public record StoredFile(String name, String type, byte[] bytes) {
    }

    public StoredFile file(long id) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.READ);
        List<Object[]> rows = jdbc.query("select unit_code, file_name, file_type, file_bytes from gnlc_evidence where id = ? and file_bytes is not null",
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)}, id);
        if (rows.isEmpty() || !visible((String) rows.get(0)[0])) throw new NotFoundException("gnlc.error.not-found");
        Object[] r = rows.get(0);
        return new StoredFile((String) r[1], (String) r[2], (byte[]) r[3]);
    }

    public List<Cooperation> cooperation() {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.READ);
        return jdbc.query("select * from gnlc_cooperation order by date_from desc, id desc", (rs, i) -> new Cooperation(rs.getLong("id"),
                rs.getString("kind"), rs.getString("partner"), rs.getString("country"), rs.getString("title_vi"), rs.getString("title_en"),
                rs.getObject("date_from", LocalDate.class), rs.getObject("date_to", LocalDate.class), rs.getString("outcomes_vi"),
                rs.getString("outcomes_en"), rs.getString("target_code")));
    }

    public List<Cooperation> cooperation(String target) {
        return cooperation().stream().filter(c -> c.target().equals(target)).toList();
    }

    /** International cooperation is the city's (city roles). */
    @Transactional
    public long addCooperation(NewCooperation c) {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.WRITE, GnlcFramework.CITY);
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.kind() == null || !COOPERATION_KINDS.contains(c.kind())) errors.put("kind", "gnlc.error.kind");
        if (GnlcFramework.blank(c.partner())) errors.put("partner", "gnlc.error.partner");
        if (GnlcFramework.blank(c.titleVi())) errors.put("titleVi", "gnlc.error.title-vi");
        if (c.dateFrom() == null) errors.put("dateFrom", "gnlc.error.date");
        else if (c.dateTo() != null && c.dateTo().isBefore(c.dateFrom())) errors.put("dateTo", "gnlc.error.date-order");
        if (c.target() == null || !framework.framework().hasTarget(c.target())) errors.put("target", "gnlc.error.target");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        Long id = jdbc.queryForObject("""
                insert into gnlc_cooperation (kind, partner, country, title_vi, title_en, date_from, date_to, outcomes_vi, outcomes_en,
                    target_code, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                c.kind(), c.partner().strip(), GnlcFramework.strip(c.country()), c.titleVi().strip(), GnlcFramework.strip(c.titleEn()),
                c.dateFrom(), c.dateTo(), GnlcFramework.strip(c.outcomesVi()), GnlcFramework.strip(c.outcomesEn()), c.target(),
                guard.requireUser().username());
        audit.record("gnlc.cooperation.add", "gnlc_cooperation", String.valueOf(id), GnlcFramework.CITY, null,
                Map.of("kind", c.kind(), "partner", c.partner().strip(), "title_vi", c.titleVi().strip(), "target", c.target()),
                "Thêm hợp tác quốc tế: " + c.partner().strip());
        return id;
    }

    /** The platform's indicators mapped to a target that have a city value: latest and previous data year. */
    public List<IndicatorEvidence> indicators(String target) {
        List<IndicatorEvidence> out = new ArrayList<>();
        List<String> ids = framework.indicatorMap().indicatorsOf(target);
        if (ids.isEmpty()) return out;
        List<Integer> years = values.years();
        for (String id : ids) {
            IndicatorDefinition d;
            try {
                d = targets.definition(id);
            } catch (RuntimeException e) {
                continue;
            }
            Integer latest = null, previous = null;
            IndicatorValues.Value lv = null, pv = null;
            for (int i = years.size() - 1; i >= 0 && previous == null; i--) {
                IndicatorValues.Value v = values.forYear(years.get(i)).city(id);
                if (v == null || !v.present()) continue;
                if (latest == null) {
                    latest = years.get(i);
                    lv = v;
                } else {
                    previous = years.get(i);
                    pv = v;
                }
            }
            if (latest == null) continue;
            out.add(new IndicatorEvidence(id, d.nameVi(), d.nameEn(), d.isStatus(), latest, lv.value(), previous,
                    pv == null ? null : pv.value(), lv.source()));
        }
        return out;
    }

    /** The evidence items of a target, as the strength policy sees them. */
    List<Item> items(String target, List<Evidence> evidence, List<Cooperation> cooperation, Map<String, List<IndicatorEvidence>> indicators) {
        List<Item> items = new ArrayList<>();
        indicators.computeIfAbsent(target, this::indicators).forEach(i -> items.add(new Item("INDICATOR", LocalDate.of(i.year(), 12, 31))));
        evidence.stream().filter(e -> e.target().equals(target))
                .forEach(e -> items.add(new Item(e.kind(), e.dateTo() != null ? e.dateTo() : e.dateFrom())));
        cooperation.stream().filter(c -> c.target().equals(target))
                .forEach(c -> items.add(new Item("COOPERATION", c.dateTo() != null ? c.dateTo() : c.dateFrom())));
        return items;
    }

    /** The gap view: every area with its own row and one row per feature, each judged. */
    public List<AreaGap> gap() {
        guard.require(DataKind.GNLC_EVIDENCE, AccessAction.READ);
        KeyFeatures fw = framework.framework();
        List<Evidence> evidence = evidence(null);
        List<Cooperation> cooperation = cooperation();
        Map<String, List<IndicatorEvidence>> indicators = new LinkedHashMap<>();
        LocalDate today = HanoiTime.today();
        List<AreaGap> out = new ArrayList<>();
        for (KeyFeatures.Area a : fw.areas()) {
            List<GapRow> rows = new ArrayList<>();
            List<List<Item>> all = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            codes.add(a.code());
            fw.featuresOf(a.code()).forEach(f -> codes.add(f.code()));
            for (String code : codes) {
                List<Item> items = items(code, evidence, cooperation, indicators);
                all.add(items);
                Map<String, Integer> records = new java.util.TreeMap<>();
                items.stream().filter(i -> !i.kind().equals("INDICATOR")).forEach(i -> records.merge(i.kind(), 1, Integer::sum));
                boolean isArea = code.equals(a.code());
                KeyFeatures.Feature f = isArea ? null : fw.feature(code).orElseThrow();
                rows.add(new GapRow(code, isArea, isArea ? a.nameVi() : f.wordingVi(), isArea ? a.nameEn() : f.wordingEn(),
                        indicators.get(code).size(), records, EvidenceStrengthPolicy.judge(items, today)));
            }
            out.add(new AreaGap(a, EvidenceStrengthPolicy.judgeAll(all, today), rows));
        }
        return out;
    }
}
