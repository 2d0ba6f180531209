package vn.hoctap.analytics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled set of row conditions and per-commune aggregates, evaluated over the {@link Columns} 64 rows at a
 * time: every condition node produces a 64-bit mask (bit k = row base + k), leaves by a table lookup per row on
 * one column ({@code table[code]} is 1 when the code satisfies the leaf), inner nodes by {@code & | ~} on the
 * masks of their operands. Nodes are hash-consed, so a condition shared by several aggregates (e.g.
 * "not exempt", "age between 15 and 60") is evaluated once per block. Counting: a block whose 64 rows are
 * all of one commune adds {@code bitCount(mask)}; otherwise bit by bit.
 */
public final class Program {
    static final int ALL = 0, NONE = 1, BYTE = 2, BIRTH = 3, COMMUNE = 4, AND = 5, OR = 6, NOT = 7;
    /** Sum sources. */
    static final int COUNT = 0, SUM_BYTE = 1, SUM_AGE = 2, SUM_BIRTH_YEAR = 3;

    private final int[] kind, a, b;
    private final long[][] table;
    private final int[] aggSlot, aggSum, aggCol;
    private final long[][] aggValues;
    private final int year;

    private Program(Builder bl) {
        int n = bl.kind.size();
        kind = new int[n];
        a = new int[n];
        b = new int[n];
        table = new long[n][];
        for (int i = 0; i < n; i++) {
            kind[i] = bl.kind.get(i);
            a[i] = bl.a.get(i);
            b[i] = bl.b.get(i);
            table[i] = bl.table.get(i);
        }
        int g = bl.aggSlot.size();
        aggSlot = new int[g];
        aggSum = new int[g];
        aggCol = new int[g];
        aggValues = new long[g][];
        for (int i = 0; i < g; i++) {
            aggSlot[i] = bl.aggSlot.get(i);
            aggSum[i] = bl.aggSum.get(i);
            aggCol[i] = bl.aggCol.get(i);
            aggValues[i] = bl.aggValues.get(i);
        }
        year = bl.year;
    }

    public int aggregates() { return aggSlot.length; }

    public int nodes() { return kind.length; }

    /**
     * Adds {@code sign} × each row's contribution for rows {@code from..to-1} into
     * {@code counts[commune * aggregates() + aggregate]}.
     */
    public void run(Columns c, int from, int to, long[] counts, int sign) {
        final int nOps = kind.length, nAgg = aggSlot.length;
        final long[] slot = new long[nOps];
        final byte[][] bytes = c.bytes;
        final short[] by = c.birthYear;
        final short[] com = c.commune;
        for (int base = from; base < to; base += 64) {
            final int n = Math.min(64, to - base);
            final long valid = n == 64 ? -1L : (1L << n) - 1;
            for (int i = 0; i < nOps; i++) {
                long m = 0;
                switch (kind[i]) {
                    case BYTE: {
                        final byte[] col = bytes[a[i]];
                        final long[] t = table[i];
                        for (int k = 0; k < n; k++) m |= t[col[base + k] & 0xff] << k;
                        break;
                    }
                    case BIRTH: {
                        final long[] t = table[i];
                        for (int k = 0; k < n; k++) m |= t[by[base + k] - Columns.BIRTH_BASE] << k;
                        break;
                    }
                    case COMMUNE: {
                        final long[] t = table[i];
                        for (int k = 0; k < n; k++) m |= t[com[base + k]] << k;
                        break;
                    }
                    case AND: m = slot[a[i]] & slot[b[i]]; break;
                    case OR: m = slot[a[i]] | slot[b[i]]; break;
                    case NOT: m = ~slot[a[i]] & valid; break;
                    case ALL: m = valid; break;
                    default: m = 0;
                }
                slot[i] = m;
            }
            final int c0 = com[base];
            boolean uniform = true;
            for (int k = 1; k < n; k++) {
                if (com[base + k] != c0) {
                    uniform = false;
                    break;
                }
            }
            for (int g = 0; g < nAgg; g++) {
                long m = slot[aggSlot[g]];
                if (m == 0) continue;
                if (aggSum[g] == COUNT) {
                    if (uniform) {
                        counts[c0 * nAgg + g] += sign * (long) Long.bitCount(m);
                    } else {
                        while (m != 0) {
                            int k = Long.numberOfTrailingZeros(m);
                            m &= m - 1;
                            counts[com[base + k] * nAgg + g] += sign;
                        }
                    }
                } else {
                    while (m != 0) {
                        int k = Long.numberOfTrailingZeros(m);
                        m &= m - 1;
                        int r = base + k;
                        long v;
                        switch (aggSum[g]) {
                            case SUM_AGE: v = year - by[r]; break;
                            case SUM_BIRTH_YEAR: v = by[r]; break;
                            default: v = aggValues[g][bytes[aggCol[g]][r] & 0xff];
                        }
                        counts[com[r] * nAgg + g] += sign * v;
                    }
                }
            }
        }
    }

