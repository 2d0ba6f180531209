package vn.hoctap.analytics.core;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import vn.hoctap.analytics.internal.Columns;
import vn.hoctap.standards.core.Person;
import vn.hoctap.standards.core.Units;

/**
 * The register in memory as packed columns: only what the twelve criteria of standards.md and the register
 * indicators read (commune, birth year, sex, residence, disability, enrolment, grade, the four completion
 * years, highest grade, literacy stage, employed, qualification, digital skills, information literacy, life
 * skills, learning-citizen year), plus a 64-bit hash of the person_id and a compact open-addressing index of
 * it for updates. About 31 bytes a resident in all ({@link #heapBytes()}).
 *
 * <p>The columns do not depend on a data year: completion years are kept (as a byte offset from 1899), so
 * "completed by Y" is decided when {@link ColumnarEngine} compiles its query for Y, and one register serves
 * every year. Text columns (names, ethnicity, household) are not kept; the village is kept as a dictionary id per row
 * (2 bytes a resident), for Explore's breakdown by village ({@link ExploreQuery}), not for conditions. Not thread-safe for writes;
 * {@link ColumnarAggregates} is the way to change it.
 */
public final class ColumnarRegister {
    private final Units units;
    final Columns columns;

    private ColumnarRegister(Units units, Columns columns) {
        this.units = units;
        this.columns = columns;
    }

    /** Loads the persons (each commune code must be a commune of {@code units}). */
    public static ColumnarRegister of(Units units, Stream<Person> persons) {
        Builder b = builder(units, 1024);
        persons.forEachOrdered(b::add);
        return b.build();
    }

    /** A builder; {@code expectedSize} sizes the columns up front (they grow by half when exceeded). */
    public static Builder builder(Units units, int expectedSize) { return new Builder(units, expectedSize); }

    /** Streams persons into a register. */
    public static final class Builder {
        private final Units units;
        private final Columns columns;
        private boolean built;

        private Builder(Units units, int expectedSize) {
            this.units = Objects.requireNonNull(units);
            this.columns = new Columns(units.communeCount(), expectedSize);
        }

        /** @throws IllegalArgumentException for a commune that is not one of the units or a value out of range */
        public Builder add(Person p) {
            if (built) throw new IllegalStateException("already built");
            columns.append(p, ordinal(units, p));
            return this;
        }

        /** Trims the columns to the row count and rebuilds the id index at load 0.7. */
        public ColumnarRegister build() {
            built = true;
            columns.trim();
            return new ColumnarRegister(units, columns);
        }
    }

    static int ordinal(Units units, Person p) {
        int ci = units.communeIndex(p.communeCode());
        if (ci < 0) throw new IllegalArgumentException("person " + p.personId() + ": not a commune: " + p.communeCode());
        return ci;
    }

    public Units units() { return units; }

    /**
     * Writes the columns, the id index and each row's household hash to {@code file} with the header labels (and the
     * fingerprint of the units),
     * replacing it atomically; see {@link vn.hoctap.analytics.internal.ColumnSnapshot}.
     */
    public void writeSnapshot(java.nio.file.Path file, java.util.Map<String, String> labels, long[] householdHashes)
            throws java.io.IOException {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(labels);
        all.put("units", unitsFingerprint(units));
        vn.hoctap.analytics.internal.ColumnSnapshot.write(columns, all, householdHashes, file);
    }

    /** A register read back from disk and the household hash of each of its rows. */
    public record Saved(ColumnarRegister register, long[] households) {
    }

    /**
     * The register of a snapshot written by {@link #writeSnapshot} whose labels equal {@code expected} and whose units
     * are {@code units}, or null when there is none, it was made from another state, or it is damaged.
     */
    public static Saved readSnapshot(Units units, java.nio.file.Path file, java.util.Map<String, String> expected)
            throws java.io.IOException {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(expected);
        all.put("units", unitsFingerprint(units));
        vn.hoctap.analytics.internal.ColumnSnapshot.Read read = vn.hoctap.analytics.internal.ColumnSnapshot.read(file, all);
        Columns c = read == null ? null : read.columns();
        if (c == null || c.communeCount != units.communeCount()) {
            return null;
        }
        for (int r = 0; r < c.size; r++) {
            if (c.commune[r] < 0 || c.commune[r] >= units.communeCount()) {
                return null;
            }
        }
        return new Saved(new ColumnarRegister(units, c), read.households());
    }

    /** SHA-256 of the commune codes in ordinal order: a snapshot is only read back onto the same communes. */
    static String unitsFingerprint(Units units) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < units.communeCount(); i++) {
                md.update(units.communes().get(i).code().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Number of residents (rows). */
    public int size() { return columns.size; }

    /** The row of a person_id, or -1 (rows move when others are deleted). */
    public int rowOf(String personId) { return columns.find(personId); }

    /** Commune ordinal ({@link Units#communeIndex}) of a row. */
    public int communeOf(int row) { return columns.commune[row]; }

    /** Ids whose 64-bit hash collided with another's and are held in the exact overflow map (normally 0). */
    public int hashOverflow() { return columns.index.overflowSize(); }

    /** Estimated heap of the columns and the index, from the array lengths (16-byte array headers included). */
    public long heapBytes() { return columns.heapBytes(); }

    /**
     * Measures the heap retained by what {@code build} returns: used heap after {@code System.gc()} before and
     * after (approximate; run it with nothing else allocating). The result is kept reachable until measured.
     */
    public static <T> Measured<T> measure(Supplier<T> build) {
        long before = usedAfterGc();
        T value = build.get();
        long after = usedAfterGc();
        return new Measured<>(value, after - before);
    }

    /** A value and the heap bytes it retained. */
    public record Measured<T>(T value, long bytes) { }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
