package vn.hoctap.analytics.internal;

import java.util.Arrays;

/**
 * Distinct households per commune, kept exactly under inserts and deletes of persons: per commune a hash multiset of
 * the 64-bit hashes of the household ids (open addressing, about 12–24 bytes a household), so a household counts while
 * at least one person has its id. Not thread-safe.
 */
public final class HouseholdCounts {

    private final Table[] communes;

    public HouseholdCounts(int communeCount) {
        communes = new Table[communeCount];
        for (int i = 0; i < communeCount; i++) communes[i] = new Table();
    }

    /** A person with this household id joins commune {@code commune}. */
    public void add(int commune, String householdId) { communes[commune].add(hash(householdId)); }

    /** A person with this household id leaves commune {@code commune}. @throws IllegalArgumentException when none is held */
    public void remove(int commune, String householdId) { communes[commune].remove(hash(householdId)); }

    /**
     * The households of a register from the household hash of each row ({@link Hashes}, in row order), as saved with
     * the columns on disk; equal to adding each person's household id.
     */
    public static HouseholdCounts of(int communeCount, vn.hoctap.analytics.core.ColumnarRegister register, long[] rowHashes) {
        if (rowHashes.length != register.size()) {
            throw new IllegalArgumentException("household hashes for " + rowHashes.length + " rows, register has " + register.size());
        }
        HouseholdCounts h = new HouseholdCounts(communeCount);
        for (int r = 0; r < rowHashes.length; r++) {
            h.communes[register.communeOf(r)].add(rowHashes[r]);
        }
        return h;
    }

    /**
     * Household hashes for the rows of {@code register} from which {@link #of} builds these counts again: each
     * commune's multiset (every household hash as many times as persons hold it) handed out to that commune's rows.
     * Which row gets which hash is not kept (nothing reads it: a change removes one member of the person's
     * household hash from the person's commune). Used to save the columns after edits. @throws
     * IllegalArgumentException when a commune's members do not match its rows (the counts are not this register's)
     */
    public long[] rowHashes(vn.hoctap.analytics.core.ColumnarRegister register) {
        int n = register.size();
        int[] perCommune = new int[communes.length];
        for (int r = 0; r < n; r++) {
            perCommune[register.communeOf(r)]++;
        }
        // each commune's members, expanded, in one array; then handed out row by row
        long[][] expanded = new long[communes.length][];
        for (int c = 0; c < communes.length; c++) {
            Table t = communes[c];
            long[] e = new long[perCommune[c]];
            int k = 0;
            for (int j = 0; j < t.keys.length; j++) {
                for (int m = 0; m < t.members[j]; m++) {
                    if (k == e.length) {
                        throw new IllegalArgumentException("commune " + c + " holds more household members than rows");
                    }
                    e[k++] = t.keys[j];
                }
            }
            if (k != e.length) {
                throw new IllegalArgumentException("commune " + c + " holds fewer household members than rows");
            }
            expanded[c] = e;
        }
        int[] next = new int[communes.length];
        long[] out = new long[n];
        for (int r = 0; r < n; r++) {
            int c = register.communeOf(r);
            out[r] = expanded[c][next[c]++];
        }
        return out;
    }

    /** The household hash of each row, in the order rows are added. */
    public static final class Hashes {
        private long[] a = new long[1024];
        private int n;

        public void add(String householdId) {
            if (n == a.length) a = Arrays.copyOf(a, a.length + (a.length >> 1));
            a[n++] = hash(householdId);
        }

        public long[] toArray() { return Arrays.copyOf(a, n); }
    }

    /** Distinct households of the commune. */
    public long count(int commune) { return communes[commune].size; }

    /** The person_id hash of the columns ({@link Columns#hash}), with 0 (an empty slot here) moved to 1. */
    static long hash(String s) {
        long h = Columns.hash(s);
        return h == 0 ? 1 : h; // 0 marks an empty slot
    }

    private static final class Table {
        long[] keys = new long[8];
        int[] members = new int[8];
        int size;
        int used; // slots that are not empty (live or deleted)

        private int slot(long k) {
            int mask = keys.length - 1;
            int i = (int) (k ^ (k >>> 32)) & mask;
            int firstDeleted = -1;
            while (true) {
                long x = keys[i];
                if (x == 0) return firstDeleted >= 0 ? firstDeleted : i;
                if (x == k && members[i] > 0) return i;
                if (members[i] == 0 && firstDeleted < 0) firstDeleted = i;
                i = (i + 1) & mask;
            }
        }

        private int find(long k) {
            int mask = keys.length - 1;
            int i = (int) (k ^ (k >>> 32)) & mask;
            while (true) {
                long x = keys[i];
                if (x == 0) return -1;
                if (x == k && members[i] > 0) return i;
                i = (i + 1) & mask;
            }
        }

        void add(long k) {
            int i = find(k);
            if (i >= 0) {
                members[i]++;
                return;
            }
            if ((used + 1) * 4 > keys.length * 3) rehash();
            i = slot(k);
            if (keys[i] == 0) used++;
            keys[i] = k;
            members[i] = 1;
            size++;
        }

        void remove(long k) {
            int i = find(k);
            if (i < 0) throw new IllegalArgumentException("no person of that household is held");
            if (--members[i] == 0) size--; // the slot stays as a deleted marker (key kept, members 0)
        }

        private void rehash() {
            long[] ok = keys;
            int[] om = members;
            int cap = keys.length;
            while (size * 2 >= cap) cap <<= 1;
            if (cap == keys.length && used - size < keys.length / 4) cap <<= 1;
            keys = new long[cap];
            members = new int[cap];
            used = 0;
            for (int j = 0; j < ok.length; j++) {
                if (ok[j] != 0 && om[j] > 0) {
                    int i = slot(ok[j]);
                    keys[i] = ok[j];
                    members[i] = om[j];
                    used++;
                }
            }
        }

        @Override
        public String toString() { return size + " of " + Arrays.stream(members).filter(m -> m > 0).count(); }
    }
}
