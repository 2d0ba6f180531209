package vn.hoctap.indicators.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The indicators of Nghị quyết 23-NQ/TU with their targets, as shipped in
 * {@code indicators/nq23-targets.txt} (from the project's docs/targets-nq23.md and regulations.md).
 * Plain Java: read by the application on first start (then the targets live in the database, where
 * administrators edit them) and by tests.
 */
public final class IndicatorCatalogue {

    public static final String RESOURCE = "/indicators/nq23-targets.txt";

    private IndicatorCatalogue() {
    }

    public static List<IndicatorDefinition> load() {
        try (InputStream in = IndicatorCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<IndicatorDefinition> parse(BufferedReader r, String name) throws IOException {
        List<IndicatorDefinition> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 13) {
                throw new IllegalArgumentException(name + ":" + n + ": expected 13 fields separated by |, found " + f.length);
            }
            try {
                out.add(new IndicatorDefinition(f[0].strip(), Integer.parseInt(f[1].strip()),
                        IndicatorDefinition.Source.valueOf(f[2].strip().toUpperCase(Locale.ROOT)), f[3].strip(),
                        f[4].strip(), f[5].strip(), TargetSpec.parse(f[6]), TargetSpec.parse(f[7]), blank(f[8]),
                        blank(f[9]), TargetSpec.parse(f[10]), TargetSpec.parse(f[11]), blank(f[12])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + n + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
