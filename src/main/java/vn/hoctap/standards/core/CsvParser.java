package vn.hoctap.standards.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC-4180 CSV parser. Reads UTF-8 (malformed bytes are an error, not replaced), strips a
 * BOM, detects the separator ({@code ,} or {@code ;}) from the header line, supports quoted fields
 * with separators, doubled quotes and line breaks, trims the surrounding whitespace of every cell and
 * reports the physical line (1-based, header = 1) on which each record starts.
 * Only one record is held in memory at a time.
 */
public final class CsvParser implements Closeable {

    private final Reader reader;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;

    private long line = 1;              // physical line of the next char to read
    private long recordLine;            // physical line where the last record started
    private char separator = ',';
    private final ArrayList<String> fields = new ArrayList<>();
    private final Cell sb = new Cell();
    private String recordError;         // malformed-record message (English key), null if fine
    private boolean control;            // the last record holds a control character other than tab and line breaks

    public static final String ERR_UNTERMINATED = "unterminated";
    public static final String ERR_AFTER_QUOTE = "after_quote";

    public CsvParser(InputStream in) {
        this(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    public CsvParser(Reader reader) {
        this.reader = reader;
    }

    public char separator() { return separator; }

    /** Physical line on which the last record returned by {@link #readHeader()} or {@link #next()} started. */
    public long recordLine() { return recordLine; }

    /** Current physical line (for I/O and decoding errors). */
    public long currentLine() { return line; }

    /** The fields of the last record. The list is reused by the next call. */
    public List<String> fields() { return fields; }

    /**
     * Whether the last record holds a control character (below U+0020 or U+007F) other than a tab or a line break,
     * seen while its characters were scanned anyway, so that a reader that refuses them looks at the cells only then.
     */
    public boolean sawControlCharacter() { return control; }

    /** Null when the last record was well formed, else {@link #ERR_UNTERMINATED} or {@link #ERR_AFTER_QUOTE}. */
    public String recordError() { return recordError; }

    /**
     * Reads the header record: strips a BOM, detects the separator from the first line (the one of
     * {@code ;} and {@code ,} that occurs more often outside quotes; {@code ,} on a tie).
     * @return false when the input is empty
     */
    public boolean readHeader() throws IOException {
        if (!fill()) return false;
        if (buf[pos] == '\uFEFF') {
            pos++;
            if (pos >= lim && !fill()) return false;
        }
        // scan the header line without consuming it (grow the buffer if the line is long)
        int commas = 0, semis = 0;
        boolean quoted = false;
        int off = 0;
        while (true) {
            if (pos + off >= lim) {
                if (!fillKeeping()) break;
                continue;
            }
            char c = buf[pos + off];
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semis++;
            off++;
        }
        separator = semis > commas ? ';' : ',';
        return nextRecord();
    }

    /** Reads the next data record, skipping records in which every cell is empty. @return false at end of input */
    public boolean next() throws IOException {
        while (nextRecord()) {
            boolean allEmpty = true;
            for (String f : fields) {
                if (!f.isEmpty()) { allEmpty = false; break; }
            }
            if (!allEmpty || recordError != null) return true;
        }
        return false;
    }

    private static final int START = 0, UNQUOTED = 1, QUOTED = 2, QUOTE_IN_QUOTED = 3, AFTER_QUOTED = 4;

    private boolean nextRecord() throws IOException {
        fields.clear();
        recordError = null;
        control = false;
        sb.setLength(0);
        if (pos >= lim && !fill()) return false;
        recordLine = line;
        int state = START;
        while (true) {
            if (pos >= lim && !fill()) {
                if (state == QUOTED) recordError = ERR_UNTERMINATED;
                fields.add(cell());
                return true;
            }
            char c = buf[pos++];
            if ((c < 0x20 || c == 0x7F) && c != '\t' && c != '\n' && c != '\r') control = true;
            switch (state) {
                case START:
                    if (c == '"') { state = QUOTED; }
                    else if (c == separator) { fields.add(""); }
                    else if (c == '\n' || c == '\r') { newline(c); fields.add(""); return true; }
                    else if (c == ' ' || c == '\t') { /* leading whitespace: trimmed */ }
                    else {
                        // fast path: an unquoted cell that ends in the buffer becomes a string of the buffer's chars,
                        // without being copied char by char (the same cell as the slow path below gives)
                        int start = pos - 1;
                        int k = pos;
                        char sep = separator;
                        while (k < lim) {
                            char d = buf[k];
                            if (d == sep) break;
                            if (d < 0x20 || d == 0x7F) {
                                if (d == '\n' || d == '\r') break;
                                if (d != '\t') control = true;
                            }
                            k++;
                        }
                        if (k < lim) {
                            fields.add(trimmed(buf, start, k));
                            pos = k + 1;
                            char d = buf[k];
                            if (d == sep) break;
                            newline(d);
                            return true;
                        }
                        sb.append(c);
                        state = UNQUOTED;
                    }
                    break;
                case UNQUOTED:
                    if (c == separator) { fields.add(cell()); state = START; }
                    else if (c == '\n' || c == '\r') { newline(c); fields.add(cell()); return true; }
                    else sb.append(c);
                    break;
                case QUOTED:
                    if (c == '"') state = QUOTE_IN_QUOTED;
                    else if (c == '\n') { line++; sb.append(c); }
                    else if (c == '\r') {
                        if (pos >= lim) fill();
                        if (pos < lim && buf[pos] == '\n') { pos++; sb.append('\r'); sb.append('\n'); }
                        else sb.append('\r');
                        line++;
                    } else sb.append(c);
                    break;
                case QUOTE_IN_QUOTED:
                    if (c == '"') { sb.append('"'); state = QUOTED; }
                    else if (c == separator) { fields.add(cell()); state = START; }
                    else if (c == '\n' || c == '\r') { newline(c); fields.add(cell()); return true; }
                    else if (c == ' ' || c == '\t') state = AFTER_QUOTED;
                    else { recordError = ERR_AFTER_QUOTE; sb.append(c); state = UNQUOTED; }
                    break;
                default: // AFTER_QUOTED
                    if (c == separator) { fields.add(cell()); state = START; }
                    else if (c == '\n' || c == '\r') { newline(c); fields.add(cell()); return true; }
                    else if (c == ' ' || c == '\t') { /* trailing whitespace */ }
                    else { recordError = ERR_AFTER_QUOTE; sb.append(c); state = UNQUOTED; }
                    break;
            }
        }
    }

    private void newline(char c) throws IOException {
        if (c == '\r') {
            if (pos >= lim) fill();
            if (pos < lim && buf[pos] == '\n') pos++;
        }
        line++;
    }

    /** The chars [start, end) of {@code a} without surrounding whitespace (every cell is trimmed so). */
    private static String trimmed(char[] a, int start, int end) {
        while (start < end && isWs(a[start])) start++;
        while (end > start && isWs(a[end - 1])) end--;
        return start == end ? "" : new String(a, start, end - start);
    }

    private String cell() {
        String s = trimmed(sb.chars, 0, sb.len);
        sb.len = 0;
        return s;
    }

    /** A reusable char buffer for the cell being read. */
    private static final class Cell {
        char[] chars = new char[128];
        int len;

        void append(char c) {
            if (len == chars.length) chars = java.util.Arrays.copyOf(chars, len * 2);
            chars[len++] = c;
        }

        void setLength(int n) { len = n; }
    }

    private static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /** Refills when the buffer is consumed. */
    private boolean fill() throws IOException {
        if (pos < lim) return true;
        if (eof) return false;
        int n;
        do { n = reader.read(buf, 0, buf.length); } while (n == 0);
        if (n < 0) { eof = true; pos = lim = 0; return false; }
        pos = 0;
        lim = n;
        return true;
    }

    /** Reads more input while keeping the unread chars [pos, lim); grows the buffer when needed. */
    private boolean fillKeeping() throws IOException {
        if (eof) return false;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        int n;
        do { n = reader.read(buf, lim, buf.length - lim); } while (n == 0);
        if (n < 0) { eof = true; return false; }
        lim += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
