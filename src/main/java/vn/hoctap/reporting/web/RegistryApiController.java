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

    private final org.springframework.context.MessageSource messages;

    RegistryApiController(OrganisationRegistry registry, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "Register entries of the user's communes (optionally one commune)")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.READ)
    List<OrganisationRegistry.Entry> list(@RequestParam(required = false) String commune) {
        return registry.entries(commune);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The register in the exchange format (headers=en, the default); headers=vi: the same rows with "
            + "a byte-order mark and the column names in Vietnamese, for Excel (not for re-import)")
    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.EXPORT)
    ResponseEntity<String> export(@RequestParam(defaultValue = "en") String headers, java.util.Locale locale) {
        String csv = registry.exportCsv();
        String fileName = "danh-muc-to-chuc.csv";
        if ("vi".equals(headers)) {
            int nl = csv.indexOf('\n');
            List<String> labels = new java.util.ArrayList<>();
            for (String h : csv.substring(0, nl).split(",")) {
                labels.add(messages.getMessage(HEADER_LABELS.getOrDefault(h, h), null, h, locale));
            }
            // the header line of words by Commons CSV (the rows below stay the exchange format's bytes)
            StringBuilder header = new StringBuilder("\uFEFF");
            try {
                vn.hoctap.platform.CsvWriter.of(header).row(labels.toArray());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            csv = header.substring(0, header.length() - 1) + csv.substring(nl);
            fileName = "danh-muc-to-chuc-doc.csv";
        } else if (!"en".equals(headers)) {
            throw vn.hoctap.platform.ValidationException.of("headers", "registry.export.headers");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").body(csv);
    }

    /** Each exchange-format column and the message that names it in words (the import page's format table). */
    static final java.util.Map<String, String> HEADER_LABELS = java.util.Map.ofEntries(
            java.util.Map.entry("code", "registry.template.code"), java.util.Map.entry("name", "registry.template.name"),
            java.util.Map.entry("kind", "reporting.organisation.kind"), java.util.Map.entry("school_level", "registry.template.school-level"),
            java.util.Map.entry("ownership", "registry.ownership"), java.util.Map.entry("commune_code", "reporting.commune"),
            java.util.Map.entry("staff", "registry.staff"), java.util.Map.entry("valid_from", "registry.template.valid-from"),
            java.util.Map.entry("valid_until", "registry.template.valid-until"),
            java.util.Map.entry("former_commune_code", "registry.template.former"), java.util.Map.entry("it_staff", "registry.it-staff"));

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
