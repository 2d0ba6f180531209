package vn.hoctap.reporting;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.reporting.core.DataElement;
import vn.hoctap.reporting.core.DataSet;
import vn.hoctap.reporting.core.FormValidation;
import vn.hoctap.reporting.core.ValidationRule;
import vn.hoctap.standards.core.CsvParser;

/**
 * Trao đổi số liệu: export and import of reported values as CSV ({@code data_element,period,org_unit,value})
 * and as DHIS2 {@code dataValueSets} JSON ({@code {"dataValues":[{"dataElement","period","orgUnit","value"}]}}),
 * with HọcTập codes or, where the mapping table has them, a DHIS2 instance's ids.
 *
 * <p>An import is checked completely first: every value's element, period, organisation, access, type, the
 * report's state, and the data set's rules on the values the report would then have. A dry run reports what
 * would happen (new, updated, unchanged, or the error with its line or index, field and reason); a real import
 * writes only when there is no error (all or nothing). Imported values land in the organisation's report as
 * a draft, exactly as if typed into the form; they then go through submission and approval. A value equal to
 * the stored one is "unchanged" even in a submitted or approved report, so a file exported and imported again
 * changes nothing; a different value for such a report is an error.
 */
@Service
public class ReportExchange {

    /** One data value as in a DHIS2 data value set. */
    public record DataValue(String dataElement, String period, String orgUnit, String value) {
    }

    public enum Outcome { NEW, UPDATED, UNCHANGED, ERROR }

    /** The outcome of one value: where it is (line of a CSV file, index in dataValues), and for errors field and reason. */
    public record Line(int position, DataValue value, Outcome outcome, String field, String reason) {
    }

    public record ImportReport(boolean dryRun, boolean applied, int created, int updated, int unchanged, int errors,
                               List<Line> lines) {
    }

    /** A HọcTập code and the id it has in the DHIS2 instance. */
    public record Mapping(String kind, String code, String dhis2Id) {
    }

    private final JdbcTemplate jdbc;
    private final Reports reports;
    private final Organisations organisations;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final JsonMapper json;

