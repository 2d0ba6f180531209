package vn.hoctap.synthetic.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * SYNTHETIC national structure (issue 18 item 4): {@value #PROVINCES} provinces (level {@code city}, codes
 * {@code 01}–{@code 34}) directly over {@value #COMMUNES} communes (codes: the province's two digits and a
 * three-digit serial, e.g. {@code 07042}), as Việt Nam has had since 1 July 2025 — with made-up codes, names and
 * sizes, not the official lists. Fixed (it does not depend on the generator's seed), so that registers of any size
 * and seed share their units.
 *
 * <p>Provinces get between half and one and a half times the average number of communes; a commune's weight (its
 * share of the persons) is log-normal around 30,000 residents, so communes range from about 8,000 to 120,000 at the
 * scale of the country (101 million). A quarter of each province's communes are phường (urban), the others xã;
 * 8 % of the xã are written as disadvantaged (ĐBKK).
 */
final class NationalData {
    static final int PROVINCES = 34;
    /** Communes after the 2025 reform (3,321 per Nghị quyết 1/2025 of the Standing Committee; not verified here). */
    static final int COMMUNES = 3_321;
    private static final long STRUCTURE_SEED = 0x4E6174696F6E616CL; // "National"

    private static final Data DATA = build();

    private record Data(List<HanoiData.Unit> units, Map<String, Double> weights, Set<String> disadvantaged) {
    }

    private NationalData() {
    }

    /** Provinces, each followed by its communes (units.csv order). */
    static List<HanoiData.Unit> units() {
        return DATA.units;
    }

    /** Commune code → weight, in file order. */
    static Map<String, Double> weights() {
        return DATA.weights;
    }

    /** The communes written as disadvantaged (ĐBKK). */
    static Set<String> disadvantaged() {
        return DATA.disadvantaged;
    }

    private static Data build() {
        SplittableRandom r = new SplittableRandom(STRUCTURE_SEED);
        double[] pw = new double[PROVINCES];
        for (int p = 0; p < PROVINCES; p++) {
            pw[p] = 0.5 + r.nextDouble();
        }
        long[] perProvince = SyntheticRegister.allocate(COMMUNES, pw);
        List<HanoiData.Unit> units = new ArrayList<>(PROVINCES + COMMUNES);
        Map<String, Double> weights = new LinkedHashMap<>();
        Set<String> dis = new HashSet<>();
        for (int p = 0; p < PROVINCES; p++) {
            String pc = String.format("%02d", p + 1);
            units.add(new HanoiData.Unit(pc, "Tỉnh tổng hợp " + pc, "city", ""));
            int n = (int) perProvince[p];
            int urban = Math.max(1, n / 4);
            for (int k = 1; k <= n; k++) {
                String code = pc + String.format("%03d", k);
                boolean isUrban = k <= urban;
                units.add(new HanoiData.Unit(code, (isUrban ? "Phường " : "Xã ") + code, "commune", pc));
                double w = 30_000 * Math.exp(0.45 * r.nextGaussian());
                weights.put(code, Math.max(8_000, Math.min(120_000, w)));
                if (!isUrban && r.nextDouble() < 0.08) {
                    dis.add(code);
                }
            }
        }
        return new Data(Collections.unmodifiableList(units), Collections.unmodifiableMap(weights),
                Collections.unmodifiableSet(dis));
    }
}
