package vn.hoctap.indicators.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chỉ tiêu đo gì: for each indicator of Nghị quyết 23-NQ/TU the formula, who is in the denominator, where the data
 * come from, how well it is backed (V / S / M) and the known difference from the resolution's wording, in Vietnamese
 * and English, from {@code indicators/nq23-definitions.txt} (issue 15). The one source of the indicator page and of the
 * generated section of docs/indicators.md ({@link #markdown}). Plain Java.
 */
public final class IndicatorDescriptions {

    public static final String RESOURCE = "/indicators/nq23-definitions.txt";
    static final List<String> FIELDS = List.of("formula", "population", "data", "status", "difference");

    /** One indicator's description; {@code status} is the letter V, S or M. */
    public record Description(String id, String status, Map<String, String> vi, Map<String, String> en) {
        public String text(String field, boolean english) {
            return (english ? en : vi).get(field);
        }
    }

    private static volatile Map<String, Description> loaded;

    private IndicatorDescriptions() {
    }

    /** The descriptions by indicator id, in file order. */
    public static Map<String, Description> load() {
        Map<String, Description> d = loaded;
        if (d == null) {
            try (InputStream in = IndicatorDescriptions.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing " + RESOURCE);
                d = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            loaded = d;
        }
        return d;
    }

    static Map<String, Description> parse(String text, String name) {
        Map<String, Description> out = new LinkedHashMap<>();
        String id = null;
        String status = null;
        Map<String, String> vi = null, en = null;
        int n = 0;
        for (String line : (text + "\n[]").split("\n")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            if (line.startsWith("[")) {
                if (id != null) {
                    for (String f : FIELDS) {
                        if (!vi.containsKey(f) || !en.containsKey(f)) {
                            throw new IllegalArgumentException(name + ": [" + id + "] lacks " + f + ".vi or " + f + ".en");
                        }
                    }
                    if (status == null) throw new IllegalArgumentException(name + ": [" + id + "] lacks status");
                    out.put(id, new Description(id, status, Map.copyOf(vi), Map.copyOf(en)));
                }
                id = line.strip().substring(1, line.strip().length() - 1);
                if (out.containsKey(id)) throw new IllegalArgumentException(name + ":" + n + ": [" + id + "] twice");
                status = null;
                vi = new LinkedHashMap<>();
                en = new LinkedHashMap<>();
                continue;
            }
            int colon = line.indexOf(": ");
            if (id == null || colon < 0) throw new IllegalArgumentException(name + ":" + n + ": expected [id] or key: text");
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 2).strip();
            if (key.equals("status")) {
                if (!List.of("V", "S", "M").contains(value)) throw new IllegalArgumentException(name + ":" + n + ": status V, S or M");
                status = value;
            } else if (key.endsWith(".vi") && FIELDS.contains(key.substring(0, key.length() - 3))) {
                vi.put(key.substring(0, key.length() - 3), value);
            } else if (key.endsWith(".en") && FIELDS.contains(key.substring(0, key.length() - 3))) {
                en.put(key.substring(0, key.length() - 3), value);
            } else {
                throw new IllegalArgumentException(name + ":" + n + ": unknown key " + key);
            }
        }
        return out;
    }

    /**
     * The generated section of docs/indicators.md: one entry per indicator of the catalogue, in catalogue order, with
     * the resolution's wording (and the re-based one), then the English description.
     */
    public static String markdown(List<IndicatorDefinition> catalogue, Map<String, Description> descriptions) {
        StringBuilder b = new StringBuilder();
        for (IndicatorDefinition d : catalogue) {
            Description x = descriptions.get(d.id());
            if (x == null) throw new IllegalArgumentException("no description of " + d.id());
            b.append("### `").append(d.id()).append("` — ").append(d.nameEn()).append("\n\n");
            b.append("- **Resolution's wording:** ").append(d.nameVi());
            if (d.rebasedVi() != null) b.append(" (re-based since 1/7/2025: ").append(d.rebasedVi()).append(")");
            b.append("\n");
            b.append("- **Formula:** ").append(x.en().get("formula")).append("\n");
            b.append("- **Denominator population:** ").append(x.en().get("population")).append("\n");
            b.append("- **Data source:** ").append(x.en().get("data")).append("\n");
            b.append("- **Verification status:** ").append(x.status()).append(" — ").append(x.en().get("status")).append("\n");
            b.append("- **Known difference:** ").append(x.en().get("difference")).append("\n\n");
        }
        return b.toString();
    }
}
