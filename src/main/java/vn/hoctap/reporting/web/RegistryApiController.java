package vn.hoctap.reporting.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.reporting.OrganisationRegistry;

/** JSON/CSV API of the register of organisations (docs/contracts/organisations-csv.md). */
@RestController
@RequestMapping("/api/reporting/registry")
@Tag(name = "organisations", description = "The register of organisations: denominators of the reported indicators")
class RegistryApiController {

    private final OrganisationRegistry registry;

    RegistryApiController(OrganisationRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "Register entries of the user's communes (optionally one commune)")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.READ)
    List<OrganisationRegistry.Entry> list(@RequestParam(required = false) String commune) {
        return registry.entries(commune);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The register in the exchange format")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.EXPORT)
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)).body(registry.exportCsv());
    }

    @PostMapping(value = "/import", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import a register file: all or nothing, errors located by line and column; dryRun writes nothing")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    ResponseEntity<OrganisationRegistry.ImportResult> importCsv(@RequestBody String csv, @RequestParam(defaultValue = "false") boolean dryRun) {
        OrganisationRegistry.ImportResult r = registry.importCsv(csv, dryRun);
        return ResponseEntity.status(r.ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(r);
    }

    @PostMapping(value = "/import", consumes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "Import a register workbook (XLSX, first sheet, same columns): all or nothing, errors by row and column")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    ResponseEntity<OrganisationRegistry.ImportResult> importXlsx(@RequestBody byte[] xlsx, @RequestParam(defaultValue = "false") boolean dryRun) {
        OrganisationRegistry.ImportResult r = registry.importXlsx(xlsx, dryRun);
        return ResponseEntity.status(r.ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(r);
    }

    record EntryJson(String name, String schoolLevel, String ownership, Integer staff, LocalDate validFrom, LocalDate validUntil,
                     Integer itStaff) {
    }

    @PutMapping("/{id}")
    @Operation(summary = "Edit an organisation's register facts")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    OrganisationRegistry.Entry update(@PathVariable long id, @RequestBody EntryJson b) {
        return registry.update(id, b.name(), b.schoolLevel(), b.ownership(), b.staff(), b.validFrom(), b.validUntil(), b.itStaff());
    }
}
