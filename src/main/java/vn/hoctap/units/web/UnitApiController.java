package vn.hoctap.units.web;

import vn.hoctap.accounts.Access;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;
import vn.hoctap.units.UnitDirectory;
import vn.hoctap.units.core.UnitHistory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;
import vn.hoctap.units.Villages;
import vn.hoctap.units.web.UnitViews.UnitDetail;
import vn.hoctap.units.web.UnitViews.UnitItem;

/** The administrative units and villages as JSON, scoped like the pages. */
@RestController
@RequestMapping("/api")
@Tag(name = "units", description = "Đơn vị hành chính và lịch sử / administrative units and their history")
class UnitApiController {

    private final UnitDirectory directory;
    private final Villages villages;
    private final AccessGuard guard;

    UnitApiController(UnitDirectory directory, Villages villages, AccessGuard guard) {
        this.directory = directory;
        this.villages = villages;
        this.guard = guard;
    }

    @Operation(summary = "Units in force on a date (default today) that the user may read; q searches names without diacritics")
    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/units")
    List<UnitItem> units(@RequestParam(required = false) String date, @RequestParam(required = false) String q) {
        UnitHistory h = directory.history();
        LocalDate d = UnitViews.parseDate(date, h);
        List<UnitVersion> list = q == null || q.isBlank() ? h.unitsOn(d) : h.search(q, d);
        return list.stream().filter(v -> guard.canRead(v.code(), d)).map(UnitItem::of).toList();
    }

    @Operation(summary = "One unit on a date (default: in force today, else its last version) with ancestors, children, versions, predecessors, successors, population and villages")
    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/units/{code}")
    UnitDetail unit(@PathVariable String code, @RequestParam(required = false) String date) {
        UnitHistory h = directory.history();
        UnitVersion v = resolve(h, code, date);
        LocalDate d = date == null || date.isBlank() ? UnitViews.dayShown(v) : UnitViews.parseDate(date, h);
        var pop = directory.population(code);
        return new UnitDetail(UnitItem.of(v),
                h.ancestors(code, d).stream().map(UnitItem::of).toList(),
                h.children(code, d).stream().filter(c -> guard.canRead(c.code(), d)).map(UnitItem::of).toList(),
                h.versions(code).stream().map(UnitItem::of).toList(),
                UnitViews.predecessors(h, v), UnitViews.successors(h, v),
                pop.map(e -> e.getValue()).orElse(null), pop.map(e -> e.getKey()).orElse(null),
                v.level() == UnitLevel.COMMUNE ? villages.of(code, d) : List.of());
    }

    @Operation(summary = "Ancestors of a unit on a date, nearest first")
    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/units/{code}/ancestors")
    List<UnitItem> ancestors(@PathVariable String code, @RequestParam(required = false) String date) {
        UnitHistory h = directory.history();
        LocalDate d = UnitViews.parseDate(date, h);
        requireInForce(h, code, d);
        return h.ancestors(code, d).stream().map(UnitItem::of).toList();
    }

    @Operation(summary = "All units below a unit on a date that the user may read")
    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/units/{code}/descendants")
    List<UnitItem> descendants(@PathVariable String code, @RequestParam(required = false) String date) {
        UnitHistory h = directory.history();
        LocalDate d = UnitViews.parseDate(date, h);
        requireInForce(h, code, d);
        return h.descendants(code, d).stream().filter(v -> guard.canRead(v.code(), d)).map(UnitItem::of).toList();
    }

    @Operation(summary = "What a unit became at a reorganisation (for a date on which the old unit was in force)")
    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/units/{code}/successors")
    List<UnitViews.Link> successors(@PathVariable String code, @RequestParam(required = false) String date) {
        UnitHistory h = directory.history();
        return UnitViews.successors(h, resolve(h, code, date));
    }

    @Operation(summary = "What a unit was formed from (for a date on which the new unit is in force)")
    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/units/{code}/predecessors")
    List<UnitViews.Link> predecessors(@PathVariable String code, @RequestParam(required = false) String date) {
        UnitHistory h = directory.history();
        return UnitViews.predecessors(h, resolve(h, code, date));
    }

    record VillageInput(String name, String kind, LocalDate validFrom, Integer version) {
    }

    @Operation(summary = "Villages (thôn, tổ dân phố) of a commune on a date")
    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/units/{code}/villages")
    List<Villages.Village> villagesOf(@PathVariable String code, @RequestParam(required = false) String date) {
        UnitHistory h = directory.history();
        if (!h.exists(code)) {
            throw new NotFoundException("units.error.not-found", code);
        }
        guard.requireRead(code);
        return villages.of(code, UnitViews.parseDate(date, h));
    }

    @Operation(summary = "Add a village under a commune (commune officers: their commune only)")
    @Access(kind = DataKind.UNITS, action = AccessAction.WRITE)
    @PostMapping("/units/{code}/villages")
    @ResponseStatus(HttpStatus.CREATED)
    Villages.Village addVillage(@PathVariable String code, @RequestBody VillageInput in) {
        if (!directory.history().exists(code)) {
            throw new NotFoundException("units.error.not-found", code);
        }
        guard.require(DataKind.UNITS, AccessAction.WRITE, code);
        return villages.add(code, in.name(), kind(in), in.validFrom());
    }

    @Access(kind = DataKind.UNITS, action = AccessAction.READ)
    @GetMapping("/villages/{id}")
    Villages.Village village(@PathVariable long id) {
        return villages.get(id);
    }

    @Operation(summary = "Rename a village or change its kind; give the version you read")
    @Access(kind = DataKind.UNITS, action = AccessAction.WRITE)
    @PutMapping("/villages/{id}")
    Villages.Village updateVillage(@PathVariable long id, @RequestBody VillageInput in) {
        if (in.version() == null) {
            throw ValidationException.of("version", "village.error.version-missing");
        }
        return villages.update(id, in.name(), kind(in), in.version());
    }

    private static Villages.Kind kind(VillageInput in) {
        if (in.kind() == null) {
            throw ValidationException.of("kind", "village.error.kind");
        }
        return Villages.Kind.fromCode(in.kind());
    }

    private UnitVersion resolve(UnitHistory h, String code, String date) {
        if (!h.exists(code)) {
            throw new NotFoundException("units.error.not-found", code);
        }
        if (date == null || date.isBlank()) {
            guard.requireRead(code);
            return h.current(code, HanoiTime.today()).orElseThrow();
        }
        LocalDate d = UnitViews.parseDate(date, h);
        guard.requireRead(code, d);
        return h.version(code, d).orElseThrow(() -> new NotFoundException("units.error.not-in-force", code, date));
    }

    private void requireInForce(UnitHistory h, String code, LocalDate d) {
        if (!h.exists(code)) {
            throw new NotFoundException("units.error.not-found", code);
        }
        guard.requireRead(code, d);
        if (h.version(code, d).isEmpty()) {
            throw new NotFoundException("units.error.not-in-force", code, d);
        }
    }
}
