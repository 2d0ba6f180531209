package vn.hoctap.standards.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Header handling shared by the two readers: column positions, unknown/duplicate/missing columns, row shape. */
final class CsvHeader {
    final Map<String, Integer> index = new HashMap<>();
    final int width;

    private CsvHeader(int width) { this.width = width; }

    /** Reads the header; returns null (after reporting) when the header is unusable. */
    static CsvHeader read(CsvParser p, ImportReport r, Set<String> known, List<String> required) throws java.io.IOException {
        if (!p.readHeader()) {
            r.error(1, null, null, "Tệp rỗng: thiếu dòng tiêu đề", "Empty file: the header row is missing");
            return null;
        }
        List<String> names = p.fields();
        CsvHeader h = new CsvHeader(names.size());
        boolean bad = false;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.isEmpty()) {
                r.warning(1, null, null, "Cột " + (i + 1) + " không có tên, bị bỏ qua",
                        "Column " + (i + 1) + " has no name and is ignored");
                continue;
            }
            if (h.index.containsKey(n)) {
                r.error(1, n, n, "Tên cột bị lặp lại", "Duplicate column name");
                bad = true;
                continue;
            }
            h.index.put(n, i);
            if (!known.contains(n)) {
                r.warning(1, n, n, "Cột không xác định, bị bỏ qua", "Unknown column, ignored");
            }
        }
        for (String req : required) {
            if (!h.index.containsKey(req)) {
                r.error(1, req, null, "Thiếu cột bắt buộc \"" + req + "\" trong dòng tiêu đề",
                        "Required column \"" + req + "\" is missing from the header");
                bad = true;
            }
        }
        if (p.recordError() != null) {
            reportMalformed(p, r);
            bad = true;
        }
        return bad ? null : h;
    }

    /** Reports a malformed record or a wrong number of cells; returns true when the row is unusable. */
    boolean checkShape(CsvParser p, ImportReport r) {
        if (p.recordError() != null) {
            reportMalformed(p, r);
            return true;
        }
        List<String> f = p.fields();
        if (f.size() < width) {
            r.error(p.recordLine(), null, null,
                    "Dòng có " + f.size() + " ô nhưng tiêu đề có " + width + " cột",
                    "Row has " + f.size() + " cells but the header has " + width + " columns");
            return true;
        }
        for (int i = width; i < f.size(); i++) {
            if (!f.get(i).isEmpty()) {
                r.error(p.recordLine(), null, f.get(i),
                        "Dòng có " + f.size() + " ô nhưng tiêu đề có " + width + " cột",
                        "Row has " + f.size() + " cells but the header has " + width + " columns");
                return true;
            }
        }
        return false;
    }

    static void reportMalformed(CsvParser p, ImportReport r) {
        if (CsvParser.ERR_UNTERMINATED.equals(p.recordError())) {
            r.error(p.recordLine(), null, null, "Dấu ngoặc kép mở nhưng không được đóng đến hết tệp",
                    "A quoted cell is not closed before the end of the file");
        } else {
            r.error(p.recordLine(), null, null, "Có ký tự sau dấu ngoặc kép đóng của một ô",
                    "Characters after the closing quote of a cell");
        }
    }

    /** The trimmed cell of a column, or "" when the column is absent. */
    String get(List<String> fields, String column) {
        Integer i = index.get(column);
        return i == null || i >= fields.size() ? "" : fields.get(i);
    }

    boolean has(String column) { return index.containsKey(column); }
}
