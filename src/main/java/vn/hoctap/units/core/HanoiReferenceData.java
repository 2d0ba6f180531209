package vn.hoctap.units.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import vn.hoctap.platform.VietnameseText;

/**
 * Hà Nội's administrative units as shipped with HọcTập (classpath {@code data/hanoi}, copied from
 * the project's reference data; sources and licences in its README):
 * <ul>
 * <li>{@code units-2024.csv}: 30 districts and 579 communes, taken as in force from 01/01/2024 (the
 * data set does not say since when; earlier dates are not covered) to 31/12/2024;</li>
 * <li>{@code units-2025-pre-reform.csv}: 30 districts and 526 communes, 01/01/2025 – 30/06/2025;</li>
 * <li>{@code units-2025.csv}: 126 communes directly under the city from 01/07/2025 (Nghị quyết
 * 1656/NQ-UBTVQH15; two-level local government);</li>
 * <li>{@code merger-2025.csv}: which pre-reform commune went wholly or partly into which new one,
 * effective 01/07/2025 (unofficial, LLM-assisted and checked by its author).</li>
 * </ul>
 * Consecutive structures that keep a unit unchanged (same code, name, level and parent) give one
 * version spanning both. The rearrangement of 01/01/2025 removed 53 communes whose receiving commune
 * no source gives, so they have no successor.
 */
public final class HanoiReferenceData {

    public static final LocalDate START_2024 = LocalDate.of(2024, 1, 1);
    public static final LocalDate START_2025 = LocalDate.of(2025, 1, 1);
    public static final LocalDate REFORM_2025 = LocalDate.of(2025, 7, 1);

    private static final String BASE = "/data/hanoi/";

    /** The three structures in order, each with the date it came into force. */
    public record Structure(String file, LocalDate from, String source) {
    }

    public static final List<Structure> STRUCTURES = List.of(
            new Structure("units-2024.csv", START_2024, "GSO, danh mục 01/11/2024 (units-2024.csv)"),
            new Structure("units-2025-pre-reform.csv", START_2025, "GSO, danh mục 01/03/2025 (units-2025-pre-reform.csv)"),
            new Structure("units-2025.csv", REFORM_2025, "QĐ 19/2025/QĐ-TTg; NQ 1656/NQ-UBTVQH15 (units-2025.csv)"));

    public static final String MERGER_FILE = "merger-2025.csv";
    public static final String POPULATION_FILE = "population.csv";
    private static final String MERGER_SOURCE = "NQ 1656/NQ-UBTVQH15 (merger-2025.csv, dvhcvn, không chính thức)";

    /** A population figure of population.csv. */
    public record Population(String code, int year, long population, String source) {
    }

    private HanoiReferenceData() {
    }

    public static UnitHistory load() {
        return new UnitHistory(versions(), successions());
    }

    /** Dated versions built from the three structures. */
    public static List<UnitVersion> versions() {
        // code -> open version (the one in force in the previous structure)
        Map<String, UnitVersion> open = new LinkedHashMap<>();
        List<UnitVersion> closed = new ArrayList<>();
        for (Structure s : STRUCTURES) {
            Map<String, UnitVersion> next = new LinkedHashMap<>();
            for (String[] row : rows(s.file(), 4)) {
                String code = row[0];
                String name = VietnameseText.nfc(row[1]);
                UnitLevel level = UnitLevel.fromCode(row[2]);
                String parent = row[3].isEmpty() ? null : row[3];
                UnitVersion previous = open.remove(code);
                if (previous != null && previous.name().equals(name) && previous.level() == level
                        && Objects.equals(previous.parentCode(), parent)) {
                    next.put(code, previous);
                } else {
                    if (previous != null) {
                        closed.add(close(previous, s.from()));
                    }
                    next.put(code, new UnitVersion(code, name, level, parent, s.from(), null, s.source()));
                }
            }
            for (UnitVersion gone : open.values()) {
                closed.add(close(gone, s.from()));
            }
            open = next;
        }
        closed.addAll(open.values());
        return closed;
    }

    private static UnitVersion close(UnitVersion v, LocalDate until) {
        return new UnitVersion(v.code(), v.name(), v.level(), v.parentCode(), v.validFrom(), until, v.source());
    }

    public static List<Succession> successions() {
        List<Succession> out = new ArrayList<>();
        for (String[] row : rows(MERGER_FILE, 5)) {
            out.add(new Succession(row[0], row[1], REFORM_2025, Succession.Kind.fromCode(row[4]), MERGER_SOURCE));
        }
        return out;
    }

    public static List<Population> population() {
        List<Population> out = new ArrayList<>();
        for (String[] row : rows(POPULATION_FILE, 4)) {
            String source = String.join(",", java.util.Arrays.copyOfRange(row, 3, row.length));
            out.add(new Population(row[0], Integer.parseInt(row[1]), Long.parseLong(row[2]), source));
        }
        return out;
    }

    /** A checksum of every reference file, so that a changed data set is noticed and reloaded. */
    public static String checksum() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<String> files = new ArrayList<>();
            STRUCTURES.forEach(s -> files.add(s.file()));
            files.add(MERGER_FILE);
            files.add(POPULATION_FILE);
            for (String f : files) {
                try (InputStream in = open(f)) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = HanoiReferenceData.class.getResourceAsStream(BASE + file);
        if (in == null) {
            throw new IllegalStateException("reference data file missing from the application: " + BASE + file);
        }
        return in;
    }

    /**
     * The rows (header skipped, cells stripped) of a shipped reference file: simple CSV with no quoted
     * fields; a malformed line is a packaging error.
     */
    public static List<String[]> rows(String file, int columns) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length < columns) {
                    throw new IllegalStateException(file + ", line " + lineNo + ": expected " + columns
                            + " columns, found " + cells.length);
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                out.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
