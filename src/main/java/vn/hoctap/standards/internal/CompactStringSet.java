package vn.hoctap.standards.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * A memory-lean exact set of strings, used to find duplicate person ids among millions of rows.
 * Each key is stored once as UTF-8 bytes in 1 MiB pages together with the line on which it was
 * first seen; the open-addressing table holds one long per slot (the key's hash in the high half, its
 * entry reference + 1 in the low half), so that a probe reads one place in memory — at 8.7 million ids the
 * table is 128 MiB and nearly every probe misses the processor's caches (issue 18: it was two int arrays, two
 * misses a probe). About 11 bytes per slot plus the key bytes + 6, i.e. roughly 30 bytes per id instead of ~100
 * for a HashSet.
 */
public final class CompactStringSet {
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private final ArrayList<byte[]> pages = new ArrayList<>();
    private int pageUsed = PAGE_SIZE; // forces a first page
    private long[] slots; // 0 = empty, else hash << 32 | (page << PAGE_BITS | offset) + 1
    private int size;
    private int mask;

    public CompactStringSet() {
        this(0);
    }

    /** A set with room for {@code expected} keys before it grows. */
    public CompactStringSet(int expected) {
        int capacity = 1 << 10;
        while (capacity < (1 << 30) && capacity * 3L < expected * 4L + 4) {
            capacity <<= 1;
        }
        slots = new long[capacity];
        mask = slots.length - 1;
    }

    public int size() { return size; }

    /**
     * Adds the key. @return 0 when it was new, else the (positive) line stored when it was first added
     * (lines above {@code Integer.MAX_VALUE} are stored as {@code Integer.MAX_VALUE}).
     */
    public long addOrGetLine(String key, long line) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int h = mix(Arrays.hashCode(bytes));
        int i = h & mask;
        while (true) {
            long slot = slots[i];
            if (slot == 0) break;
            if ((int) (slot >>> 32) == h && equalsAt((int) slot - 1, bytes)) return lineAt((int) slot - 1);
            i = (i + 1) & mask;
        }
        int ref = store(bytes, (int) Math.min(Math.max(line, 1), Integer.MAX_VALUE));
        slots[i] = ((long) h << 32) | (ref + 1);
        if (++size * 4L > slots.length * 3L) grow();
        return 0;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h == 0 ? 1 : h;
    }

    private int store(byte[] bytes, int line) {
        int len = bytes.length;
        int need = 6 + len;
        if (need > PAGE_SIZE) throw new IllegalArgumentException("key too long: " + len + " bytes");
        if (pageUsed + need > PAGE_SIZE) {
            if (pages.size() >= (1 << (31 - PAGE_BITS)) - 1) throw new IllegalStateException("too many keys");
            pages.add(new byte[PAGE_SIZE]);
            pageUsed = 0;
        }
        int page = pages.size() - 1;
        byte[] p = pages.get(page);
        int o = pageUsed;
        p[o] = (byte) (line >>> 24); p[o + 1] = (byte) (line >>> 16); p[o + 2] = (byte) (line >>> 8); p[o + 3] = (byte) line;
        p[o + 4] = (byte) (len >>> 8); p[o + 5] = (byte) len;
        System.arraycopy(bytes, 0, p, o + 6, len);
        pageUsed += need;
        return (page << PAGE_BITS) | o;
    }

    private boolean equalsAt(int ref, byte[] bytes) {
        byte[] p = pages.get(ref >>> PAGE_BITS);
        int o = ref & (PAGE_SIZE - 1);
        int len = ((p[o + 4] & 0xff) << 8) | (p[o + 5] & 0xff);
        if (len != bytes.length) return false;
        return Arrays.equals(p, o + 6, o + 6 + len, bytes, 0, len);
    }

    private long lineAt(int ref) {
        byte[] p = pages.get(ref >>> PAGE_BITS);
        int o = ref & (PAGE_SIZE - 1);
        return ((p[o] & 0xffL) << 24) | ((p[o + 1] & 0xffL) << 16) | ((p[o + 2] & 0xffL) << 8) | (p[o + 3] & 0xffL);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long slot : old) {
            if (slot == 0) continue;
            int i = (int) (slot >>> 32) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }
    }
}
