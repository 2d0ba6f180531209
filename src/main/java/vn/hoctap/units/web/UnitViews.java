package vn.hoctap.units.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.core.Succession;
import vn.hoctap.units.core.UnitHistory;
import vn.hoctap.units.core.UnitVersion;
import vn.hoctap.units.Villages;

/** Shapes shared by the unit pages and the unit API. */
final class UnitViews {

    private UnitViews() {
    }

    /** A unit as listed (JSON in snake_case, as everywhere in the API: parent_code, valid_from). */
    record UnitItem(String code, String name, String level, String parentCode, LocalDate validFrom, LocalDate validUntil) {
        static UnitItem of(UnitVersion v) {
            return new UnitItem(v.code(), v.name(), v.level().code(), v.parentCode(), v.validFrom(), v.validUntil());
        }
    }

    /** A succession seen from one side: the other unit, its name at the time, full or partial. */
    record Link(String code, String name, String kind, LocalDate effective) {
    }

    record UnitDetail(UnitItem unit, List<UnitItem> ancestors, List<UnitItem> children, List<UnitItem> versions,
                      List<Link> predecessors, List<Link> successors, Long population, Integer populationYear,
                      List<Villages.Village> villages) {
    }

    /** A node of the unit tree for a date. */
    record Node(UnitVersion unit, List<Node> children) {
    }

    static LocalDate parseDate(String text, UnitHistory history) {
        LocalDate date;
        if (text == null || text.isBlank()) {
            date = HanoiTime.today();
        } else {
            try {
                date = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw ValidationException.of("date", "units.error.date-format");
            }
        }
        if (!history.covers(date)) {
            throw ValidationException.of("date", "units.error.before-history");
        }
        return date;
    }

    /** The day a version is shown for when no date is asked: today if in force, else its last day. */
    static LocalDate dayShown(UnitVersion v) {
        return v.lastDay() == null ? HanoiTime.today() : v.lastDay();
    }

    static List<Link> predecessors(UnitHistory h, UnitVersion v) {
        List<Link> out = new ArrayList<>();
        for (Succession s : h.predecessorsOf(v)) {
            String name = h.version(s.oldCode(), s.effective().minusDays(1)).map(UnitVersion::name).orElse(s.oldCode());
            out.add(new Link(s.oldCode(), name, s.kind().code(), s.effective()));
        }
        return out;
    }

    static List<Link> successors(UnitHistory h, UnitVersion v) {
        List<Link> out = new ArrayList<>();
        for (Succession s : h.successorsOf(v)) {
            String name = h.version(s.newCode(), s.effective()).map(UnitVersion::name).orElse(s.newCode());
            out.add(new Link(s.newCode(), name, s.kind().code(), s.effective()));
        }
        return out;
    }

    /** The tree of units in force on a date, keeping only what the user may read. */
    static List<Node> tree(UnitHistory h, LocalDate date, AccessGuard guard) {
        List<Node> roots = new ArrayList<>();
        for (UnitVersion v : h.unitsOn(date)) {
            if (v.parentCode() == null) {
                roots.add(node(h, v, date, guard));
            }
        }
        return roots;
    }

    private static Node node(UnitHistory h, UnitVersion v, LocalDate date, AccessGuard guard) {
        List<Node> kids = new ArrayList<>();
        for (UnitVersion c : h.children(v.code(), date)) {
            Node n = node(h, c, date, guard);
            if (guard.canRead(c.code(), date) || !n.children().isEmpty()) {
                kids.add(n);
            }
        }
        return new Node(v, kids);
    }
}
