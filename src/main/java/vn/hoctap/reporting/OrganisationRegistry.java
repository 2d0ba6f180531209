package vn.hoctap.reporting;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.platform.VietnameseText;
import vn.hoctap.reporting.core.OrganisationKind;
import vn.hoctap.standards.core.CsvParser;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/**
 * Sổ danh mục cơ quan, tổ chức: the complete register of the organisations of each commune (agencies, schools by
 * level and ownership, GDNN-GDTX centres, universities, community learning centres, enterprises), whether they
 * report or not, with dates ({@code valid_from}, {@code valid_until}) and the former commune before the 2025 reform.
 * It is the denominator of the reported indicators. Imported from the exchange format of
 * {@code docs/contracts/organisations-csv.md} (all or nothing, errors located by line and column) and edited by
 * officers of the organisation's commune or the city. Grown from {@code reporting_organisation} rather than a new
 * module so that the reports keep their foreign keys and no module cycle appears (decision, docs/reporting.md).
 */
@Service
public class OrganisationRegistry {

    public static final List<String> HEADER = List.of("code", "name", "kind", "school_level", "ownership", "commune_code",
            "staff", "valid_from", "valid_until", "former_commune_code");
    /** Optional columns (organisations-csv.md version 2): absent in a version-1 file, which then keeps the stored value. */
    public static final String IT_STAFF = "it_staff";
    /** The header written by the export (version 2). */
    public static final List<String> EXPORT_HEADER = java.util.stream.Stream.concat(HEADER.stream(), java.util.stream.Stream.of(IT_STAFF)).toList();
    public static final List<String> LEVELS = List.of("mam_non", "tieu_hoc", "thcs", "thpt", "lien_cap", "gdnn_gdtx");

    /** One organisation with its register facts. */
    public record Entry(long id, String code, String name, OrganisationKind kind, String schoolLevel, String ownership,
                        String communeCode, Integer staff, LocalDate validFrom, LocalDate validUntil,
                        String formerCommuneCode, boolean synthetic, Integer itStaff) {
        public boolean inForce(LocalDate d) {
            return !validFrom.isAfter(d) && (validUntil == null || validUntil.isAfter(d));
        }
    }

    /** A located error of an import: line (the header is line 1), column, value and message key. */
    public record ImportError(int line, String column, String value, String reason) {
    }

    /** What an import did (or would do, on a dry run). */
    public record ImportResult(boolean dryRun, int inserted, int updated, int unchanged, List<ImportError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Row(int line, String code, String name, OrganisationKind kind, String level, String ownership, String commune,
                       Integer staff, LocalDate from, LocalDate until, String former, boolean hasItStaff, Integer itStaff) {
    }

    private final JdbcTemplate jdbc;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final UnitDirectory units;

    public OrganisationRegistry(JdbcTemplate jdbc, AccessGuard guard, AuditLog audit, UnitDirectory units) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.units = units;
    }

    private static Entry map(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Date until = rs.getDate("valid_until");
        return new Entry(rs.getLong("id"), rs.getString("code"), rs.getString("name"), OrganisationKind.fromCode(rs.getString("kind")),
                rs.getString("school_level"), rs.getString("ownership"), rs.getString("commune_code"),
                rs.getObject("staff") == null ? null : rs.getInt("staff"), rs.getDate("valid_from").toLocalDate(),
                until == null ? null : until.toLocalDate(), rs.getString("former_commune_code"), rs.getBoolean("synthetic"),
                rs.getObject("it_staff") == null ? null : rs.getInt("it_staff"));
    }

    /** The register entries of a commune (or of all readable communes when null) that the user may read. */
    public List<Entry> entries(String communeCode) {
        guard.require(DataKind.ORGANISATIONS, AccessAction.READ);
        List<Entry> all = communeCode == null || communeCode.isBlank()
                ? jdbc.query("select * from reporting_organisation order by commune_code, kind, name", (rs, i) -> map(rs))
                : jdbc.query("select * from reporting_organisation where commune_code = ? order by kind, name", (rs, i) -> map(rs),
                communeCode.strip());
        return all.stream().filter(e -> guard.canRead(e.communeCode())).toList();
    }

    public Entry entry(long id) {
        Entry e = jdbc.query("select * from reporting_organisation where id = ?", (rs, i) -> map(rs), id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("reporting.error.organisation-not-found", id));
        guard.require(DataKind.ORGANISATIONS, AccessAction.READ, e.communeCode());
        return e;
    }