    public ReportExchange(JdbcTemplate jdbc, Reports reports, Organisations organisations, AccessGuard guard, AuditLog audit,
                          JsonMapper json) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.organisations = organisations;
        this.guard = guard;
        this.audit = audit;
        this.json = json;
    }

    // ---------------------------------------------------------------- export

    /** The stored values of the reports the user can read, of a data set (null: all) and period. */
    public List<DataValue> export(String dataSetCode, int period, boolean dhis2Ids) {
        guard.requireUser();
        if (dataSetCode != null && !dataSetCode.isBlank()) {
            reports.dataSet(dataSetCode);
        }
        Map<String, String> elementIds = dhis2Ids ? mappingOf("data_element") : Map.of();
        Map<String, String> orgIds = dhis2Ids ? mappingOf("org_unit") : Map.of();
        List<DataValue> out = new ArrayList<>();
        for (Reports.Report r : reports.reports(dataSetCode == null || dataSetCode.isBlank() ? null : dataSetCode, period)) {
            DataSet d = reports.dataSet(r.dataSet());
            Organisation o = organisations.find(r.organisationId());
            Map<String, Double> values = reports.values(r.id());
            for (DataElement e : d.elements()) {
                Double v = values.get(e.code());
                if (v != null) {
                    out.add(new DataValue(elementIds.getOrDefault(e.code(), e.code()), String.valueOf(r.period()),
                            orgIds.getOrDefault(o.code(), o.code()), FormValidation.format(e, v, true)));
                }
            }
        }
        return out;
    }

    public String toCsv(List<DataValue> values) {
        StringBuilder sb = new StringBuilder("data_element,period,org_unit,value\n");
        for (DataValue v : values) {
            sb.append(csv(v.dataElement())).append(',').append(csv(v.period())).append(',').append(csv(v.orgUnit()))
                    .append(',').append(csv(v.value())).append('\n');
        }
        return sb.toString();
    }

    private static String csv(String s) {
        return vn.hoctap.platform.SpreadsheetCells.csv(s);
    }

    /** DHIS2 dataValueSets JSON (camelCase, as DHIS2 reads it). */
    public String toJson(List<DataValue> values) {
        List<Map<String, String>> list = new ArrayList<>();
        for (DataValue v : values) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("dataElement", v.dataElement());
            m.put("period", v.period());
            m.put("orgUnit", v.orgUnit());
            m.put("value", v.value());
            list.add(m);
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("dataValues", list));
    }

    // ---------------------------------------------------------------- reading files

    /** A file read into values, or the errors that make it unreadable (with line numbers). */
    public record Parsed(List<DataValue> values, List<Integer> positions, List<Line> errors) {
    }

    public Parsed parseCsv(String text) {
        List<DataValue> values = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Line> errors = new ArrayList<>();
        try (CsvParser csv = new CsvParser(new StringReader(text == null ? "" : text))) {
            if (!csv.readHeader() || csv.fields().stream().allMatch(String::isBlank)) {
                errors.add(new Line(1, null, Outcome.ERROR, "header", "reporting.import.header"));
                return new Parsed(values, positions, errors);
            }
            List<String> header = csv.fields().stream().map(h -> h.toLowerCase().replace("_", "")).toList();
            int de = header.indexOf("dataelement");
            int pe = header.indexOf("period");
            int ou = header.indexOf("orgunit");
            int va = header.indexOf("value");
            if (de < 0 || pe < 0 || ou < 0 || va < 0) {
                errors.add(new Line(1, null, Outcome.ERROR, "header", "reporting.import.header"));
                return new Parsed(values, positions, errors);
            }
            while (csv.next()) {
                int line = (int) csv.recordLine();
                List<String> f = csv.fields();
                if (csv.recordError() != null) {
                    errors.add(new Line(line, null, Outcome.ERROR, "csv", "reporting.import.quote"));
                } else if (f.size() < header.size()) {
                    errors.add(new Line(line, null, Outcome.ERROR, "columns", "reporting.import.columns"));
                } else {
                    values.add(new DataValue(f.get(de), f.get(pe), f.get(ou), f.get(va)));
                    positions.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Parsed(values, positions, errors);
    }

    /** Reads DHIS2 dataValueSets JSON; positions are the indexes in {@code dataValues} (from 0). */
    public Parsed parseJson(String text) {
        List<DataValue> values = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Line> errors = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(text == null ? "" : text);
        } catch (RuntimeException e) {
            errors.add(new Line(0, null, Outcome.ERROR, "json", "reporting.import.json"));
            return new Parsed(values, positions, errors);
        }
        JsonNode list = root == null ? null : root.get("dataValues");
        if (list == null || !list.isArray()) {
            errors.add(new Line(0, null, Outcome.ERROR, "dataValues", "reporting.import.json"));
            return new Parsed(values, positions, errors);
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            values.add(new DataValue(text(n, "dataElement"), text(n, "period"), text(n, "orgUnit"), text(n, "value")));
            positions.add(i);
        }
        return new Parsed(values, positions, errors);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asString().strip() : v.toString();
    }

    // ---------------------------------------------------------------- import

    private record Target(long organisationId, String dataSet, int period) {
    }

    private record Planned(int index, Target target, DataElement element, Double value) {
    }

    /** Checks (and unless {@code dryRun}, when there is no error, applies) the values of a file. */
    @Transactional
    public ImportReport importValues(Parsed parsed, boolean dryRun) {
        guard.requireUser();
        Map<String, String> elementById = reverse(mappingOf("data_element"));
        Map<String, String> orgById = reverse(mappingOf("org_unit"));
        List<Line> lines = new ArrayList<>(parsed.errors());
        List<Planned> planned = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<Integer, Line> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < parsed.values().size(); i++) {
            DataValue v = parsed.values().get(i);
            int pos = parsed.positions().get(i);
            String elementCode = elementById.getOrDefault(v.dataElement(), v.dataElement());
            Optional<DataSet> set = reports.catalogue().ofElement(elementCode);
            if (set.isEmpty()) {
                byIndex.put(i, new Line(pos, v, Outcome.ERROR, "dataElement", "reporting.import.element"));
                continue;
            }
            DataElement element = set.get().element(elementCode).orElseThrow();
            int period;
            if (!v.period().matches("\\d{4}")) {
                byIndex.put(i, new Line(pos, v, Outcome.ERROR, "period", "reporting.import.period"));
                continue;
            }
            period = Integer.parseInt(v.period());
            if (period < Reports.FIRST_PERIOD || period > vn.hoctap.platform.HanoiTime.today().getYear()) {
                byIndex.put(i, new Line(pos, v, Outcome.ERROR, "period", "reporting.import.period"));
                continue;
            }
            String orgCode = orgById.getOrDefault(v.orgUnit(), v.orgUnit());
            Optional<Organisation> org = organisations.byCode(orgCode).filter(organisations::canRead);
            if (org.isEmpty()) {
                byIndex.put(i, new Line(pos, v, Outcome.ERROR, "orgUnit", "reporting.import.org-unit"));
                continue;
            }
            if (org.get().kind() != set.get().kind()) {
                byIndex.put(i, new Line(pos, v, Outcome.ERROR, "orgUnit", "reporting.import.org-kind"));
                continue;
            }
            Map<String, Double> one = new HashMap<>();
            String key = v.value().isBlank() ? "reporting.error.required" : FormValidation.parse(element, v.value(), one);
            if (key != null) {
                byIndex.put(i, new Line(pos, v, Outcome.ERROR, "value", key));
                continue;
            }
            String dupKey = org.get().id() + "|" + elementCode + "|" + period;
            if (seen.putIfAbsent(dupKey, pos) != null) {
                byIndex.put(i, new Line(pos, v, Outcome.ERROR, "dataElement", "reporting.import.duplicate"));
                continue;
            }
            planned.add(new Planned(i, new Target(org.get().id(), set.get().code(), period), element, one.get(elementCode)));
        }
        // per report: compare with the stored values, check the state and the rules on the result
        Map<Target, List<Planned>> groups = new LinkedHashMap<>();
        planned.forEach(p -> groups.computeIfAbsent(p.target(), t -> new ArrayList<>()).add(p));
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        Map<Target, Map<String, Double>> writes = new LinkedHashMap<>();
        for (Map.Entry<Target, List<Planned>> g : groups.entrySet()) {
            Target t = g.getKey();
            Organisation o = organisations.find(t.organisationId());
            DataSet d = reports.dataSet(t.dataSet());
            Optional<Reports.Report> r = reports.find(t.organisationId(), t.dataSet(), t.period());
            Map<String, Double> current = r.map(x -> reports.values(x.id())).orElse(Map.of());
            Map<String, Boolean> unlocked = new HashMap<>();
            r.ifPresent(x -> jdbc.query("select element from reporting_value where report_id = ? and unlocked",
                    rs -> {
                        unlocked.put(rs.getString("element"), true);
                    }, x.id()));
            ReportState state = r.map(Reports.Report::state).orElse(ReportState.DRAFT);
            Map<String, Double> merged = new HashMap<>(current);
            List<Planned> changed = new ArrayList<>();
            for (Planned p : g.getValue()) {
                Double before = current.get(p.element().code());
                if (Reports.equal(before, p.value())) {
                    byIndex.put(p.index(), new Line(parsed.positions().get(p.index()), parsed.values().get(p.index()), Outcome.UNCHANGED, null, null));
                    continue;
                }
                boolean editable = state == ReportState.DRAFT || (state == ReportState.APPROVED && unlocked.containsKey(p.element().code()));
                if (!editable) {
                    byIndex.put(p.index(), new Line(parsed.positions().get(p.index()), parsed.values().get(p.index()), Outcome.ERROR,
                            "value", state == ReportState.APPROVED ? "reporting.error.locked" : "reporting.error.not-draft"));
                    continue;
                }
                if (!organisations.canEnter(o)) {
                    byIndex.put(p.index(), new Line(parsed.positions().get(p.index()), parsed.values().get(p.index()), Outcome.ERROR,
                            "orgUnit", "reporting.import.no-entry"));
                    continue;
                }
                merged.put(p.element().code(), p.value());
                changed.add(p);
                byIndex.put(p.index(), new Line(parsed.positions().get(p.index()), parsed.values().get(p.index()),
                        before == null ? Outcome.NEW : Outcome.UPDATED, null, null));
            }
            if (changed.isEmpty()) {
                continue;
            }
            List<ValidationRule> failed = FormValidation.rules(d, merged);
            if (!failed.isEmpty()) {
                String reason = failed.get(0).message(english);
                for (Planned p : changed) {
                    byIndex.put(p.index(), new Line(parsed.positions().get(p.index()), parsed.values().get(p.index()), Outcome.ERROR,
                            "value", reason));
                }
                continue;
            }
            writes.put(t, merged);
        }
        lines.addAll(byIndex.values());
        lines.sort(java.util.Comparator.comparingInt(Line::position));
        int created = 0, updated = 0, unchanged = 0, errors = 0;
        for (Line l : lines) {
            switch (l.outcome()) {
                case NEW -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case ERROR -> errors++;
            }
        }
        boolean apply = !dryRun && errors == 0 && !writes.isEmpty();
        if (apply) {
            for (Map.Entry<Target, Map<String, Double>> w : writes.entrySet()) {
                Target t = w.getKey();
                Organisation o = organisations.find(t.organisationId());
                DataSet d = reports.dataSet(t.dataSet());
                Map<String, String> raw = new HashMap<>();
                w.getValue().forEach((k, v) -> raw.put(k, FormValidation.format(d.element(k).orElseThrow(), v, false)));
                reports.save(o.id(), d.code(), t.period(), raw, false);
            }
            audit.record("import", "reporting_values", "import", null, null,
                    Map.of("created", created, "updated", updated, "unchanged", unchanged), "Nhập số liệu báo cáo");
        }
        return new ImportReport(dryRun, apply, created, updated, unchanged, errors, lines);
    }

    // ---------------------------------------------------------------- DHIS2 mapping

    public List<Mapping> mappings() {
        guard.requireUser();
        return jdbc.query("select kind, code, dhis2_id from reporting_dhis2_mapping order by kind, code",
                (rs, i) -> new Mapping(rs.getString("kind"), rs.getString("code"), rs.getString("dhis2_id")));
    }

    private Map<String, String> mappingOf(String kind) {
        Map<String, String> m = new HashMap<>();
        jdbc.query("select code, dhis2_id from reporting_dhis2_mapping where kind = ?", rs -> {
            m.put(rs.getString("code"), rs.getString("dhis2_id"));
        }, kind);
        return m;
    }

    private static Map<String, String> reverse(Map<String, String> m) {
        Map<String, String> r = new HashMap<>();
        m.forEach((k, v) -> r.put(v, k));
        return r;
    }

    /**
     * Replaces the mapping with a CSV file {@code kind,code,dhis2_id} (kind data_element or org_unit; a DHIS2
     * id is 11 letters and digits starting with a letter). City administrators only; all or nothing, the
     * errors located by line ({@code line N: field}).
     */
    @Transactional
    public int replaceMappings(String csvText) {
        guard.require(DataKind.ADMINISTRATION, AccessAction.WRITE);   // the DHIS2 mapping: the city administrator
        Map<String, String> errors = new LinkedHashMap<>();
        List<Mapping> rows = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        try (CsvParser csv = new CsvParser(new StringReader(csvText == null ? "" : csvText))) {
            // the header line kind,code,dhis2_id is optional: a first record not starting with "kind" is data
            boolean more = csv.readHeader();
            if (more && (csv.fields().get(0).toLowerCase().startsWith("kind") || csv.fields().stream().allMatch(String::isEmpty))) {
                more = csv.next();
            }
            for (; more; more = csv.next()) {
                mappingRow(csv, errors, rows, ids, codes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Mapping> before = mappings();
        jdbc.update("delete from reporting_dhis2_mapping");
        for (Mapping m : rows) {
            jdbc.update("insert into reporting_dhis2_mapping (kind, code, dhis2_id) values (?, ?, ?)", m.kind(), m.code(), m.dhis2Id());
        }
        audit.record("replace", "reporting_dhis2_mapping", "dhis2", null, Map.of("rows", before.size()), Map.of("rows", rows.size()),
                "Cập nhật bảng ánh xạ DHIS2");
        return rows.size();
    }

    /** One record of the mapping file, checked; an error is recorded by line and field. */
    private void mappingRow(CsvParser csv, Map<String, String> errors, List<Mapping> rows, java.util.Set<String> ids,
                            java.util.Set<String> codes) {
        List<String> f = csv.fields();
        String at = "line " + csv.recordLine();
        if (csv.recordError() != null || f.size() != 3) {
            errors.put(at + ": columns", "reporting.import.columns");
            return;
        }
        String kind = f.get(0), code = f.get(1), id = f.get(2);
        if (!kind.equals("data_element") && !kind.equals("org_unit")) {
            errors.put(at + ": kind", "reporting.error.mapping-kind");
        } else if (kind.equals("data_element") ? reports.catalogue().ofElement(code).isEmpty() : organisations.byCode(code).isEmpty()) {
            errors.put(at + ": code", "reporting.error.mapping-code");
        } else if (!id.matches("[A-Za-z][A-Za-z0-9]{10}")) {
            errors.put(at + ": dhis2_id", "reporting.error.mapping-id");
        } else if (!ids.add(kind + "|" + id) || !codes.add(kind + "|" + code)) {
            errors.put(at + ": dhis2_id", "reporting.error.mapping-duplicate");
        } else {
            rows.add(new Mapping(kind, code, id));
        }
    }
}
