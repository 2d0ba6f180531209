package vn.hoctap.units.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.hoctap.platform.VietnameseText;

/**
 * Lịch sử đơn vị hành chính: every dated version of every unit and the successions between them,
 * answering "which units were in force on a date", ancestors and descendants on a date, what an old
 * unit became and what a new unit was formed from. Immutable and free of any framework, so that the
 * web application, the command line and the computations share one model.
 */
public final class UnitHistory {

    private static final Comparator<UnitVersion> ORDER = Comparator
            .comparing((UnitVersion v) -> v.level().ordinal())
            .thenComparing(UnitVersion::code);

    private final List<UnitVersion> versions;
    private final Map<String, List<UnitVersion>> byCode = new HashMap<>();
    private final List<Succession> successions;
    private final LocalDate earliest;

    public UnitHistory(List<UnitVersion> versions, List<Succession> successions) {
        List<UnitVersion> sorted = new ArrayList<>(versions);
        sorted.sort(ORDER.thenComparing(UnitVersion::validFrom));
        this.versions = List.copyOf(sorted);
        for (UnitVersion v : this.versions) {
            byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v);
        }
        byCode.values().forEach(list -> list.sort(Comparator.comparing(UnitVersion::validFrom)));
        this.successions = List.copyOf(successions);
        this.earliest = this.versions.stream().map(UnitVersion::validFrom).min(LocalDate::compareTo).orElse(null);
    }

    /** The first date for which the history knows the units; earlier dates are not covered. */
    public LocalDate earliestDate() {
        return earliest;
    }

    public boolean covers(LocalDate date) {
        return earliest != null && !date.isBefore(earliest);
    }

    public List<UnitVersion> allVersions() {
        return versions;
    }

    public List<Succession> successions() {
        return successions;
    }

    /** The units in force on {@code date}: the city first, then districts, then communes, each by code. */
    public List<UnitVersion> unitsOn(LocalDate date) {
        List<UnitVersion> out = new ArrayList<>();
        for (UnitVersion v : versions) {
            if (v.inForceOn(date)) {
                out.add(v);
            }
        }
        return out;
    }

    public Optional<UnitVersion> version(String code, LocalDate date) {
        for (UnitVersion v : byCode.getOrDefault(code, List.of())) {
            if (v.inForceOn(date)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** All versions of a code, oldest first. A code can have been reused by a different unit. */
    public List<UnitVersion> versions(String code) {
        return byCode.getOrDefault(code, List.of());
    }

    public boolean exists(String code) {
        return byCode.containsKey(code);
    }

    /** The version to show for a code when no date is given: the one in force today, or the latest. */
    public Optional<UnitVersion> current(String code, LocalDate today) {
        Optional<UnitVersion> v = version(code, today);
        if (v.isPresent()) {
            return v;
        }
        List<UnitVersion> list = versions(code);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    public List<UnitVersion> children(String code, LocalDate date) {
        List<UnitVersion> out = new ArrayList<>();
        for (UnitVersion v : versions) {
            if (code.equals(v.parentCode()) && v.inForceOn(date)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Every unit below {@code code} on {@code date}, depth first. */
    public List<UnitVersion> descendants(String code, LocalDate date) {
        List<UnitVersion> out = new ArrayList<>();
        for (UnitVersion child : children(code, date)) {
            out.add(child);
            out.addAll(descendants(child.code(), date));
        }
        return out;
    }

    /** The chain of parents of a unit on {@code date}, nearest first (e.g. district, then city). */
    public List<UnitVersion> ancestors(String code, LocalDate date) {
        List<UnitVersion> out = new ArrayList<>();
        Optional<UnitVersion> current = version(code, date);
        Set<String> seen = new LinkedHashSet<>();
        while (current.isPresent() && current.get().parentCode() != null && seen.add(current.get().code())) {
            current = version(current.get().parentCode(), date);
            current.ifPresent(out::add);
        }
        return out;
    }

    /** What the given version became: the successions out of it, at the end of its validity. */
    public List<Succession> successorsOf(UnitVersion version) {
        if (version.validUntil() == null) {
            return List.of();
        }
        List<Succession> out = new ArrayList<>();
        for (Succession s : successions) {
            if (s.oldCode().equals(version.code()) && s.effective().equals(version.validUntil())) {
                out.add(s);
            }
        }
        return out;
    }

    /** What the given version was formed from: the successions into it, at the start of its validity. */
    public List<Succession> predecessorsOf(UnitVersion version) {
        List<Succession> out = new ArrayList<>();
        for (Succession s : successions) {
            if (s.newCode().equals(version.code()) && s.effective().equals(version.validFrom())) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Units in force on {@code date} whose name or code matches {@code query}, ignoring case and
     * diacritics ("hoan kiem" finds "Hoàn Kiếm").
     */
    public List<UnitVersion> search(String query, LocalDate date) {
        String q = VietnameseText.fold(query);
        List<UnitVersion> out = new ArrayList<>();
        if (q.isEmpty()) {
            return out;
        }
        for (UnitVersion v : unitsOn(date)) {
            if (v.code().equals(query.strip()) || VietnameseText.fold(v.name()).contains(q)) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Whether a unit is {@code scopeCode} itself or lies below it, in any version of the unit (at the
     * start of that version's validity). Used for access scoping.
     */
    public boolean isWithin(String code, String scopeCode) {
        if (code.equals(scopeCode)) {
            return true;
        }
        for (UnitVersion v : versions(code)) {
            for (UnitVersion a : ancestors(code, v.validFrom())) {
                if (a.code().equals(scopeCode)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Counts of units by level on a date, e.g. {city=1, district=30, commune=579}. */
    public Map<UnitLevel, Integer> countsOn(LocalDate date) {
        Map<UnitLevel, Integer> counts = new java.util.EnumMap<>(UnitLevel.class);
        for (UnitVersion v : unitsOn(date)) {
            counts.merge(v.level(), 1, Integer::sum);
        }
        return counts;
    }
}
