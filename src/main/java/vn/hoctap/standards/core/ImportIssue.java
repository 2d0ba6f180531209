package vn.hoctap.standards.core;

/**
 * One problem found while reading units.csv or persons.csv.
 * @param file the file name as given to the reader
 * @param line physical line (1-based; the header is line 1; a row's first line when a quoted cell spans lines)
 * @param column the column name, or null when the problem concerns the whole row or file
 * @param value the offending cell value, or null
 * @param reasonVi the reason in Vietnamese
 * @param reasonEn the reason in English
 */
public record ImportIssue(String file, long line, String column, String value, String reasonVi, String reasonEn) {

    /** One-line bilingual rendering, e.g. {@code persons.csv:17 [birth_date] "2023-02-30": Ngày sinh … / birth_date …}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(", dòng/line ").append(line);
        sb.append(", cột/column ").append(column == null ? "-" : column);
        if (value != null) sb.append(", giá trị/value \"").append(value).append('"');
        sb.append(": ").append(reasonVi).append(" / ").append(reasonEn);
        return sb.toString();
    }

    @Override
    public String toString() { return format(); }
}