    /**
     * How {@link #runGrouped} groups rows: by commune; by commune and a small code of the row (a 2-bit field of a byte
     * column, or a band of the birth year), group = commune × {@code k} + code; or by village id.
     */
    public static final class Grouping {
        static final int BY_COMMUNE = 0, BY_SMALL = 1, BY_VILLAGE = 2;
        final int kind, k, col, shift, mask;
        final int[] birthCode;

        private Grouping(int kind, int k, int col, int shift, int mask, int[] birthCode) {
            this.kind = kind;
            this.k = k;
            this.col = col;
            this.shift = shift;
            this.mask = mask;
            this.birthCode = birthCode;
        }

        public static Grouping byCommune() { return new Grouping(BY_COMMUNE, 1, 0, 0, 0, null); }

        /** Commune × the {@code width} bits of byte column {@code col} from bit {@code shift} (codes 0..2^width-1). */
        public static Grouping byBits(int col, int shift, int width) {
            return new Grouping(BY_SMALL, 1 << width, col, shift, (1 << width) - 1, null);
        }

        /** Commune × a code of the birth year ({@code codes[birthYear − Columns.BIRTH_BASE]} in 0..k-1). */
        public static Grouping byBirth(int[] codes, int k) { return new Grouping(BY_SMALL, k, -1, 0, 0, codes); }

        public static Grouping byVillage() { return new Grouping(BY_VILLAGE, 1, 0, 0, 0, null); }

        /** Number of groups over a register of {@code communes} communes whose dictionary has {@code villages} ids. */
        public int groups(int communes, int villages) { return kind == BY_VILLAGE ? villages : communes * k; }

        /** Codes per commune (BY_SMALL), 1 otherwise. */
        public int codeCount() { return k; }

        /** The code within the commune of a group (BY_SMALL), 0 otherwise. */
        public int code(int group) { return kind == BY_SMALL ? group % k : 0; }
    }

