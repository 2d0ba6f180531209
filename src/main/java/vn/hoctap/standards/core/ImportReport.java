package vn.hoctap.standards.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of reading one register file: every error is counted, the first {@link #maxStored()}
 * are kept with file, line, column, value and a Vietnamese and English reason. A file with
 * {@link #errorCount()} &gt; 0 must be rejected whole.
 */
public final class ImportReport {
    public static final int DEFAULT_MAX_STORED = 1000;

    private final String file;
    private final int maxStored;
    private final List<ImportIssue> errors = new ArrayList<>();
    private final List<ImportIssue> warnings = new ArrayList<>();
    private long errorCount;
    private long warningCount;
    private long rows;
    private long nanos;

    ImportReport(String file, int maxStored) {
        this.file = file;
        this.maxStored = Math.max(0, maxStored);
    }

    void error(long line, String column, String value, String vi, String en) {
        errorCount++;
        if (errors.size() < maxStored) errors.add(new ImportIssue(file, line, column, value, vi, en));
    }

    void warning(long line, String column, String value, String vi, String en) {
        warningCount++;
        if (warnings.size() < maxStored) warnings.add(new ImportIssue(file, line, column, value, vi, en));
    }

    void rows(long rows) { this.rows = rows; }

    void nanos(long nanos) { this.nanos = nanos; }

    public String file() { return file; }

    /** True when the file has no error (warnings are allowed). */
    public boolean ok() { return errorCount == 0; }

    /** Total number of errors, including those not stored. */
    public long errorCount() { return errorCount; }

    /** The first {@link #maxStored()} errors, in file order. */
    public List<ImportIssue> errors() { return Collections.unmodifiableList(errors); }

    public long warningCount() { return warningCount; }

    public List<ImportIssue> warnings() { return Collections.unmodifiableList(warnings); }

    /** Number of data rows read (header and all-empty rows excluded). */
    public long rows() { return rows; }

    /** Wall-clock reading time in nanoseconds. */
    public long nanos() { return nanos; }

    public int maxStored() { return maxStored; }

    /** Multi-line bilingual report: warnings, errors, then the totals. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (ImportIssue w : warnings) sb.append("CẢNH BÁO/WARNING ").append(w.format()).append('\n');
        if (warningCount > warnings.size()) {
            sb.append(file).append(": ").append(warningCount - warnings.size())
              .append(" cảnh báo khác không hiển thị / more warnings not shown\n");
        }
        for (ImportIssue e : errors) sb.append("LỖI/ERROR ").append(e.format()).append('\n');
        if (errorCount > 0) {
            sb.append(file).append(": tổng cộng ").append(errorCount).append(" lỗi")
              .append(errorCount > errors.size() ? " (hiển thị " + errors.size() + " lỗi đầu)" : "")
              .append("; tệp bị từ chối, không có dữ liệu nào được áp dụng. / total ")
              .append(errorCount).append(errorCount == 1 ? " error" : " errors")
              .append(errorCount > errors.size() ? " (first " + errors.size() + " shown)" : "")
              .append("; the file is rejected, nothing was applied.\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() { return format(); }
}
