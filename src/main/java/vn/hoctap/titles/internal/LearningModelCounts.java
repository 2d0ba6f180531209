package vn.hoctap.titles.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tử số, mẫu số của chỉ tiêu mô hình học tập (NQ 23 nhóm 4, issue 15). Plain Java, so each rule can be worked by hand:
 * <ul>
 * <li>{@code model.learning_families} ("Gia đình, dòng họ, cộng đồng đạt danh hiệu học tập") reported as three parts
 * and pooled. family: published "Gia đình học tập" over the commune's households in the population register
 * (distinct household ids; the families registered in the campaigns when the register has none for the commune);
 * clan: published "Dòng họ học tập" over the clans registered in the campaigns (no list of clans exists elsewhere);
 * community: published "Cộng đồng học tập" (thôn, tổ dân phố) over the villages in force on 31/12. Pooled: the sums.
 * The communes counted are those with a population register of the year or a dossier of one of the three titles.</li>
 * <li>{@code model.learning_units} ("Đơn vị được công nhận Đơn vị học tập"): published learning units over the
 * organisations of the register of organisations in force on 31/12 — never over the candidates of a campaign. A commune
 * with no organisation in the register has no value (and its titles are not in the city's value); a commune where more
 * units were recognised than the register holds shows more than 100 %, which says the register is incomplete.</li>
 * </ul>
 */
final class LearningModelCounts {

    static final String CITY = "01";
    static final String POOLED = "pooled";

    private LearningModelCounts() {
    }

    /**
     * part ("family", "clan", "community", {@link #POOLED}) → unit (communes and {@link #CITY}) → {numerator,
     * denominator}; a unit appears in a part only when its denominator is positive.
     */
    static Map<String, Map<String, double[]>> families(Set<String> registerCommunes, Map<String, Long> households,
                                                       Map<String, Long> registeredFamilies, Map<String, Long> registeredClans,
                                                       Map<String, Long> registeredCommunities, Map<String, Long> villages,
                                                       Map<String, Long> publishedFamilies, Map<String, Long> publishedClans,
                                                       Map<String, Long> publishedCommunities) {
        // the communes counted: those with a population register or with a dossier of one of the three titles
        Set<String> communes = new TreeSet<>(registerCommunes);
        communes.addAll(registeredFamilies.keySet());
        communes.addAll(registeredClans.keySet());
        communes.addAll(registeredCommunities.keySet());
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        for (String p : new String[] {"family", "clan", "community", POOLED}) out.put(p, new LinkedHashMap<>());
        for (String c : communes) {
            long famDen = registerCommunes.contains(c) ? households.getOrDefault(c, 0L) : registeredFamilies.getOrDefault(c, 0L);
            add(out.get("family"), c, publishedFamilies.getOrDefault(c, 0L), famDen);
            add(out.get("clan"), c, publishedClans.getOrDefault(c, 0L), registeredClans.getOrDefault(c, 0L));
            add(out.get("community"), c, publishedCommunities.getOrDefault(c, 0L), villages.getOrDefault(c, 0L));
            long num = publishedFamilies.getOrDefault(c, 0L) + publishedClans.getOrDefault(c, 0L) + publishedCommunities.getOrDefault(c, 0L);
            add(out.get(POOLED), c, num, famDen + registeredClans.getOrDefault(c, 0L) + villages.getOrDefault(c, 0L));
        }
        out.values().removeIf(Map::isEmpty);
        return out;
    }

    /** unit → {published learning units, organisations in the register}; communes without register organisations left out. */
    static Map<String, double[]> units(Map<String, Long> published, Map<String, Integer> inRegister) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String c : new TreeSet<>(inRegister.keySet())) {
            int den = inRegister.get(c);
            if (den > 0) add(out, c, published.getOrDefault(c, 0L), den);
        }
        return out;
    }

    /** Adds a commune's counts (when its denominator is positive) and to the city's. */
    private static void add(Map<String, double[]> part, String commune, long num, long den) {
        if (den <= 0) return;
        part.put(commune, new double[] {num, den});
        double[] city = part.computeIfAbsent(CITY, k -> new double[2]);
        city[0] += num;
        city[1] += den;
    }
}
