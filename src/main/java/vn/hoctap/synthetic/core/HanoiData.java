package vn.hoctap.synthetic.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Hà Nội reference data bundled on the classpath under {@code /data/hanoi/} and derives
 * the per-commune weights used to spread persons over communes.
 */
final class HanoiData {

    /** Classpath folder of the reference files. */
    static final String BASE = "/data/hanoi/";

    /**
     * Population figures below this are raised to it. The data README flags every value under 11,000
     * as suspect (units formed from 3 to 9 old communes with 5–7 thousand people); the smallest
     * unsuspect value is 20,706, so 20,000 is used as a floor.
     */
    static final double POPULATION_FLOOR = 20_000;

    private HanoiData() {
    }

    /** One row of a units file. */
    record Unit(String code, String name, String level, String parentCode) {
        boolean isCommune() {
            return "commune".equals(level);
        }

        /** Phường and thị trấn are urban (tổ dân phố); xã are rural (thôn). */
        boolean isUrban() {
            return name.startsWith("Phường") || name.startsWith("Thị trấn");
        }
    }

    static List<Unit> units(Structure structure) {
        List<Unit> out = new ArrayList<>();
        for (String[] r : read(structure.unitsFile(), 4)) {
            out.add(new Unit(r[0], r[1], r[2], r[3]));
        }
        return out;
    }

    /**
     * Weight of every commune of the structure (code to weight, in file order).
     *
     * <p>2025: population.csv, floored at {@link #POPULATION_FLOOR}.
     * <p>2024: no per-commune population exists. Each new unit's (floored) population is split equally
     * over its rows in merger-2025.csv and the shares are added up per old (pre-reform) code. The 2024
     * communes that no longer exist in the pre-reform list get the median of those weights.
     */
    static Map<String, Double> weights(Structure structure) {
        List<Unit> units = units(structure);
        Map<String, Double> pop2025 = new HashMap<>();
        for (String[] r : read("population.csv", 4)) {
            if (r[0].length() == 5) {
                pop2025.put(r[0], Math.max(POPULATION_FLOOR, Double.parseDouble(r[2])));
            }
        }
        Map<String, Double> raw = new HashMap<>();
        if (structure == Structure.HANOI_2025) {
            raw.putAll(pop2025);
        } else {
            List<String[]> merger = read("merger-2025.csv", 5);
            Map<String, Integer> rowsPerNew = new HashMap<>();
            for (String[] r : merger) {
                rowsPerNew.merge(r[1], 1, Integer::sum);
            }
            for (String[] r : merger) {
                Double p = pop2025.get(r[1]);
                if (p != null) {
                    raw.merge(r[0], p / rowsPerNew.get(r[1]), Double::sum);
                }
            }
        }
        List<Double> known = new ArrayList<>();
        for (Unit u : units) {
            if (u.isCommune() && raw.containsKey(u.code())) {
                known.add(raw.get(u.code()));
            }
        }
        double median = median(known);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Unit u : units) {
            if (u.isCommune()) {
                out.put(u.code(), raw.getOrDefault(u.code(), median));
            }
        }
        return out;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return POPULATION_FLOOR;
        }
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    /** Reads a bundled CSV (no quoted fields in these files), skipping the header. */
    static List<String[]> read(String file, int minColumns) {
        return vn.hoctap.units.core.HanoiReferenceData.rows(file, minColumns);
    }
}