    /**
     * Like {@link #run} but counts into {@code counts[group * aggregates() + aggregate]} by {@code grouping}, and only the
     * rows whose commune has {@code gate[commune] == 1} (every row when {@code gate} is null): the one pass of a
     * one-off query. A block of 64 rows of one commune adds {@code bitCount(mask & rows of a code)} per code; a block
     * of one village likewise; other blocks go bit by bit.
     */
    public void runGrouped(Columns c, int from, int to, long[] gate, Grouping grouping, long[] counts) {
        final int nOps = kind.length, nAgg = aggSlot.length;
        final long[] slot = new long[nOps];
        final byte[][] bytes = c.bytes;
        final short[] by = c.birthYear;
        final short[] com = c.commune;
        final char[] vil = c.village;
        final int gk = grouping.kind, gK = grouping.k, gShift = grouping.shift, gMask = grouping.mask;
        final byte[] gCol = grouping.col >= 0 ? bytes[grouping.col] : null;
        final int[] gBirth = grouping.birthCode;
        final long[] codeMask = new long[Math.max(gK, 1)];
        final int[] dg = new int[8];
        final long[] dm = new long[8];
        final int[] grp = new int[64];
        for (int base = from; base < to; base += 64) {
            final int n = Math.min(64, to - base);
            long valid = n == 64 ? -1L : (1L << n) - 1;
            if (gate != null) {
                long gm = 0;
                for (int k = 0; k < n; k++) gm |= gate[com[base + k]] << k;
                if (gm == 0) continue;
                valid = gm;
            }
            for (int i = 0; i < nOps; i++) {
                long m = 0;
                switch (kind[i]) {
                    case BYTE: {
                        final byte[] col = bytes[a[i]];
                        final long[] t = table[i];
                        for (int k = 0; k < n; k++) m |= t[col[base + k] & 0xff] << k;
                        break;
                    }
                    case BIRTH: {
                        final long[] t = table[i];
                        for (int k = 0; k < n; k++) m |= t[by[base + k] - Columns.BIRTH_BASE] << k;
                        break;
                    }
                    case COMMUNE: {
                        final long[] t = table[i];
                        for (int k = 0; k < n; k++) m |= t[com[base + k]] << k;
                        break;
                    }
                    case AND: m = slot[a[i]] & slot[b[i]]; break;
                    case OR: m = slot[a[i]] | slot[b[i]]; break;
                    case NOT: m = ~slot[a[i]] & valid; break;
                    case ALL: m = valid; break;
                    default: m = 0;
                }
                slot[i] = m & valid;
            }
            // the groups of the block: nd distinct groups with their rows (dg, dm), or nd = -1 and each row's in grp
            final int c0 = com[base];
            boolean uniform = true;
            for (int k = 1; k < n; k++) {
                if (com[base + k] != c0) {
                    uniform = false;
                    break;
                }
            }
            int nd = -1;
            if (gk == Grouping.BY_COMMUNE) {
                if (uniform) {
                    nd = 1;
                    dg[0] = c0;
                    dm[0] = -1L;
                } else {
                    for (int k = 0; k < n; k++) grp[k] = com[base + k];
                }
            } else if (gk == Grouping.BY_SMALL) {
                if (gCol != null) {
                    for (int k = 0; k < n; k++) grp[k] = ((gCol[base + k] & 0xff) >>> gShift) & gMask;
                } else {
                    for (int k = 0; k < n; k++) grp[k] = gBirth[by[base + k] - Columns.BIRTH_BASE];
                }
                if (uniform) {
                    for (int k = 0; k < n; k++) codeMask[grp[k]] |= 1L << k;
                    nd = 0;
                    for (int s = 0; s < gK; s++) {
                        if (codeMask[s] != 0) {
                            if (nd == 8) { nd = -1; break; }
                            dg[nd] = c0 * gK + s;
                            dm[nd++] = codeMask[s];
                        }
                    }
                    java.util.Arrays.fill(codeMask, 0L);
                }
                if (nd < 0) {
                    for (int k = 0; k < n; k++) grp[k] = com[base + k] * gK + grp[k];
                }
            } else {
                nd = 0;
                for (int k = 0; k < n && nd >= 0; k++) {
                    int v = vil[base + k];
                    int d = 0;
                    while (d < nd && dg[d] != v) d++;
                    if (d == nd) {
                        if (nd == 8) { nd = -1; break; }
                        dg[nd] = v;
                        dm[nd++] = 0;
                    }
                    dm[d] |= 1L << k;
                }
                if (nd < 0) {
                    for (int k = 0; k < n; k++) grp[k] = vil[base + k];
                }
            }
            for (int g = 0; g < nAgg; g++) {
                long m = slot[aggSlot[g]];
                if (m == 0) continue;
                if (aggSum[g] == COUNT && nd >= 0) {
                    for (int d = 0; d < nd; d++) {
                        int bc = Long.bitCount(m & dm[d]);
                        if (bc != 0) counts[dg[d] * nAgg + g] += bc;
                    }
                    continue;
                }
                while (m != 0) {
                    int k = Long.numberOfTrailingZeros(m);
                    m &= m - 1;
                    int r = base + k;
                    int group;
                    if (nd < 0) {
                        group = grp[k];
                    } else {
                        int d = 0;
                        while ((dm[d] & (1L << k)) == 0) d++;
                        group = dg[d];
                    }
                    long v;
                    switch (aggSum[g]) {
                        case COUNT: v = 1; break;
                        case SUM_AGE: v = year - by[r]; break;
                        case SUM_BIRTH_YEAR: v = by[r]; break;
                        default: v = aggValues[g][bytes[aggCol[g]][r] & 0xff];
                    }
                    counts[group * nAgg + g] += v;
                }
            }
        }
    }

