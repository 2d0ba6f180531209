package vn.hoctap.analytics.internal;

import java.util.Arrays;
import vn.hoctap.standards.core.Person;

/**
 * The packed columns of the columnar register (one entry per row) and the person_id index.
 *
 * <p>Per row: commune ordinal (short), birth year (short), 13 byte columns and the 64-bit hash of the person_id
 * (long) = 25 bytes, plus the open-addressing index (an int per slot at load ≤ 0.75, ~5.5 bytes a row). Every
 * byte column holds codes where 0 means "missing": enumerations and yes/no store ordinal + 1 (false = 1,
 * true = 2), small numbers (grade, highest grade, literacy stage) value + 1 (0..254), calendar years
 * (completion years, learning_citizen_year) year − {@value #YEAR_BASE} (1900..2154). Nothing depends on the
 * data year: "completed by year Y" is decided when a query is compiled for Y.
 *
 * <p>The village (thôn, tổ dân phố: free text of the register) is kept for the breakdown by village (Explore, issue
 * 18): a {@code char} per row, the id of the (commune, village text) pair in {@link #villages} (an empty or missing
 * village is its own entry per commune), 2 bytes a row.
 */
public final class Columns {

    public static final int DEMO = 0;        // sex (bits 0-1), residence (2-3), disability (4-5)
    public static final int BOOLS = 1;       // employed (0-1), information_literacy (2-3), life_skills (4-5)
    public static final int ENROLMENT = 2;
    public static final int GRADE = 3;
    public static final int QUALIFICATION = 4;
    public static final int DIGITAL = 5;
    public static final int PRESCHOOL_Y = 6;
    public static final int PRIMARY_Y = 7;
    public static final int LOWER_SECONDARY_Y = 8;
    public static final int UPPER_SECONDARY_Y = 9;
    public static final int HIGHEST_GRADE = 10;
    public static final int LITERACY_STAGE = 11;
    public static final int LEARNING_CITIZEN_Y = 12;
    public static final int BYTE_COLUMNS = 13;

    public static final int YEAR_BASE = 1899;
    /** Birth years are stored as they are; tables over them are indexed by birth year − this. */
    public static final int BIRTH_BASE = 1800;
    public static final int BIRTH_RANGE = 512;

    public final int communeCount;
    public int size;
    public short[] commune;
    public short[] birthYear;
    public final byte[][] bytes = new byte[BYTE_COLUMNS][];
    public long[] idHash;
    /** Per row: the id of its (commune, village) in {@link #villages}. */
    public char[] village;
    public VillageDictionary villages = new VillageDictionary();
    public final IdIndex index = new IdIndex();

    public Columns(int communeCount, int capacity) {
        this.communeCount = communeCount;
        allocate(Math.max(capacity, 16));
        index.presize(capacity);
    }

    private void allocate(int cap) {
        commune = commune == null ? new short[cap] : Arrays.copyOf(commune, cap);
        birthYear = birthYear == null ? new short[cap] : Arrays.copyOf(birthYear, cap);
        for (int c = 0; c < BYTE_COLUMNS; c++) bytes[c] = bytes[c] == null ? new byte[cap] : Arrays.copyOf(bytes[c], cap);
        idHash = idHash == null ? new long[cap] : Arrays.copyOf(idHash, cap);
        village = village == null ? new char[cap] : Arrays.copyOf(village, cap);
    }

    public int capacity() { return commune.length; }

    /** Shrinks the columns to the row count (after a bulk load). */
    public void trim() {
        if (capacity() != size) allocate(Math.max(size, 1));
        if (!index.fits(size)) index.rehash(this, size);
    }

    /** Appends a row; returns its index. */
    public int append(Person p, int communeOrdinal) {
        if (size == capacity()) allocate(capacity() + (capacity() >> 1) + 16);
        int row = size++;
        write(row, p, communeOrdinal);
        index.insert(this, p.personId(), idHash[row], row);
        return row;
    }

    /** Overwrites row {@code row} with {@code p}, whose person_id must be the row's. */
    public void overwrite(int row, Person p, int communeOrdinal) {
        write(row, p, communeOrdinal);
    }

    /** Removes row {@code row} (of person {@code personId}) by moving the last row into its place. */
    public void remove(int row, String personId) {
        index.remove(this, personId, row);
        int last = size - 1;
        if (row != last) {
            commune[row] = commune[last];
            birthYear[row] = birthYear[last];
            for (int c = 0; c < BYTE_COLUMNS; c++) bytes[c][row] = bytes[c][last];
            idHash[row] = idHash[last];
            village[row] = village[last];
            index.moved(this, last, row);
        }
        size--;
    }

