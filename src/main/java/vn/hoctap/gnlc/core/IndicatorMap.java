package vn.hoctap.gnlc.core;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chỉ tiêu của nền tảng làm bằng chứng: the platform's own indicators (NQ 23 catalogue) mapped to areas or
 * features of the Key Features, as a versioned file ({@code gnlc/indicator-map-v1.txt}). The mapping is the
 * platform's reading, not UIL's. Pure Java.
 */
public record IndicatorMap(String version, Map<String, List<String>> byTarget) {

    public static final String RESOURCE = "/gnlc/indicator-map-v1.txt";

    public static IndicatorMap load() {
        return parse(Lines.resource(RESOURCE), "indicator-map-v1.txt");
    }

    public static IndicatorMap parse(Reader reader, String file) {
        String version = null;
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        for (Lines.Line l : Lines.read(reader)) {
            Lines.expect(file, l, 2, "mapping");
            if (l.get(0).equals("version")) {
                version = Lines.required(file, l, 1, "version");
                continue;
            }
            String indicator = Lines.required(file, l, 0, "indicator");
            String target = Lines.required(file, l, 1, "target");
            List<String> list = byTarget.computeIfAbsent(target, k -> new ArrayList<>());
            if (list.contains(indicator)) throw new GnlcFileException(file, l.number(), "indicator", "gnlc.file.duplicate", indicator);
            list.add(indicator);
        }
        if (version == null) throw new GnlcFileException(file, 1, "version", "gnlc.file.required", "");
        return new IndicatorMap(version, byTarget);
    }

    public List<String> indicatorsOf(String target) {
        return byTarget.getOrDefault(target, List.of());
    }
}