    /** Ids of the organisations in force on a date (aggregate use: completeness, denominators). */
    public Set<Long> inForceIds(LocalDate date) {
        return new HashSet<>(jdbc.queryForList("""
                select id from reporting_organisation where valid_from <= ? and (valid_until is null or valid_until > ?)""",
                Long.class, date, date));
    }

    /**
     * Number of organisations in force on a date per commune (no rows, only counts), optionally of some kinds (codes:
     * agency, school, university, clc, enterprise; null = all).
     */
    public Map<String, Integer> countsInForce(LocalDate date, Set<String> kinds) {
        Map<String, Integer> out = new TreeMap<>();
        jdbc.query("""
                select commune_code, kind, count(*) n from reporting_organisation where valid_from <= ? and (valid_until is null or valid_until > ?)
                group by commune_code, kind""", rs -> {
            if (kinds == null || kinds.contains(rs.getString("kind"))) {
                out.merge(rs.getString("commune_code"), rs.getInt("n"), Integer::sum);
            }
        }, date, date);
        return out;
    }

    /** Edits an organisation's register facts (officers of its commune or the city); audited. */
    @Transactional
    public Entry update(long id, String name, String schoolLevel, String ownership, Integer staff, LocalDate validFrom,
                        LocalDate validUntil) {
        return update(id, name, schoolLevel, ownership, staff, validFrom, validUntil, entry(id).itStaff());
    }

