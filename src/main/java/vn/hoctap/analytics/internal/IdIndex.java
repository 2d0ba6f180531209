package vn.hoctap.analytics.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * person_id → row: open addressing (linear probing, backward-shift deletion) over an {@code int[]} of row + 1
 * (0 = empty). The keys are not stored in the table: a slot's key is the 64-bit hash in
 * {@link Columns#idHash} of the row it points to, so an entry costs 4 bytes / load factor (≤ 0.75; 0.7 after a
 * bulk load) on top of the 8-byte hash column. The home slot is {@code (hash >>> 32) * capacity >>> 32}
 * (any capacity, no power of two needed).
 *
 * <p>Collisions: distinct ids with equal 64-bit hashes (≈ n²/2⁶⁵: 2·10⁻⁶ for 8.7 million ids) are handled
 * exactly, given that person_ids are unique (the register import rejects duplicates): an id inserted while
 * another row already has its hash goes to a small exact {@code HashMap<String, Integer>} overflow that is
 * consulted first. Updates are further guarded by {@link Columns#matches}: the caller's "before" must equal
 * the stored row.
 */
public final class IdIndex {
    private static final double MAX_LOAD = 0.75;
    private static final double BULK_LOAD = 0.7;

    int[] table = new int[16];
    int count;
    final Map<String, Integer> overflow = new HashMap<>();

    /** Takes over an index read back from a snapshot ({@link ColumnSnapshot}). */
    void restore(int[] table, int count, Map<String, Integer> overflow) {
        this.table = table;
        this.count = count;
        this.overflow.clear();
        this.overflow.putAll(overflow);
    }

    private static int home(long h, int cap) { return (int) (((h >>> 32) * cap) >>> 32); }

    /** Sizes the table for {@code n} entries at the bulk load factor (avoids growing while loading). */
    void presize(int n) {
        if (count == 0) table = new int[Math.max(16, (int) (n / BULK_LOAD) + 1)];
    }

    /** Whether the table is sized well for {@code n} entries (load between 0.5 and 0.75). */
    boolean fits(int n) { return n <= table.length * MAX_LOAD && n >= table.length * 0.5; }

    public int overflowSize() { return overflow.size(); }

    int find(Columns c, String id, long h) {
        if (!overflow.isEmpty()) {
            Integer r = overflow.get(id);
            if (r != null) return r;
        }
        return findPrimary(c, h);
    }

    private int findPrimary(Columns c, long h) {
        int cap = table.length;
        int s = home(h, cap);
        while (true) {
            int v = table[s];
            if (v == 0) return -1;
            if (c.idHash[v - 1] == h) return v - 1;
            if (++s == cap) s = 0;
        }
    }

    void insert(Columns c, String id, long h, int row) {
        if (findPrimary(c, h) >= 0) {
            overflow.put(id, row);
            return;
        }
        if (count + 1 > table.length * MAX_LOAD) grow(c);
        put(h, row);
        count++;
    }

    private void put(long h, int row) {
        int cap = table.length;
        int s = home(h, cap);
        while (table[s] != 0) if (++s == cap) s = 0;
        table[s] = row + 1;
    }

    private void grow(Columns c) {
        int[] old = table;
        table = new int[(int) Math.min(Integer.MAX_VALUE - 8, (long) (old.length * 1.5) + 16)];
        for (int v : old) if (v != 0) put(c.idHash[v - 1], v - 1);
    }

    /** Rebuilds the table for rows 0..n-1 at load {@value #BULK_LOAD}. */
    void rehash(Columns c, int n) {
        Set<Integer> over = new HashSet<>(overflow.values());
        table = new int[Math.max(16, (int) (n / BULK_LOAD) + 1)];
        count = 0;
        for (int r = 0; r < n; r++) {
            if (over.isEmpty() || !over.contains(r)) {
                put(c.idHash[r], r);
                count++;
            }
        }
    }

    void remove(Columns c, String id, int row) {
        if (!overflow.isEmpty()) {
            Integer r = overflow.get(id);
            if (r != null && r == row) {
                overflow.remove(id);
                return;
            }
        }
        int s = slotOf(c.idHash[row], row);
        deleteSlot(c, s);
        count--;
    }

    private int slotOf(long h, int row) {
        int cap = table.length;
        int s = home(h, cap);
        while (table[s] != row + 1) {
            if (table[s] == 0) throw new IllegalStateException("row " + row + " not in the index");
            if (++s == cap) s = 0;
        }
        return s;
    }

    /** Backward-shift deletion: moves later entries of the probe run into the hole when their home allows it. */
    private void deleteSlot(Columns c, int hole) {
        int cap = table.length;
        int j = hole;
        while (true) {
            if (++j == cap) j = 0;
            int v = table[j];
            if (v == 0) break;
            int k = home(c.idHash[v - 1], cap);
            // the entry at j may move to the hole when its home k is not cyclically in (hole, j]
            boolean stay = hole <= j ? (hole < k && k <= j) : (hole < k || k <= j);
            if (!stay) {
                table[hole] = v;
                hole = j;
            }
        }
        table[hole] = 0;
    }

    /** Row {@code from} now lives at {@code to} (its hash already copied there). */
    void moved(Columns c, int from, int to) {
        if (!overflow.isEmpty()) {
            for (Map.Entry<String, Integer> e : overflow.entrySet()) {
                if (e.getValue() == from) {
                    e.setValue(to);
                    return;
                }
            }
        }
        table[slotOf(c.idHash[to], from)] = to + 1;
    }

    long heapBytes() {
        // overflow: a HashMap node (32) + Integer (16) + a table slot (4 at load 0.75 ≈ 6) + the String (~40 + 2/char, taken as 64)
        return 16L + 4L * table.length + 64 + overflow.size() * 118L;
    }
}
