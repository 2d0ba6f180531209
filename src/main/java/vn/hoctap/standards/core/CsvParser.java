package vn.hoctap.standards.core;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC-4180 CSV parser. Reads UTF-8 (malformed bytes are an error, not replaced), strips a
 * BOM, detects the separator ({@code ,} or {@code ;}) from the header line, supports quoted fields
 * with separators, doubled quotes and line breaks, trims the surrounding whitespace of every cell and
 * reports the physical line (1-based, header = 1) on which each record starts.
 * Only one record is held in memory at a time.
 *
 * <p>It scans the bytes themselves (issue 18: a register import reads a gigabyte): every character that shapes a
 * record — separators, quotes, line breaks, spaces and tabs — is ASCII, and no byte of a longer UTF-8 sequence is
 * ever ASCII, so the bytes can be cut into cells before they are decoded. A cell of ASCII bytes becomes a string
 * without decoding; a cell with others is checked to be well-formed UTF-8 (overlong forms, surrogates and code
 * points above U+10FFFF refused, as the JDK's decoder refuses them) and then decoded.
 */
public final class CsvParser implements Closeable {

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;

    private long line = 1;              // physical line of the next byte to read
    private long recordLine;            // physical line where the last record started
    private char separator = ',';
    private final ArrayList<String> fields = new ArrayList<>();
    private final Cell sb = new Cell();
    private String recordError;         // malformed-record message (English key), null if fine
    private boolean control;            // the last record holds a control character other than tab and line breaks

    public static final String ERR_UNTERMINATED = "unterminated";
    public static final String ERR_AFTER_QUOTE = "after_quote";

    /** UTF-8 bytes. */
    public CsvParser(InputStream in) {
        this.in = in;
    }

    /** Characters (a text already in memory): parsed as their UTF-8 bytes. */
    public CsvParser(Reader reader) {
        this(new ByteArrayInputStream(drain(reader).getBytes(StandardCharsets.UTF_8)));
    }

    private static String drain(Reader reader) {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[8192];
        try (reader) {
            for (int n; (n = reader.read(chunk)) >= 0; ) {
                text.append(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
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
        while (lim - pos < 3 && fillKeeping()) {
            // the first three bytes, for the BOM
        }
        if (lim - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
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
            byte c = buf[pos + off];
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
        sb.len = 0;
        if (pos >= lim && !fill()) return false;
        recordLine = line;
        int state = START;
        byte sep = (byte) separator;
        while (true) {
            if (pos >= lim && !fill()) {
                if (state == QUOTED) recordError = ERR_UNTERMINATED;
                fields.add(cell());
                return true;
            }
            byte c = buf[pos++];
            if ((c >= 0 && c < 0x20 || c == 0x7F) && c != '\t' && c != '\n' && c != '\r') control = true;
            switch (state) {
                case START:
                    if (c == '"') { state = QUOTED; }
                    else if (c == sep) { fields.add(""); }
                    else if (c == '\n' || c == '\r') { newline(c); fields.add(""); return true; }
                    else if (c == ' ' || c == '\t') { /* leading whitespace: trimmed */ }
                    else {
                        // fast path: an unquoted cell that ends in the buffer becomes a string of the buffer's bytes,
                        // without being copied byte by byte (the same cell as the slow path below gives)
                        int start = pos - 1;
                        int k = pos;
                        int high = c;   // negative when a byte of the cell is not ASCII
                        while (k < lim) {
                            byte d = buf[k];
                            if (d == sep) break;
                            if (d < 0x20) {
                                if (d < 0) {
                                    high = -1;
                                } else if (d == '\n' || d == '\r') {
                                    break;
                                } else if (d != '\t') {
                                    control = true;
                                }
                            } else if (d == 0x7F) {
                                control = true;
                            }
                            k++;
                        }
                        if (k < lim) {
                            fields.add(text(buf, start, k, high < 0));
                            pos = k + 1;
                            byte d = buf[k];
                            if (d == sep) break;
                            newline(d);
                            return true;
                        }
                        sb.append(c);
                        state = UNQUOTED;
                    }
                    break;
                case UNQUOTED:
                    if (c == sep) { fields.add(cell()); state = START; }
                    else if (c == '\n' || c == '\r') { newline(c); fields.add(cell()); return true; }
                    else sb.append(c);
                    break;
                case QUOTED:
                    if (c == '"') state = QUOTE_IN_QUOTED;
                    else if (c == '\n') { line++; sb.append(c); }
                    else if (c == '\r') {
                        if (pos >= lim) fill();
                        if (pos < lim && buf[pos] == '\n') { pos++; sb.append((byte) '\r'); sb.append((byte) '\n'); }
                        else sb.append((byte) '\r');
                        line++;
                    } else sb.append(c);
                    break;
                case QUOTE_IN_QUOTED:
                    if (c == '"') { sb.append((byte) '"'); state = QUOTED; }
                    else if (c == sep) { fields.add(cell()); state = START; }
                    else if (c == '\n' || c == '\r') { newline(c); fields.add(cell()); return true; }
                    else if (c == ' ' || c == '\t') state = AFTER_QUOTED;
                    else { recordError = ERR_AFTER_QUOTE; sb.append(c); state = UNQUOTED; }
                    break;
                default: // AFTER_QUOTED
                    if (c == sep) { fields.add(cell()); state = START; }
                    else if (c == '\n' || c == '\r') { newline(c); fields.add(cell()); return true; }
                    else if (c == ' ' || c == '\t') { /* trailing whitespace */ }
                    else { recordError = ERR_AFTER_QUOTE; sb.append(c); state = UNQUOTED; }
                    break;
            }
        }
    }

    private void newline(byte c) throws IOException {
        if (c == '\r') {
            if (pos >= lim) fill();
            if (pos < lim && buf[pos] == '\n') pos++;
        }
        line++;
    }

    /**
     * The bytes [start, end) of {@code a} as a string without surrounding whitespace (space, tab, no-break space:
     * every cell is trimmed so); {@code notAscii} when some byte is not ASCII (then checked and decoded as UTF-8).
     */
    private String text(byte[] a, int start, int end, boolean notAscii) throws MalformedInputException {
        while (start < end && (a[start] == ' ' || a[start] == '\t')) start++;
        while (end > start && (a[end - 1] == ' ' || a[end - 1] == '\t')) end--;
        if (start == end) return "";
        if (!notAscii) return new String(a, start, end - start, StandardCharsets.ISO_8859_1);
        int bad = malformedAt(a, start, end);
        if (bad >= 0) throw new MalformedInputException(1);
        String s = new String(a, start, end - start, StandardCharsets.UTF_8);
        // a no-break space (two bytes in UTF-8) is white space too, with spaces and tabs around it
        int from = 0, to = s.length();
        while (from < to && isWs(s.charAt(from))) from++;
        while (to > from && isWs(s.charAt(to - 1))) to--;
        return from == 0 && to == s.length() ? s : s.substring(from, to);
    }

    /**
     * Where the UTF-8 in [start, end) of {@code a} is malformed, or −1: a stray continuation byte, a sequence cut
     * short, an overlong form, a surrogate (U+D800–U+DFFF) or a code point above U+10FFFF — what the JDK's decoder
     * reports as malformed (RFC 3629, section 4).
     */
    static int malformedAt(byte[] a, int start, int end) {
        int i = start;
        while (i < end) {
            int b = a[i];
            if (b >= 0) { i++; continue; }
            int b0 = b & 0xFF;
            int n;
            int min;   // the smallest second byte allowed
            int max;   // the largest second byte allowed
            if (b0 >= 0xC2 && b0 <= 0xDF) { n = 1; min = 0x80; max = 0xBF; }
            else if (b0 == 0xE0) { n = 2; min = 0xA0; max = 0xBF; }
            else if (b0 >= 0xE1 && b0 <= 0xEC || b0 == 0xEE || b0 == 0xEF) { n = 2; min = 0x80; max = 0xBF; }
            else if (b0 == 0xED) { n = 2; min = 0x80; max = 0x9F; }
            else if (b0 == 0xF0) { n = 3; min = 0x90; max = 0xBF; }
            else if (b0 >= 0xF1 && b0 <= 0xF3) { n = 3; min = 0x80; max = 0xBF; }
            else if (b0 == 0xF4) { n = 3; min = 0x80; max = 0x8F; }
            else return i;
            if (i + n >= end) return i;   // cut short
            int b1 = a[i + 1] & 0xFF;
            if (b1 < min || b1 > max) return i;
            for (int k = 2; k <= n; k++) {
                int bk = a[i + k] & 0xFF;
                if (bk < 0x80 || bk > 0xBF) return i;
            }
            i += n + 1;
        }
        return -1;
    }

    private String cell() throws MalformedInputException {
        boolean notAscii = false;
        for (int i = 0; i < sb.len; i++) {
            if (sb.bytes[i] < 0) { notAscii = true; break; }
        }
        String s = text(sb.bytes, 0, sb.len, notAscii);
        sb.len = 0;
        return s;
    }

    /** A reusable byte buffer for the cell being read. */
    private static final class Cell {
        byte[] bytes = new byte[128];
        int len;

        void append(byte c) {
            if (len == bytes.length) bytes = java.util.Arrays.copyOf(bytes, len * 2);
            bytes[len++] = c;
        }
    }

    private static boolean isWs(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    /** Refills when the buffer is consumed. */
    private boolean fill() throws IOException {
        if (pos < lim) return true;
        if (eof) return false;
        int n;
        do { n = in.read(buf, 0, buf.length); } while (n == 0);
        if (n < 0) { eof = true; pos = lim = 0; return false; }
        pos = 0;
        lim = n;
        return true;
    }

    /** Reads more input while keeping the unread bytes [pos, lim); grows the buffer when needed. */
    private boolean fillKeeping() throws IOException {
        if (eof) return false;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        int n;
        do { n = in.read(buf, lim, buf.length - lim); } while (n == 0);
        if (n < 0) { eof = true; return false; }
        lim += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
