package vn.hoctap.standards.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * A memory-lean exact set of strings, used to find duplicate person ids among millions of rows.
 * Each key is stored once as UTF-8 bytes in 1 MiB pages together with the line on which it was
 * first seen; the open-addressing table holds only ints (entry reference and hash). About 8 bytes
 * per slot plus the key bytes + 6, i.e. roughly 25–30 bytes per id instead of ~100 for a HashSet.
 */
public final class CompactStringSet {
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private final ArrayList<byte[]> pages = new ArrayList<>();
    private int pageUsed = PAGE_SIZE; // forces a first page
    private int[] refs;   // 0 = empty, else (page << PAGE_BITS | offset) + 1
    private int[] hashes;
    private int size;
    private int mask;

    public CompactStringSet() {
        refs = new int[1 << 10];
        hashes = new int[1 << 10];
        mask = refs.length - 1;
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
            int r = refs[i];
            if (r == 0) break;
            if (hashes[i] == h && equalsAt(r - 1, bytes)) return lineAt(r - 1);
            i = (i + 1) & mask;
        }
        int ref = store(bytes, (int) Math.min(Math.max(line, 1), Integer.MAX_VALUE));
        refs[i] = ref + 1;
        hashes[i] = h;
        if (++size * 4L > refs.length * 3L) grow();
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
        int[] oldRefs = refs, oldHashes = hashes;
        refs = new int[oldRefs.length * 2];
        hashes = new int[oldRefs.length * 2];
        mask = refs.length - 1;
        for (int j = 0; j < oldRefs.length; j++) {
            if (oldRefs[j] == 0) continue;
            int i = oldHashes[j] & mask;
            while (refs[i] != 0) i = (i + 1) & mask;
            refs[i] = oldRefs[j];
            hashes[i] = oldHashes[j];
        }
    }
}
