package vn.hoctap.standards.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates units.csv (register-csv.md). */
public final class UnitsReader {

    /** @param units the valid units, or null when {@code report} has errors */
    public record Result(Units units, ImportReport report) {
        public boolean ok() { return units != null; }
    }

    static final Set<String> COLUMNS = Set.of("code", "name", "level", "parent_code", "disadvantaged");
    static final List<String> REQUIRED = List.of("code", "name", "level", "parent_code");

    private final int maxStored;

    public UnitsReader() { this(ImportReport.DEFAULT_MAX_STORED); }

    /** @param maxStored how many errors (and warnings) to keep; all are counted */
    public UnitsReader(int maxStored) { this.maxStored = maxStored; }

    public Result read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (IOException e) {
            ImportReport r = new ImportReport(name, maxStored);
            r.error(0, null, null, "Không đọc được tệp: " + e.getMessage(), "Cannot read the file: " + e.getMessage());
            return new Result(null, r);
        }
    }

    /** Reads from a stream (not closed). {@code fileName} is used in the report. */
    public Result read(InputStream in, String fileName) {
        long t0 = System.nanoTime();
        ImportReport r = new ImportReport(fileName, maxStored);
        List<Unit> units = new ArrayList<>();
        CsvParser p = new CsvParser(in);
        long rows = 0;
        try {
            CsvHeader h = CsvHeader.read(p, r, COLUMNS, REQUIRED);
            if (h == null) return new Result(null, r);
            Map<String, Unit> byCode = new HashMap<>();
            java.util.Set<String> badCodes = new java.util.HashSet<>();
            while (p.next()) {
                rows++;
                long line = p.recordLine();
                if (h.checkShape(p, r)) continue;
                List<String> f = p.fields();
                String code = h.get(f, "code");
                String name = h.get(f, "name");
                String levelS = h.get(f, "level");
                String parent = h.get(f, "parent_code");
                String dis = h.get(f, "disadvantaged");
                boolean bad = false;
                if (code.isEmpty()) {
                    r.error(line, "code", null, "Thiếu giá trị bắt buộc", "Required value is missing");
                    bad = true;
                }
                if (name.isEmpty()) {
                    r.error(line, "name", null, "Thiếu giá trị bắt buộc", "Required value is missing");
                    bad = true;
                } else if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
                    r.warning(line, "name", name, "Tên không ở dạng Unicode NFC", "Name is not in Unicode NFC");
                }
                UnitLevel level = null;
                if (levelS.isEmpty()) {
                    r.error(line, "level", null, "Thiếu giá trị bắt buộc", "Required value is missing");
                    bad = true;
                } else {
                    level = UnitLevel.parse(levelS);
                    if (level == null) {
                        r.error(line, "level", levelS, "Cấp hành chính không hợp lệ (phải là city, district hoặc commune)",
                                "Unknown level (must be city, district or commune)");
                        bad = true;
                    }
                }
                if (level != null && level != UnitLevel.CITY && parent.isEmpty()) {
                    r.error(line, "parent_code", null, "Thiếu mã đơn vị cấp trên (bắt buộc trừ cấp thành phố)",
                            "Parent code is missing (required except for the city)");
                    bad = true;
                }
                if (level == UnitLevel.CITY && !parent.isEmpty()) {
                    r.warning(line, "parent_code", parent, "Thành phố không có đơn vị cấp trên; giá trị bị bỏ qua",
                            "A city has no parent; the value is ignored");
                }
                boolean disadvantaged = false;
                if (!dis.isEmpty()) {
                    if (dis.equals("true")) disadvantaged = true;
                    else if (!dis.equals("false")) {
                        r.error(line, "disadvantaged", dis, "Giá trị phải là true hoặc false", "Value must be true or false");
                        bad = true;
                    }
                    if (disadvantaged && level != null && level != UnitLevel.COMMUNE) {
                        r.warning(line, "disadvantaged", dis, "Chỉ áp dụng cho cấp xã; bị bỏ qua",
                                "Only applies to communes; ignored");
                    }
                }
                if (level != null && !code.isEmpty() && !code.matches(level == UnitLevel.CITY ? "\\d{2}" : level == UnitLevel.DISTRICT ? "\\d{3}" : "\\d{5}")) {
                    r.warning(line, "code", code, "Mã không đúng dạng thông thường (thành phố 2 chữ số, quận/huyện 3, xã 5)",
                            "Code does not have the usual form (city 2 digits, district 3, commune 5)");
                }
                if (!code.isEmpty()) {
                    Unit first = byCode.get(code);
                    if (first != null) {
                        r.error(line, "code", code, "Mã đơn vị bị trùng (đã có ở dòng " + first.line() + ")",
                                "Duplicate unit code (already on line " + first.line() + ")");
                        continue;
                    }
                }
                if (bad) {
                    // keep the code known so that children are not reported as having an unknown parent
                    if (!code.isEmpty()) {
                        byCode.put(code, new Unit(code, name, level == null ? UnitLevel.COMMUNE : level, null, false, line));
                        badCodes.add(code);
                    }
                    continue;
                }
                Unit u = new Unit(code, name, level, level == UnitLevel.CITY ? null : parent,
                        level == UnitLevel.COMMUNE && disadvantaged, line);
                byCode.put(code, u);
                units.add(u);
            }
            // structure
            Map<String, Integer> districtsOf = new HashMap<>(), communesOf = new HashMap<>();
            for (Unit u : units) {
                if (u.level() == UnitLevel.CITY) continue;
                Unit parentU = byCode.get(u.parentCode());
                if (badCodes.contains(u.parentCode())) continue; // the parent row is already reported
                if (parentU == null) {
                    r.error(u.line(), "parent_code", u.parentCode(), "Mã đơn vị cấp trên không có trong tệp",
                            "Unknown parent code (not in the file)");
                } else if (u.level() == UnitLevel.DISTRICT && parentU.level() != UnitLevel.CITY) {
                    r.error(u.line(), "parent_code", u.parentCode(),
                            "Đơn vị cấp trên của quận/huyện phải là thành phố (đây là " + parentU.level().code() + ")",
                            "The parent of a district must be the city (it is a " + parentU.level().code() + ")");
                } else if (u.level() == UnitLevel.COMMUNE && parentU.level() == UnitLevel.COMMUNE) {
                    r.error(u.line(), "parent_code", u.parentCode(),
                            "Đơn vị cấp trên của xã phải là quận/huyện hoặc thành phố (đây là commune)",
                            "The parent of a commune must be a district or the city (it is a commune)");
                } else if (parentU.level() == UnitLevel.CITY) {
                    (u.level() == UnitLevel.DISTRICT ? districtsOf : communesOf).merge(parentU.code(), 1, Integer::sum);
                }
            }
            for (Unit u : units) {
                if (u.level() == UnitLevel.CITY && districtsOf.containsKey(u.code()) && communesOf.containsKey(u.code())) {
                    r.warning(u.line(), null, u.code(),
                            "Thành phố có cả quận/huyện và xã trực thuộc; bộ quy tắc quyết định cách tính cấp thành phố (mặc định: chỉ tính quận/huyện)",
                            "The city has both districts and communes directly under it; the rule set decides how the city is counted (default: its districts only)");
                }
            }
        } catch (CharacterCodingException e) {
            r.error(p.currentLine(), null, null, "Tệp không phải là UTF-8 hợp lệ", "The file is not valid UTF-8");
        } catch (IOException e) {
            r.error(p.currentLine(), null, null, "Lỗi đọc tệp: " + e.getMessage(), "Read error: " + e.getMessage());
        } finally {
            r.rows(rows);
            r.nanos(System.nanoTime() - t0);
        }
        return new Result(r.ok() ? Units.trusted(units) : null, r);
    }
}
