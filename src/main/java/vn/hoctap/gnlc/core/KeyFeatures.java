package vn.hoctap.gnlc.core;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Các đặc điểm chính của thành phố học tập (UNESCO Key Features of Learning Cities, Beijing 2013; GNLC Guiding
 * Documents, UIL 2015): three groups (wider benefits, major building blocks, fundamental conditions), twelve areas of
 * focus and their features with suggested measurements, each with its source and verification status. Loaded from a
 * versioned file ({@code gnlc/key-features-v1.txt}); the features the city adds are merged with
 * {@link #withFeatures(List)}. Pure Java.
 */
public record KeyFeatures(String version, List<Group> groups, List<Area> areas, List<Feature> features) {

    public static final String RESOURCE = "/gnlc/key-features-v1.txt";
    static final Pattern GROUP_CODE = Pattern.compile("[1-9]");
    static final Pattern AREA_CODE = Pattern.compile("[1-9]\\.[1-9]");
    /** A feature: its area's code, a dot and a number (1.1.1) or a letter-number label the city chooses (2.4.c1). */
    public static final Pattern FEATURE_CODE = Pattern.compile("[1-9]\\.[1-9]\\.[a-z]?[0-9]{1,2}");

    public record Group(String code, String nameVi, String nameEn, String source, Verification verification) {
    }

    public record Area(String code, String group, String nameVi, String nameEn, String measurementsVi,
                       String measurementsEn, String source, Verification verification) {
    }

    public record Feature(String code, String area, String wordingVi, String wordingEn, String measurementsVi,
                          String measurementsEn, String source, Verification verification) {
    }

    public static KeyFeatures load() {
        return parse(Lines.resource(RESOURCE), "key-features-v1.txt");
    }

    public static KeyFeatures parse(Reader reader, String file) {
        String version = null;
        List<Group> groups = new ArrayList<>();
        List<Area> areas = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Lines.Line l : Lines.read(reader)) {
            String kind = l.get(0);
            switch (kind) {
                case "version" -> {
                    Lines.expect(file, l, 2, kind);
                    version = Lines.required(file, l, 1, "version");
                }
                case "group" -> {
                    Lines.expect(file, l, 6, kind);
                    String code = code(file, l, GROUP_CODE, codes);
                    groups.add(new Group(code, Lines.required(file, l, 2, "name_vi"), Lines.required(file, l, 3, "name_en"),
                            Lines.required(file, l, 4, "source"), status(file, l, 5)));
                }
                case "area" -> {
                    Lines.expect(file, l, 9, kind);
                    String code = code(file, l, AREA_CODE, codes);
                    String group = Lines.required(file, l, 2, "group");
                    if (groups.stream().noneMatch(g -> g.code().equals(group)) || !code.startsWith(group + ".")) {
                        throw new GnlcFileException(file, l.number(), "group", "gnlc.file.unknown-parent", group);
                    }
                    areas.add(new Area(code, group, Lines.required(file, l, 3, "name_vi"), Lines.required(file, l, 4, "name_en"),
                            Lines.optional(l, 5), Lines.optional(l, 6), Lines.required(file, l, 7, "source"), status(file, l, 8)));
                }
                case "feature" -> {
                    Lines.expect(file, l, 9, kind);
                    String code = code(file, l, FEATURE_CODE, codes);
                    String area = Lines.required(file, l, 2, "area");
                    if (areas.stream().noneMatch(a -> a.code().equals(area)) || !code.startsWith(area + ".")) {
                        throw new GnlcFileException(file, l.number(), "area", "gnlc.file.unknown-parent", area);
                    }
                    features.add(new Feature(code, area, Lines.required(file, l, 3, "wording_vi"), Lines.required(file, l, 4, "wording_en"),
                            Lines.optional(l, 5), Lines.optional(l, 6), Lines.required(file, l, 7, "source"), status(file, l, 8)));
                }
                default -> throw new GnlcFileException(file, l.number(), "kind", "gnlc.file.unknown-kind", kind);
            }
        }
        if (version == null) throw new GnlcFileException(file, 1, "version", "gnlc.file.required", "");
        return new KeyFeatures(version, List.copyOf(groups), List.copyOf(areas), List.copyOf(features));
    }

    private static String code(String file, Lines.Line l, Pattern p, Set<String> codes) {
        String code = Lines.required(file, l, 1, "code");
        if (!p.matcher(code).matches()) throw new GnlcFileException(file, l.number(), "code", "gnlc.file.bad-code", code);
        if (!codes.add(code)) throw new GnlcFileException(file, l.number(), "code", "gnlc.file.duplicate", code);
        return code;
    }

    private static Verification status(String file, Lines.Line l, int i) {
        try {
            return Verification.ofCode(l.get(i));
        } catch (IllegalArgumentException e) {
            throw new GnlcFileException(file, l.number(), "status", "gnlc.file.bad-status", l.get(i));
        }
    }

    /** The framework with the city's own features added (they keep their status, {@link Verification#CITY}). */
    public KeyFeatures withFeatures(List<Feature> extra) {
        List<Feature> all = new ArrayList<>(features);
        all.addAll(extra);
        all.sort(java.util.Comparator.comparing(Feature::code));
        return new KeyFeatures(version, groups, areas, List.copyOf(all));
    }

    public Optional<Area> area(String code) {
        return areas.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    public Optional<Feature> feature(String code) {
        return features.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    public List<Area> areasOf(String group) {
        return areas.stream().filter(a -> a.group().equals(group)).toList();
    }

    public List<Feature> featuresOf(String area) {
        return features.stream().filter(f -> f.area().equals(area)).toList();
    }

    /** Whether a code names an area or a feature of this framework (what evidence and questions may point at). */
    public boolean hasTarget(String code) {
        return area(code).isPresent() || feature(code).isPresent();
    }

    /** The area a target belongs to: the area itself or a feature's area. */
    public String areaOf(String target) {
        return feature(target).map(Feature::area).orElse(target);
    }
}
