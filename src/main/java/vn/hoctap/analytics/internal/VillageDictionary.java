package vn.hoctap.analytics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The villages (thôn, tổ dân phố) of a columnar register: each distinct (commune ordinal, village text) pair gets an id
 * 1..65535 in order of first appearance; the register keeps the id per row ({@link Columns#village}). The village is
 * the register's free text, compared after trimming; an empty or missing village is an entry of its own per commune
 * (text ""). Entries are never removed (a village whose last person left counts 0). Beyond 65,535 pairs the rows get
 * id 0 and {@link #overflowed()} is true: a breakdown by village is then refused rather than wrong.
 */
public final class VillageDictionary {

    /** Largest id a {@code char} column holds. */
    public static final int MAX = Character.MAX_VALUE;

    private final Map<String, Integer> ids = new HashMap<>();
    /** Index = id; entry 0 is unused. */
    private final List<String> names = new ArrayList<>(List.of(""));
    private final List<Integer> communes = new ArrayList<>(List.of(-1));
    private boolean overflowed;

    private static String key(int commune, String name) {
        return commune + "\u0000" + name;
    }

    private static String clean(String village) {
        return village == null ? "" : village.strip();
    }

    /** The id of the pair, added when new (0 once the dictionary is full). */
    public char id(int commune, String village) {
        String name = clean(village);
        String k = key(commune, name);
        Integer id = ids.get(k);
        if (id != null) return (char) id.intValue();
        if (names.size() > MAX) {
            overflowed = true;
            return 0;
        }
        int n = names.size();
        names.add(name);
        communes.add(commune);
        ids.put(k, n);
        return (char) n;
    }

    /** The id of the pair, or -1 when it has none (0 when the dictionary overflowed and does not hold it). */
    public int find(int commune, String village) {
        Integer id = ids.get(key(commune, clean(village)));
        return id != null ? id : overflowed ? 0 : -1;
    }

    /** Ids in use are 1..size()-1. */
    public int size() { return names.size(); }

    /** The village text of an id ("" for persons without a village). */
    public String name(int id) { return names.get(id); }

    /** The commune ordinal of an id. */
    public int commune(int id) { return communes.get(id); }

    /** Whether some rows could not get an id. */
    public boolean overflowed() { return overflowed; }

    /** Restores an entry read from disk (ids in order 1, 2, …). */
    public void restore(int commune, String name) {
        if (names.size() > MAX) throw new IllegalArgumentException("more than " + MAX + " villages");
        ids.put(key(commune, name), names.size());
        names.add(name);
        communes.add(commune);
    }

    /** Marks a dictionary read from disk as overflowed. */
    public void markOverflowed() { overflowed = true; }

    /** Rough heap of the entries (map, lists and strings). */
    public long heapBytes() {
        long b = 64;
        for (String n : names) b += 48 + 2L * n.length() + 16 + 48;
        return b;
    }
}