    /** Edits an organisation's register facts including the dedicated IT and information-security headcount; audited. */
    @Transactional
    public Entry update(long id, String name, String schoolLevel, String ownership, Integer staff, LocalDate validFrom,
                        LocalDate validUntil, Integer itStaff) {
        Entry before = entry(id);
        guard.require(DataKind.ORGANISATIONS, AccessAction.WRITE, before.communeCode());
        Map<String, String> errors = new LinkedHashMap<>();
        String clean = VietnameseText.nfc(name == null ? "" : name.strip());
        if (clean.isEmpty() || clean.length() > 200) errors.put("name", "reporting.error.organisation-name");
        String level = schoolLevel == null || schoolLevel.isBlank() ? null : schoolLevel.strip();
        if (level != null && (before.kind() != OrganisationKind.SCHOOL || !LEVELS.contains(level))) errors.put("school_level", "registry.error.level");
        if (before.kind() == OrganisationKind.SCHOOL && level == null) errors.put("school_level", "registry.error.level");
        if (!"public".equals(ownership) && !"private".equals(ownership)) errors.put("ownership", "registry.error.ownership");
        if (staff != null && staff < 0) errors.put("staff", "registry.error.staff");
        if (itStaff != null && (itStaff < 0 || staff != null && itStaff > staff)) errors.put("it_staff", "registry.error.it-staff");
        if (validFrom == null) errors.put("valid_from", "registry.error.date");
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) errors.put("valid_until", "registry.error.until");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        jdbc.update("""
                update reporting_organisation set name = ?, school_level = ?, ownership = ?, staff = ?, valid_from = ?, valid_until = ?,
                it_staff = ? where id = ?""", clean, level, ownership, staff, validFrom, validUntil, itStaff, id);
        Entry after = entry(id);
        audit.record("update", "reporting_organisation", String.valueOf(id), after.communeCode(), state(before), state(after),
                "Sửa sổ danh mục: " + clean);
        return after;
    }

    /**
     * Imports a register file (CSV with {@code ,} or {@code ;}): every row is checked first (columns, kind, level,
     * ownership, commune in force on the row's valid_from or today, dates, duplicates, the user's right to write the
     * commune); with any error nothing is written. A row whose code exists updates it; an empty code registers a new
     * organisation (code made as in {@link Organisations#add}). An unchanged row changes nothing.
     */
    @Transactional
    public ImportResult importCsv(String text, boolean dryRun) {
        guard.require(DataKind.ORGANISATIONS, AccessAction.WRITE);
        List<ImportError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CsvParser csv = new CsvParser(new StringReader(text == null ? "" : text))) {
            if (!csv.readHeader()) {
                errors.add(new ImportError(1, "header", "", "registry.import.header"));
                return new ImportResult(dryRun, 0, 0, 0, errors);
            }
            List<String> header = csv.fields().stream().map(h -> h.strip().toLowerCase()).toList();
            for (String h : HEADER) {
                if (!header.contains(h)) errors.add(new ImportError(1, h, "", "registry.import.missing-column"));
            }
            if (!errors.isEmpty()) return new ImportResult(dryRun, 0, 0, 0, errors);
            Map<String, Integer> col = new HashMap<>();
            for (String h : HEADER) col.put(h, header.indexOf(h));
            col.put(IT_STAFF, header.indexOf(IT_STAFF));
            Set<String> codes = new HashSet<>();
            while (csv.next()) {
                int line = (int) csv.recordLine();
                List<String> f = csv.fields();
                if (f.size() == 1 && f.get(0).isBlank()) continue;
                if (csv.recordError() != null) {
                    errors.add(new ImportError(line, "csv", "", "registry.import.quote"));
                    continue;
                }
                if (f.size() < header.size()) {
                    errors.add(new ImportError(line, "columns", String.valueOf(f.size()), "registry.import.columns"));
                    continue;
                }
                Row r = row(line, f, col, errors);
                if (r == null) continue;
                if (!r.code().isEmpty() && !codes.add(r.code())) {
                    errors.add(new ImportError(line, "code", r.code(), "registry.import.duplicate"));
                    continue;
                }
                rows.add(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty() && errors.isEmpty()) errors.add(new ImportError(2, "", "", "registry.import.empty"));
        if (!errors.isEmpty()) return new ImportResult(dryRun, 0, 0, 0, errors);
        int inserted = 0, updated = 0, unchanged = 0;
        Map<String, Integer> numbers = new HashMap<>();
        List<Runnable> writes = new ArrayList<>();
        for (Row r : rows) {
            Entry existing = r.code().isEmpty() ? null
                    : jdbc.query("select * from reporting_organisation where code = ?", (rs, i) -> map(rs), r.code()).stream().findFirst().orElse(null);
            if (existing == null) {
                if (!r.code().isEmpty() && !r.code().startsWith(r.kind().prefix() + "-" + r.commune() + "-")) {
                    errors.add(new ImportError(r.line(), "code", r.code(), "registry.import.code-format"));
                    continue;
                }
                inserted++;
                writes.add(() -> insert(r, numbers));
            } else {
                if (existing.kind() != r.kind() || !existing.communeCode().equals(r.commune())) {
                    errors.add(new ImportError(r.line(), existing.kind() != r.kind() ? "kind" : "commune_code",
                            existing.kind() != r.kind() ? r.kind().code() : r.commune(), "registry.import.immutable"));
                    continue;
                }
                if (same(existing, r)) {
                    unchanged++;
                } else {
                    updated++;
                    writes.add(() -> change(existing, r));
                }
            }
        }
        if (!errors.isEmpty()) return new ImportResult(dryRun, 0, 0, 0, errors);
        if (!dryRun) writes.forEach(Runnable::run);
        return new ImportResult(dryRun, inserted, updated, unchanged, errors);
    }

    private Row row(int line, List<String> f, Map<String, Integer> col, List<ImportError> errors) {
        int before = errors.size();
        String code = f.get(col.get("code")).strip();
        String name = VietnameseText.nfc(f.get(col.get("name")).strip());
        if (name.isEmpty() || name.length() > 200) errors.add(new ImportError(line, "name", name, "registry.error.name"));
        String kindText = f.get(col.get("kind")).strip().toLowerCase();
        OrganisationKind kind = OrganisationKind.fromCode(kindText);
        if (kind == null) errors.add(new ImportError(line, "kind", kindText, "registry.error.kind"));
        String level = f.get(col.get("school_level")).strip().toLowerCase();
        if (level.isEmpty()) level = null;
        if (kind == OrganisationKind.SCHOOL && (level == null || !LEVELS.contains(level))) {
            errors.add(new ImportError(line, "school_level", level == null ? "" : level, "registry.error.level"));
        } else if (kind != null && kind != OrganisationKind.SCHOOL && level != null) {
            errors.add(new ImportError(line, "school_level", level, "registry.error.level-not-school"));
        }
        String ownership = f.get(col.get("ownership")).strip().toLowerCase();
        if (ownership.isEmpty()) ownership = "public";
        if (!ownership.equals("public") && !ownership.equals("private")) {
            errors.add(new ImportError(line, "ownership", ownership, "registry.error.ownership"));
        }
        Integer staff = null;
        String staffText = f.get(col.get("staff")).strip();
        if (!staffText.isEmpty()) {
            try {
                staff = Integer.parseInt(staffText);
                if (staff < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.add(new ImportError(line, "staff", staffText, "registry.error.staff"));
            }
        }
        LocalDate from = date(line, "valid_from", f.get(col.get("valid_from")).strip(), true, errors);
        LocalDate until = date(line, "valid_until", f.get(col.get("valid_until")).strip(), false, errors);
        if (from != null && until != null && !until.isAfter(from)) {
            errors.add(new ImportError(line, "valid_until", until.toString(), "registry.error.until"));
        }
        String commune = f.get(col.get("commune_code")).strip();
        UnitVersion unit = units.version(commune, vn.hoctap.platform.HanoiTime.today()).orElse(null);
        if (unit == null || unit.level() != UnitLevel.COMMUNE) {
            errors.add(new ImportError(line, "commune_code", commune, "registry.error.commune"));
        } else if (!guard.canWrite(commune)) {
            errors.add(new ImportError(line, "commune_code", commune, "registry.error.commune-access"));
        }
        String former = f.get(col.get("former_commune_code")).strip();
        if (!former.isEmpty() && units.version(former, LocalDate.of(2025, 6, 30)).isEmpty()) {
            errors.add(new ImportError(line, "former_commune_code", former, "registry.error.former"));
        }
        boolean hasItStaff = col.get(IT_STAFF) >= 0;
        Integer itStaff = null;
        String itText = hasItStaff ? f.get(col.get(IT_STAFF)).strip() : "";
        if (!itText.isEmpty()) {
            try {
                itStaff = Integer.parseInt(itText);
                if (itStaff < 0 || staff != null && itStaff > staff) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.add(new ImportError(line, IT_STAFF, itText, "registry.error.it-staff"));
            }
        }
        if (errors.size() > before) return null;
        return new Row(line, code, name, kind, level, ownership, commune, staff, from, until, former.isEmpty() ? null : former,
                hasItStaff, itStaff);
    }

    /**
     * Imports the first sheet of an XLSX workbook with the same columns (row n of the sheet is line n of the errors):
     * each cell as displayed (dates as YYYY-MM-DD), then exactly as {@link #importCsv}.
     */
    @Transactional
    public ImportResult importXlsx(byte[] xlsx, boolean dryRun) {
        guard.require(DataKind.ORGANISATIONS, AccessAction.WRITE);
        StringBuilder csv = new StringBuilder();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            var fmt = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
            int width = sheet.getRow(sheet.getFirstRowNum()) == null ? 0 : sheet.getRow(sheet.getFirstRowNum()).getLastCellNum();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                for (int c = 0; c < width; c++) {
                    if (c > 0) csv.append(',');
                    var cell = row == null ? null : row.getCell(c);
                    String v;
                    if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
                        v = cell.getLocalDateTimeCellValue().toLocalDate().toString();
                    } else {
                        v = cell == null ? "" : fmt.formatCellValue(cell);
                    }
                    csv.append(quote(v.replace("\r", " ").replace("\n", " ")));
                }
                csv.append('\n');
            }
        } catch (IOException | RuntimeException e) {
            return new ImportResult(dryRun, 0, 0, 0, List.of(new ImportError(1, "xlsx", "", "registry.import.xlsx")));
        }
        return importCsv(csv.toString(), dryRun);
    }

    private static LocalDate date(int line, String column, String text, boolean required, List<ImportError> errors) {
        if (text.isEmpty()) {
            if (required) errors.add(new ImportError(line, column, "", "registry.error.date"));
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text);
            if (d.getYear() < 1900) throw new DateTimeParseException("year", text, 0);
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new ImportError(line, column, text, "registry.error.date"));
            return null;
        }
    }

    private static boolean same(Entry e, Row r) {
        return e.name().equals(r.name()) && java.util.Objects.equals(e.schoolLevel(), r.level()) && e.ownership().equals(r.ownership())
                && java.util.Objects.equals(e.staff(), r.staff()) && e.validFrom().equals(r.from())
                && java.util.Objects.equals(e.validUntil(), r.until()) && java.util.Objects.equals(e.formerCommuneCode(), r.former())
                && (!r.hasItStaff() || java.util.Objects.equals(e.itStaff(), r.itStaff()));
    }

    private void insert(Row r, Map<String, Integer> numbers) {
        String code = r.code();
        if (code.isEmpty()) {
            String prefix = r.kind().prefix() + "-" + r.commune() + "-";
            int n = numbers.computeIfAbsent(prefix, p -> {
                Integer c = jdbc.queryForObject("select count(*) from reporting_organisation where code like ?", Integer.class, p + "%");
                return c == null ? 0 : c;
            }) + 1;
            numbers.put(prefix, n);
            code = prefix + String.format("%03d", n);
        }
        Long id = jdbc.queryForObject("""
                insert into reporting_organisation (code, name, kind, commune_code, school_level, ownership, staff, valid_from, valid_until,
                former_commune_code, it_staff) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                code, r.name(), r.kind().code(), r.commune(), r.level(), r.ownership(), r.staff(), r.from(), r.until(), r.former(), r.itStaff());
        audit.record("import", "reporting_organisation", String.valueOf(id), r.commune(), null, Map.of("code", code, "name", r.name()),
                "Nhập sổ danh mục cơ quan, tổ chức");
    }

    private void change(Entry e, Row r) {
        jdbc.update("""
                update reporting_organisation set name = ?, school_level = ?, ownership = ?, staff = ?, valid_from = ?, valid_until = ?,
                former_commune_code = ?, it_staff = ? where id = ?""", r.name(), r.level(), r.ownership(), r.staff(), r.from(), r.until(),
                r.former(), r.hasItStaff() ? r.itStaff() : e.itStaff(), e.id());
        audit.record("import", "reporting_organisation", String.valueOf(e.id()), e.communeCode(), state(e),
                Map.of("code", e.code(), "name", r.name()), "Nhập sổ danh mục cơ quan, tổ chức");
    }

    /** Writes the register of the user's readable communes in the exchange format. */
    public String exportCsv() {
        guard.require(DataKind.ORGANISATIONS, AccessAction.EXPORT);
        StringBuilder sb = new StringBuilder(String.join(",", EXPORT_HEADER)).append('\n');
        for (Entry e : entries(null)) {
            sb.append(e.code()).append(',').append(quote(e.name())).append(',').append(e.kind().code()).append(',')
                    .append(e.schoolLevel() == null ? "" : e.schoolLevel()).append(',').append(e.ownership()).append(',')
                    .append(e.communeCode()).append(',').append(e.staff() == null ? "" : e.staff()).append(',').append(e.validFrom())
                    .append(',').append(e.validUntil() == null ? "" : e.validUntil()).append(',')
                    .append(e.formerCommuneCode() == null ? "" : e.formerCommuneCode()).append(',')
                    .append(e.itStaff() == null ? "" : e.itStaff()).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains(";") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * Loads the synthetic demo register (marked synthetic) for the communes in force today that have none yet.
     * Not access-checked: run at start by the demo loader only.
     */
    @Transactional
    public int loadSynthetic(List<String[]> rows) {
        int n = 0;
        for (String[] r : rows) {
            Integer dup = jdbc.queryForObject("select count(*) from reporting_organisation where code = ?", Integer.class, r[0]);
            if (dup != null && dup > 0) continue;
            jdbc.update("""
                    insert into reporting_organisation (code, name, kind, commune_code, school_level, ownership, staff, valid_from, it_staff,
                    synthetic) values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)""", r[0], r[1], r[2], r[3], r[4], r[5],
                    r[6] == null ? null : Integer.valueOf(r[6]), LocalDate.parse(r[7]),
                    r.length > 8 && r[8] != null ? Integer.valueOf(r[8]) : null);
            // not audited one by one: a synthetic demo set loaded at start (one line in the log)
            n++;
        }
        return n;
    }

    static Map<String, Object> state(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", e.code());
        m.put("name", e.name());
        m.put("school_level", e.schoolLevel());
        m.put("ownership", e.ownership());
        m.put("staff", e.staff());
        m.put("it_staff", e.itStaff());
        m.put("valid_from", String.valueOf(e.validFrom()));
        m.put("valid_until", e.validUntil() == null ? null : e.validUntil().toString());
        return m;
    }
}
