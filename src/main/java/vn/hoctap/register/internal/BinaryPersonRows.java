package vn.hoctap.register.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.hoctap.standards.core.Person;

/**
 * Persons of the register (sổ theo dõi phổ cập giáo dục, xóa mù chữ; Thông tư 07/2016/TT-BGDĐT) in PostgreSQL's
 * binary COPY format ({@code COPY … FROM STDIN (FORMAT binary)}), columns as {@link PersonColumns#STAGED_COLUMNS}:
 * what a register import sends (issue 18, item 1). PostgreSQL then takes each integer, boolean and text as it is
 * stored instead of parsing text; on the register's table that is about a quarter less of its CPU than the CSV form
 * (docs/performance.md). The values are exactly those of {@link PersonColumns#copyLine}: an empty text is NULL, as an
 * empty unquoted CSV cell is; and the row's hash is still that of its CSV line ({@link PersonColumns#rowHash}), so a
 * row imported in either form, or written by an edit, compares equal at the next import.
 *
 * <p>Format: PostgreSQL documentation, COPY, "Binary Format" — a signature and two 32-bit zeros, then per row a
 * 16-bit field count and per field a 32-bit length (−1 for NULL) and the value in network byte order, then −1.
 * Only used when the table's column types are those of {@link #TYPES} (checked when a COPY opens).
 */
final class BinaryPersonRows {

    /** Signature, flags (no OIDs), header extension length. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    /** PostgreSQL's type name ({@code pg_type.typname}) of each staged column, in COPY order. */
    static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        String[] types = {"int4", "varchar", "varchar", "varchar", "text", "varchar", "int4", "bpchar", "text", "varchar",
                "varchar", "varchar", "int2", "int2", "int2", "int2", "int2", "int2", "int2", "bool", "varchar", "varchar",
                "bool", "bool", "int2", "text", "int8"};
        if (types.length != PersonColumns.STAGED_COLUMNS.size()) {
            throw new IllegalStateException("BinaryPersonRows.TYPES does not match PersonColumns.STAGED_COLUMNS");
        }
        for (int i = 0; i < types.length; i++) {
            TYPES.put(PersonColumns.STAGED_COLUMNS.get(i), types[i]);
        }
    }

    private byte[] buf;
    private int len;

    BinaryPersonRows() {
        this(1 << 17);
    }

    /** With a buffer of {@code capacity} bytes at first (it grows as needed). */
    BinaryPersonRows(int capacity) {
        buf = new byte[Math.max(1, capacity)];
    }

    /** The encoded bytes not yet taken ({@link #bytes}[0, {@link #length})). */
    byte[] bytes() {
        return buf;
    }

    int length() {
        return len;
    }

    /** Forgets the bytes taken. */
    void clear() {
        len = 0;
    }

    /** Appends one person of {@code year}. */
    void add(int year, Person p) {
        String searchKey = PersonColumns.searchKey(p);
        long hash = PersonColumns.copyLineHash(year, p, searchKey);
        int16(PersonColumns.STAGED_COLUMNS.size());
        int4(year);
        text(p.personId());
        text(p.householdId());
        text(p.communeCode());
        text(p.village());
        text(p.birthDate());
        int4(p.birthYear());
        text(p.sex() == null ? null : p.sex().code());
        text(p.ethnicity());
        text(p.residence().code());
        text(p.disability().code());
        text(p.enrolment().code());
        int2(p.grade());
        int2(p.preschoolCompleted());
        int2(p.primaryCompleted());
        int2(p.lowerSecondaryDiploma());
        int2(p.upperSecondaryCompleted());
        int2(p.highestGradeCompleted());
        int2(p.literacyStageCompleted());
        bool(p.employed());
        text(p.qualification() == null ? null : p.qualification().code());
        text(p.digitalSkills() == null ? null : p.digitalSkills().code());
        bool(p.informationLiteracy());
        bool(p.lifeSkills());
        int2(p.learningCitizenYear());
        text(searchKey);
        putInt(8);
        putLong(hash);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    private void int16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void putInt(int v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void nul() {
        putInt(-1);
    }

    private void int4(int v) {
        putInt(4);
        putInt(v);
    }

    private void int2(Integer v) {
        if (v == null) {
            nul();
            return;
        }
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            // what PostgreSQL answers to the same value in a CSV COPY; the reader's checks never let one through
            throw new IllegalArgumentException("smallint out of range: " + v);
        }
        putInt(2);
        int16(v);
    }

    private void bool(Boolean v) {
        if (v == null) {
            nul();
            return;
        }
        putInt(1);
        ensure(1);
        buf[len++] = (byte) (v ? 1 : 0);
    }

    /** UTF-8 text; null and "" are NULL (an empty unquoted cell of the CSV form). */
    private void text(String s) {
        if (s == null || s.isEmpty()) {
            nul();
            return;
        }
        int n = s.length();
        ensure(4 + 3 * n);
        int at = len;
        len += 4;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // not ASCII: the JDK's encoder (at most 3 bytes a char; an unpaired surrogate becomes '?', as the
                // CSV form's writer does)
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                System.arraycopy(b, 0, buf, at + 4, b.length);
                len = at + 4 + b.length;
                break;
            }
            buf[len++] = (byte) c;
        }
        int size = len - at - 4;
        buf[at] = (byte) (size >>> 24);
        buf[at + 1] = (byte) (size >>> 16);
        buf[at + 2] = (byte) (size >>> 8);
        buf[at + 3] = (byte) size;
    }
}