    /** The row of a person, or -1. */
    public int find(String personId) { return index.find(this, personId, hash(personId)); }

    /** Whether row {@code row} holds exactly the encoding of {@code p} (guards updates against a stale "before"). */
    public boolean matches(int row, Person p, int communeOrdinal) {
        if (idHash[row] != hash(p.personId()) || commune[row] != (short) communeOrdinal || birthYear[row] != (short) p.birthYear()) return false;
        byte[] enc = encode(p);
        for (int c = 0; c < BYTE_COLUMNS; c++) if (bytes[c][row] != enc[c]) return false;
        return village[row] == villages.find(communeOrdinal, p.village());
    }

    private void write(int row, Person p, int communeOrdinal) {
        if (communeOrdinal < 0 || communeOrdinal > Short.MAX_VALUE) throw new IllegalArgumentException("commune ordinal " + communeOrdinal);
        int by = p.birthYear();
        if (by < BIRTH_BASE || by >= BIRTH_BASE + BIRTH_RANGE) {
            throw new IllegalArgumentException("person " + p.personId() + ": birth year " + by + " outside " + BIRTH_BASE + ".." + (BIRTH_BASE + BIRTH_RANGE - 1));
        }
        commune[row] = (short) communeOrdinal;
        birthYear[row] = (short) by;
        byte[] enc = encode(p);
        for (int c = 0; c < BYTE_COLUMNS; c++) bytes[c][row] = enc[c];
        idHash[row] = hash(p.personId());
        village[row] = villages.id(communeOrdinal, p.village());
    }

    /** The 13 byte codes of a person. */
    public static byte[] encode(Person p) {
        byte[] b = new byte[BYTE_COLUMNS];
        b[DEMO] = (byte) (en(p.sex()) | en(p.residence()) << 2 | en(p.disability()) << 4);
        b[BOOLS] = (byte) (bool(p.employed()) | bool(p.informationLiteracy()) << 2 | bool(p.lifeSkills()) << 4);
        b[ENROLMENT] = (byte) en(p.enrolment());
        b[GRADE] = small(p.grade(), p, "grade");
        b[QUALIFICATION] = (byte) en(p.qualification());
        b[DIGITAL] = (byte) en(p.digitalSkills());
        b[PRESCHOOL_Y] = year(p.preschoolCompleted(), p, "preschool_completed");
        b[PRIMARY_Y] = year(p.primaryCompleted(), p, "primary_completed");
        b[LOWER_SECONDARY_Y] = year(p.lowerSecondaryDiploma(), p, "lower_secondary_diploma");
        b[UPPER_SECONDARY_Y] = year(p.upperSecondaryCompleted(), p, "upper_secondary_completed");
        b[HIGHEST_GRADE] = small(p.highestGradeCompleted(), p, "highest_grade_completed");
        b[LITERACY_STAGE] = small(p.literacyStageCompleted(), p, "literacy_stage_completed");
        b[LEARNING_CITIZEN_Y] = year(p.learningCitizenYear(), p, "learning_citizen_year");
        return b;
    }

    private static int en(Enum<?> e) { return e == null ? 0 : e.ordinal() + 1; }

    private static int bool(Boolean b) { return b == null ? 0 : b ? 2 : 1; }

    private static byte small(Integer v, Person p, String what) {
        if (v == null) return 0;
        if (v < 0 || v > 254) throw new IllegalArgumentException("person " + p.personId() + ": " + what + " " + v + " outside 0..254");
        return (byte) (v + 1);
    }

    private static byte year(Integer v, Person p, String what) {
        if (v == null) return 0;
        if (v <= YEAR_BASE || v > YEAR_BASE + 255) {
            throw new IllegalArgumentException("person " + p.personId() + ": " + what + " " + v + " outside " + (YEAR_BASE + 1) + ".." + (YEAR_BASE + 255));
        }
        return (byte) (v - YEAR_BASE);
    }

    /** 64-bit FNV-1a over the UTF-16 units, then the murmur3 finaliser. */
    public static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Bytes held by the arrays (headers of 16 bytes each included), the index and its overflow included. */
    public long heapBytes() {
        long b = 16L + 2L * commune.length + 16 + 2L * birthYear.length + 16 + 8L * idHash.length + 16 + 2L * village.length
                + villages.heapBytes();
        for (byte[] c : bytes) b += 16 + c.length;
        return b + index.heapBytes();
    }
}
