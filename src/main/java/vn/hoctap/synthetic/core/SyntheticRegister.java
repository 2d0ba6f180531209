package vn.hoctap.synthetic.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates a synthetic education register (units.csv and persons.csv, see
 * docs/contracts/register-csv.md) for Hà Nội's real units, or for a synthetic national structure of 34 provinces
 * and 3,321 communes ({@link Structure#NATIONAL_2025}, {@link NationalData}).
 *
 * <p>Deterministic: the same options give the same characters. Each commune draws from its own
 * {@link SplittableRandom} seeded from (seed, commune code). Streaming: persons are written as they
 * are generated; memory use does not grow with the number of persons.
 */
public final class SyntheticRegister {

    /** Header of units.csv as written. */
    public static final String UNITS_HEADER = "code,name,level,parent_code,disadvantaged";
    /** Header of persons.csv as written. */
    public static final String PERSONS_HEADER = "person_id,household_id,commune_code,village,birth_date,sex,"
            + "ethnicity,residence,disability,enrolment,grade,preschool_completed,primary_completed,"
            + "lower_secondary_diploma,upper_secondary_completed,highest_grade_completed,"
            + "literacy_stage_completed,employed,qualification,digital_skills,information_literacy,"
            + "life_skills,learning_citizen_year";

    /** Share of communes given a weaker education profile. */
    static final double WEAK_SHARE = 0.12;

    /**
     * Remote mountain xã of the former Ba Vì and Mỹ Đức districts written with disadvantaged=true.
     * SYNTHETIC: chosen for the demo, not the official list of xã ĐBKK.
     */
    static final Set<String> DISADVANTAGED_2025 = Set.of(
            "09694", // Xã Suối Hai (Ba Trại, Tản Lĩnh, …)
            "09700", // Xã Ba Vì (Ba Vì, Khánh Thượng, part of Minh Quang)
            "09706", // Xã Yên Bài (Yên Bài, Vân Hòa)
            "10489"); // Xã Hương Sơn (Mỹ Đức)
    static final Set<String> DISADVANTAGED_2024 = Set.of(
            "09697", // Xã Ba Trại
            "09700", // Xã Minh Quang
            "09703", // Xã Ba Vì
            "09706", // Xã Vân Hòa
            "09709", // Xã Yên Bài
            "09712", // Xã Khánh Thượng
            "10489", // Xã Hương Sơn
            "10504"); // Xã An Phú

    private static final long SALT_WEAK = 0x5DEECE66DL;
    private static final long SALT_EXTRA = 0x2545F4914F6CDD1DL;
    private static final long SALT_PERSONS = 0x9E3779B97F4A7C15L;

    private SyntheticRegister() {
    }

    /** Writes both files; the writers are flushed, not closed. */
    public static GenerationSummary generate(GeneratorOptions options, Writer units, Writer persons)
            throws IOException {
        return generate(options, units, persons, ProgressListener.NONE);
    }

    /** Writes both files, telling {@code progress} as persons are written; the writers are flushed, not closed. */
    public static GenerationSummary generate(GeneratorOptions options, Writer units, Writer persons,
                                             ProgressListener progress) throws IOException {
        Plan plan = plan(options);
        writeUnits(plan, units);
        units.flush();

        persons.write(PERSONS_HEADER);
        persons.write('\n');
        final long total = options.persons();
        long[] written = {0};
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        long households = 0;
        for (int i = 0; i < plan.communes.size(); i++) {
            HanoiData.Unit c = plan.communes.get(i);
            long count = plan.counts[i];
            if (count == 0) {
                continue;
            }
            CommuneGenerator g = new CommuneGenerator(c.code(), plan.profiles.get(c.code()), options.year(),
                    communeSeed(options.seed(), c.code()), plan.villages[i], persons);
            g.generate(count, n -> {
                written[0] += n;
                listener.progress(written[0], total);
            });
            households += g.households();
        }
        persons.flush();
        int weak = 0;
        int disadvantaged = 0;
        for (CommuneProfile p : plan.profiles.values()) {
            weak += p.isWeak() ? 1 : 0;
            disadvantaged += p.disadvantaged ? 1 : 0;
        }
        return new GenerationSummary(plan.units.size(), plan.communes.size(), written[0], households,
                weak, disadvantaged);
    }

    /**
     * Writes the persons file (header and rows) of one commune exactly as {@link #generate(GeneratorOptions, Writer,
     * Writer)} would write that commune's rows for the same options, without generating the others (each commune has a
     * generator and a seed of its own): e.g. Phường Ba Đình's 66,955 persons of the 8.7-million register, for an upload
     * of one commune's register. Returns the number of persons written; the writer is flushed, not closed.
     *
     * @throws IllegalArgumentException when {@code communeCode} is not a commune of the options' structure
     */
    public static long commune(GeneratorOptions options, String communeCode, Writer persons) throws IOException {
        Plan plan = plan(options);
        for (int i = 0; i < plan.communes.size(); i++) {
            HanoiData.Unit c = plan.communes.get(i);
            if (c.code().equals(communeCode)) {
                persons.write(PERSONS_HEADER);
                persons.write('\n');
                long[] written = {0};
                if (plan.counts[i] > 0) {
                    new CommuneGenerator(c.code(), plan.profiles.get(c.code()), options.year(),
                            communeSeed(options.seed(), c.code()), plan.villages[i], persons).generate(plan.counts[i], n -> written[0] += n);
                }
                persons.flush();
                return plan.counts[i];
            }
        }
        throw new IllegalArgumentException("not a commune of structure " + options.structure() + ": " + communeCode);
    }

    /**
     * Writes {@code dir/units.csv} and {@code dir/persons.csv} (UTF-8, {@code \n}), creating the
     * directory if needed.
     */
    public static GenerationSummary generate(GeneratorOptions options, Path dir, ProgressListener progress)
            throws IOException {
        Files.createDirectories(dir);
        try (Writer u = new BufferedWriter(new OutputStreamWriter(
                     Files.newOutputStream(dir.resolve("units.csv")), StandardCharsets.UTF_8), 1 << 16);
             Writer p = new BufferedWriter(new OutputStreamWriter(
                     Files.newOutputStream(dir.resolve("persons.csv")), StandardCharsets.UTF_8), 1 << 16)) {
            return generate(options, u, p, progress);
        }
    }

    /**
     * The commune profiles chosen for a seed and structure, as {@code code -> description}
     * (e.g. {@code normal}, {@code normal weak[TH2,XMC1]}, {@code disadvantaged}). Does not depend on
     * the number of persons.
     */
    public static Map<String, String> communeProfiles(long seed, Structure structure) {
        Map<String, String> out = new LinkedHashMap<>();
        List<HanoiData.Unit> communes = new ArrayList<>();
        for (HanoiData.Unit u : units(structure)) {
            if (u.isCommune()) {
                communes.add(u);
            }
        }
        profiles(communes, seed, disadvantaged(structure)).forEach((k, v) -> out.put(k, v.label()));
        return out;
    }

    // ------------------------------------------------------------------------------------------

    /** Everything decided before persons are written. */
    private record Plan(List<HanoiData.Unit> units, List<HanoiData.Unit> communes, long[] counts,
                        int[] villages, Map<String, CommuneProfile> profiles) {
    }

    private static List<HanoiData.Unit> units(Structure structure) {
        return structure == Structure.NATIONAL_2025 ? NationalData.units() : HanoiData.units(structure);
    }

    private static Set<String> disadvantaged(Structure structure) {
        return switch (structure) {
            case HANOI_2025 -> DISADVANTAGED_2025;
            case HANOI_2024 -> DISADVANTAGED_2024;
            case NATIONAL_2025 -> NationalData.disadvantaged();
        };
    }

    private static Plan plan(GeneratorOptions o) {
        List<HanoiData.Unit> units = units(o.structure());
        Map<String, Double> weights = o.structure() == Structure.NATIONAL_2025 ? NationalData.weights() : HanoiData.weights(o.structure());
        List<HanoiData.Unit> communes = new ArrayList<>();
        for (HanoiData.Unit u : units) {
            if (u.isCommune()) {
                communes.add(u);
            }
        }
        double[] w = new double[communes.size()];
        int[] villages = new int[communes.size()];
        for (int i = 0; i < w.length; i++) {
            HanoiData.Unit c = communes.get(i);
            w[i] = weights.get(c.code());
            // one thôn / tổ dân phố per ~1,500 residents of the real commune, 6 to 60
            villages[i] = (int) Math.max(6, Math.min(60, Math.round(w[i] / 1500.0)));
        }
        return new Plan(units, communes, allocate(o.persons(), w), villages,
                profiles(communes, o.seed(), disadvantaged(o.structure())));
    }

    /** Largest-remainder apportionment of {@code n} over the weights (ties to the earlier commune). */
    static long[] allocate(long n, double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        long[] counts = new long[w.length];
        double[] frac = new double[w.length];
        long assigned = 0;
        for (int i = 0; i < w.length; i++) {
            double q = n * (w[i] / total);
            counts[i] = (long) Math.floor(q);
            frac[i] = q - counts[i];
            assigned += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -frac[i]).thenComparingInt(i -> i));
        long rest = n - assigned;
        for (int k = 0; rest > 0; k = (k + 1) % w.length, rest--) {
            counts[order.get(k)]++;
        }
        for (int k = 0; rest < 0; k = (k + 1) % w.length) {
            int i = order.get(w.length - 1 - k);
            if (counts[i] > 0) {
                counts[i]--;
                rest++;
            }
        }
        return counts;
    }

    static Map<String, CommuneProfile> profiles(List<HanoiData.Unit> communes, long seed, Set<String> disadvantaged) {
        Map<String, CommuneProfile> profiles = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        for (HanoiData.Unit c : communes) {
            boolean dis = disadvantaged.contains(c.code());
            profiles.put(c.code(), new CommuneProfile(c.isUrban(), dis));
            if (!dis) {
                candidates.add(c.code());
            }
        }
        Collections.shuffle(candidates, new java.util.Random(mix(seed ^ SALT_WEAK)));
        int k = (int) Math.round(WEAK_SHARE * communes.size());
        for (int i = 0; i < k && i < candidates.size(); i++) {
            String code = candidates.get(i);
            CommuneProfile p = profiles.get(code);
            // round robin over the four areas and three severities, so every level shows up
            int main = i % 4;
            p.weaken(main, 1 + (i / 4) % 3);
            // sometimes a second weak area (never the main one, so the round robin keeps every severity)
            SplittableRandom r = new SplittableRandom(mix(seed ^ mix(Long.parseLong(code) + SALT_EXTRA)));
            for (int area = 0; area < 4; area++) {
                if (r.nextDouble() < 0.2 && area != main) {
                    p.weaken(area, 1 + r.nextInt(3));
                }
            }
        }
        return profiles;
    }

    static long communeSeed(long seed, String code) {
        return mix(seed ^ mix(Long.parseLong(code) * 31 + SALT_PERSONS));
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void writeUnits(Plan plan, Writer out) throws IOException {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append(UNITS_HEADER).append('\n');
        for (HanoiData.Unit u : plan.units) {
            sb.append(u.code()).append(',');
            appendCsv(sb, u.name());
            sb.append(',').append(u.level()).append(',').append(u.parentCode()).append(',');
            if (u.isCommune()) {
                sb.append(plan.profiles.get(u.code()).disadvantaged ? "true" : "false");
            }
            sb.append('\n');
        }
        out.append(sb);
    }

    private static void appendCsv(StringBuilder sb, String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf(';') < 0) {
            sb.append(v);
        } else {
            sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
    }
}
