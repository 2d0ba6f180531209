package vn.hoctap.platform;

import java.util.regex.Pattern;

/**
 * Ô bảng tính an toàn: every CSV and XLSX cell the platform writes goes through here, so that a value typed by a
 * user or imported from a file (a village {@code =HYPERLINK("http://…"&A1,"click")}) is never run as a formula when
 * an officer opens the export in Excel or LibreOffice (CSV/formula injection). Rule, per OWASP's "CSV Injection"
 * guidance and OWASP ASVS 5.0 requirement 1.2.10 (status: secondary — read on a public mirror of ASVS 1.2.10 on
 * 2026-12-07, the owasp.org pages themselves not read): a text cell starting with {@code = + - @}, a tab, a carriage
 * return or a NUL is prefixed with a single quote ({@code '}), and a CSV cell is
 * quoted when it holds a separator, a quote or a line break. A cell that is a plain number ({@code -12},
 * {@code -3.5}, {@code 1E5} is not: it could be read either way and is prefixed) stays a number.
 * Importers of the register exchange format remove that one quote again (register-csv.md v2 §"Formula
 * characters"), so an export re-imports unchanged.
 */
public final class SpreadsheetCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");

    private SpreadsheetCells() {
    }

    /** Whether a text would be taken for a formula (or a DDE call) by a spreadsheet. */
    public static boolean dangerous(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        boolean formulaStart = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0'
                || c == '\uFF1D' || c == '\uFF0B' || c == '\uFF0D' || c == '\uFF20';   // full-width forms, read as the same by Excel
        return formulaStart && !PLAIN_NUMBER.matcher(s).matches();
    }

    /** The text as a spreadsheet must receive it: prefixed with a quote when it would start a formula. */
    public static String neutralise(String s) {
        if (s == null) {
            return "";
        }
        return dangerous(s) ? "'" + s : s;
    }

    /** The inverse for importers: one leading quote before a formula character is dropped. */
    public static String restore(String s) {
        if (s != null && s.length() >= 2 && s.charAt(0) == '\'' && dangerous(s.substring(1))) {
            return s.substring(1);
        }
        return s;
    }

    /** One CSV cell: neutralised, then quoted when needed (RFC 4180). */
    public static String csv(String s) {
        String v = neutralise(s);
        if (v.indexOf(',') >= 0 || v.indexOf(';') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** A CSV line of cells, comma-separated, without the line break. */
    public static String csvLine(String... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csv(cells[i]));
        }
        return sb.toString();
    }
}