    /** Builds a program; node ids are slots, created after their operands (so creation order is evaluation order). */
    public static final class Builder {
        final int year;
        final List<Integer> kind = new ArrayList<>(), a = new ArrayList<>(), b = new ArrayList<>();
        final List<long[]> table = new ArrayList<>();
        final Map<String, Integer> interned = new HashMap<>();
        final List<Integer> aggSlot = new ArrayList<>(), aggSum = new ArrayList<>(), aggCol = new ArrayList<>();
        final List<long[]> aggValues = new ArrayList<>();
        final Map<String, Integer> aggInterned = new HashMap<>();

        public Builder(int year) { this.year = year; }

        public int year() { return year; }

        private int node(String key, int k, int x, int y, long[] t) {
            Integer id = interned.get(key);
            if (id != null) return id;
            int i = kind.size();
            kind.add(k);
            a.add(x);
            b.add(y);
            table.add(t);
            interned.put(key, i);
            return i;
        }

        public int all() { return node("ALL", ALL, 0, 0, null); }

        public int none() { return node("NONE", NONE, 0, 0, null); }

        private int leaf(int k, int col, long[] t) {
            boolean any = false, every = true;
            for (long v : t) {
                any |= v != 0;
                every &= v != 0;
            }
            if (!any) return none();
            if (every && k == BYTE) return all();
            return node(k + ":" + col + ":" + Arrays.toString(t), k, col, 0, t);
        }

        public int byteLeaf(int col, long[] t256) { return leaf(BYTE, col, t256); }

        public int birthLeaf(long[] t) { return leaf(BIRTH, 0, t); }

        public int communeLeaf(long[] t) { return leaf(COMMUNE, 0, t); }

        public int and(int x, int y) {
            if (x == y) return x;
            int nn = none(), al = all();
            if (x == nn || y == nn) return nn;
            if (x == al) return y;
            if (y == al) return x;
            int lo = Math.min(x, y), hi = Math.max(x, y);
            return node("AND:" + lo + ":" + hi, AND, lo, hi, null);
        }

        public int or(int x, int y) {
            if (x == y) return x;
            int nn = none(), al = all();
            if (x == al || y == al) return al;
            if (x == nn) return y;
            if (y == nn) return x;
            int lo = Math.min(x, y), hi = Math.max(x, y);
            return node("OR:" + lo + ":" + hi, OR, lo, hi, null);
        }

        public int not(int x) {
            if (x == all()) return none();
            if (x == none()) return all();
            if (kind.get(x) == NOT) return a.get(x);
            return node("NOT:" + x, NOT, x, 0, null);
        }

        /** A count aggregate over the rows where {@code node} holds; identical aggregates share an index. */
        public int count(int node) { return aggregate(node, COUNT, 0, null); }

        /** A count aggregate that is never shared (for fixed layouts). */
        public int countFresh(int node) {
            aggSlot.add(node);
            aggSum.add(COUNT);
            aggCol.add(0);
            aggValues.add(null);
            return aggSlot.size() - 1;
        }

        public int sumAge(int node) { return aggregate(node, SUM_AGE, 0, null); }

        public int sumBirthYear(int node) { return aggregate(node, SUM_BIRTH_YEAR, 0, null); }

        /** Sum of a byte column's decoded values ({@code values[code]}, 0 for missing). */
        public int sumByte(int node, int col, long[] values) { return aggregate(node, SUM_BYTE, col, values); }

        private int aggregate(int node, int sum, int col, long[] values) {
            String key = node + ":" + sum + ":" + col + ":" + Arrays.toString(values);
            Integer id = aggInterned.get(key);
            if (id != null) return id;
            int i = aggSlot.size();
            aggSlot.add(node);
            aggSum.add(sum);
            aggCol.add(col);
            aggValues.add(values);
            aggInterned.put(key, i);
            return i;
        }

        public Program build() { return new Program(this); }
    }
}
