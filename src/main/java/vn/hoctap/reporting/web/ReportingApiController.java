package vn.hoctap.reporting.web;

import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.Access;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
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
import vn.hoctap.reporting.Completeness;
import vn.hoctap.reporting.Organisation;
import vn.hoctap.reporting.Organisations;
import vn.hoctap.reporting.ReportExchange;
import vn.hoctap.reporting.Reports;
import vn.hoctap.reporting.core.DataSet;
import vn.hoctap.reporting.core.OrganisationKind;

/** JSON API of reported data: data sets, organisations, reports and their approval, completeness, exchange. */
@RestController
@RequestMapping("/api")
@Tag(name = "reporting", description = "Reported data: forms, approval, completeness, DHIS2-compatible exchange")
class ReportingApiController {

    private final Organisations organisations;
    private final Reports reports;
    private final Completeness completeness;
    private final ReportExchange exchange;
    private final MessageSource messages;

    ReportingApiController(Organisations organisations, Reports reports, Completeness completeness, ReportExchange exchange,
                           MessageSource messages) {
        this.organisations = organisations;
        this.reports = reports;
        this.completeness = completeness;
        this.exchange = exchange;
        this.messages = messages;
    }

    record ElementJson(String code, String nameVi, String nameEn, String type, double min) {
    }

    record RuleJson(String condition, String messageVi, String messageEn) {
    }

    record IndicatorJson(String indicatorId, String numerator, String denominator) {
    }

    record DataSetJson(String code, String kind, String nameVi, String nameEn, String deadline, List<ElementJson> elements,
                       List<RuleJson> rules, List<IndicatorJson> indicators) {
        static DataSetJson of(DataSet d) {
            return new DataSetJson(d.code(), d.kind().code(), d.nameVi(), d.nameEn(), d.deadline().toString().substring(2),
                    d.elements().stream().map(e -> new ElementJson(e.code(), e.nameVi(), e.nameEn(), e.type().code(), e.min())).toList(),
                    d.rules().stream().map(r -> new RuleJson(r.condition().text(), r.messageVi(), r.messageEn())).toList(),
                    d.indicators().stream().map(i -> new IndicatorJson(i.indicatorId(), i.numerator().text(), i.denominator().text())).toList());
        }
    }

    @Access(kind = DataKind.SIGNED_IN, action = AccessAction.READ)
    @GetMapping("/reporting/datasets")
    @Operation(summary = "The data sets: elements, validation rules and the indicators they feed")
    List<DataSetJson> dataSets() {
        return reports.catalogue().all().stream().map(DataSetJson::of).toList();
    }

    record OrganisationJson(long id, String code, String name, String kind, String communeCode) {
        static OrganisationJson of(Organisation o) {
            return new OrganisationJson(o.id(), o.code(), o.name(), o.kind().code(), o.communeCode());
        }
    }

    record NewOrganisation(String communeCode, String name, String kind) {
    }

    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.READ)
    @GetMapping("/reporting/organisations")
    @Operation(summary = "Organisations the user may see (an organisation user: their own)")
    List<OrganisationJson> organisations(@RequestParam(required = false) String commune) {
        return organisations.visible(commune).stream().map(OrganisationJson::of).toList();
    }

    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    @PostMapping("/reporting/organisations")
    @Operation(summary = "Register an organisation under a commune (commune officer or city)")
    ResponseEntity<OrganisationJson> addOrganisation(@RequestBody NewOrganisation body) {
        Organisation o = organisations.add(body.communeCode(), body.name(), OrganisationKind.fromCode(body.kind()));
        return ResponseEntity.status(HttpStatus.CREATED).body(OrganisationJson.of(o));
    }

    record MemberBody(String username) {
    }

    @Access(kind = DataKind.ORGANISATIONS, action = AccessAction.WRITE)
    @PostMapping("/reporting/organisations/{id}/members")
    @Operation(summary = "Link an organisation-user account to the organisation it reports for (commune officer or city)")
    Map<String, Object> link(@PathVariable long id, @RequestBody MemberBody body) {
        organisations.link(body.username(), id);
        return Map.of("organisation_id", id, "members", organisations.members(id));
    }

    record FieldJson(String element, String value, String previous, boolean unlocked, String warning) {
    }

    record ReportJson(Long id, long organisationId, String dataSet, int period, String state, String message, String deadline,
                      List<FieldJson> fields, Reports.Permissions can) {
    }

    static ReportJson json(Reports.ReportView v) {
        List<FieldJson> fields = new ArrayList<>();
        for (Reports.Field f : v.fields()) {
            fields.add(new FieldJson(f.element().code(), f.value() == null ? null : f.text(),
                    f.previous() == null ? null : vn.hoctap.reporting.core.FormValidation.format(f.element(), f.previous(), false),
                    f.unlocked(), f.warning() == null ? null : f.warning().kind().name().toLowerCase()));
        }
        return new ReportJson(v.report() == null ? null : v.report().id(), v.organisation().id(), v.dataSet().code(), v.period(),
                v.state() == null ? null : v.state().code(), v.report() == null ? null : v.report().message(),
                v.deadline().toString(), fields, v.can());
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.READ)
    @GetMapping("/reporting/organisations/{org}/reports/{dataSet}/{period}")
    @Operation(summary = "An organisation's report of a data set and year: values, previous year's values, warnings, state")
    ReportJson report(@PathVariable long org, @PathVariable String dataSet, @PathVariable int period) {
        return json(reports.view(org, dataSet, period));
    }

    record SaveBody(Map<String, String> values, boolean submit) {
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.WRITE)
    @PutMapping("/reporting/organisations/{org}/reports/{dataSet}/{period}")
    @Operation(summary = "Save values as a draft, or submit them; checked against types and validation rules")
    ReportJson save(@PathVariable long org, @PathVariable String dataSet, @PathVariable int period, @RequestBody SaveBody body) {
        reports.save(org, dataSet, period, body.values() == null ? Map.of() : body.values(), body.submit());
        return json(reports.view(org, dataSet, period));
    }

    record StepBody(String message, String element, String reason) {
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.WRITE)
    @PostMapping("/reporting/reports/{id}/{step}")
    @Operation(summary = "A workflow step: submit, accept (commune), approve (city), reject (with message), unlock (city, element + reason)")
    ReportJson step(@PathVariable long id, @PathVariable String step, @RequestBody(required = false) StepBody body) {
        StepBody b = body == null ? new StepBody(null, null, null) : body;
        Reports.Report r = switch (step) {
            case "submit" -> reports.submit(id);
            case "accept" -> reports.accept(id);
            case "approve" -> reports.approve(id);
            case "reject" -> reports.reject(id, b.message());
            case "unlock" -> reports.unlock(id, b.element(), b.reason());
            default -> throw new vn.hoctap.platform.NotFoundException("reporting.error.step", step);
        };
        return json(reports.view(r.organisationId(), r.dataSet(), r.period()));
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.READ)
    @GetMapping("/reporting/reports/{id}/history")
    @Operation(summary = "Every state and value change of a report: who, when, before, after, message")
    List<Reports.HistoryEntry> history(@PathVariable long id) {
        return reports.history(id);
    }

    record CompletenessJson(String organisation, long organisationId, String communeCode, String state, String deadline,
                            boolean overdue, String waitingFor) {
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.READ)
    @GetMapping("/reporting/completeness")
    @Operation(summary = "Which organisations have reported a data set for a year, by commune and deadline")
    List<CompletenessJson> completeness(@RequestParam String dataSet, @RequestParam int period,
                                        @RequestParam(required = false) String commune) {
        return completeness.lines(dataSet, period, commune).stream().map(l -> new CompletenessJson(l.organisation().code(),
                l.organisation().id(), l.organisation().communeCode(), l.state() == null ? null : l.state().code(),
                l.deadline().toString(), l.overdue(), l.waitingFor())).toList();
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.EXPORT)
    @GetMapping(value = "/reporting/dataValueSets", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export values as DHIS2 dataValueSets JSON (id_scheme=dhis2 uses the mapping table)")
    String exportJson(@RequestParam(required = false) String dataSet, @RequestParam int period,
                      @RequestParam(defaultValue = "code") String idScheme) {
        return exchange.toJson(exchange.export(dataSet, period, "dhis2".equals(idScheme)));
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.EXPORT)
    @GetMapping(value = "/reporting/values.csv", produces = "text/csv")
    @Operation(summary = "Export values as CSV: data_element,period,org_unit,value")
    String exportCsv(@RequestParam(required = false) String dataSet, @RequestParam int period,
                     @RequestParam(defaultValue = "code") String idScheme) {
        return exchange.toCsv(exchange.export(dataSet, period, "dhis2".equals(idScheme)));
    }

    record LineJson(int position, String dataElement, String period, String orgUnit, String value, String outcome, String field,
                    String reason) {
    }

    record ImportJson(boolean dryRun, boolean applied, int created, int updated, int unchanged, int errors, List<LineJson> lines) {
    }

    ImportJson json(ReportExchange.ImportReport r, Locale locale) {
        List<LineJson> lines = r.lines().stream().map(l -> new LineJson(l.position(),
                l.value() == null ? null : l.value().dataElement(), l.value() == null ? null : l.value().period(),
                l.value() == null ? null : l.value().orgUnit(), l.value() == null ? null : l.value().value(),
                l.outcome().name().toLowerCase(), l.field(), l.reason() == null ? null : messages.getMessage(l.reason(), null, l.reason(), locale)))
                .toList();
        return new ImportJson(r.dryRun(), r.applied(), r.created(), r.updated(), r.unchanged(), r.errors(), lines);
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.WRITE)
    @PostMapping(value = "/reporting/dataValueSets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import DHIS2 dataValueSets JSON; dry_run=true reports what would change; positions are indexes in dataValues")
    ResponseEntity<ImportJson> importJson(@RequestBody String body, @RequestParam(defaultValue = "false") boolean dryRun, Locale locale) {
        ReportExchange.ImportReport r = exchange.importValues(exchange.parseJson(body), dryRun);
        return ResponseEntity.status(r.errors() > 0 ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(json(r, locale));
    }

    @Access(kind = DataKind.ORGANISATION_REPORTS, action = AccessAction.WRITE)
    @PostMapping(value = "/reporting/values.csv", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Import CSV (data_element,period,org_unit,value); dry_run=true reports what would change; positions are file lines")
    ResponseEntity<ImportJson> importCsv(@RequestBody String body, @RequestParam(defaultValue = "false") boolean dryRun, Locale locale) {
        ReportExchange.ImportReport r = exchange.importValues(exchange.parseCsv(body), dryRun);
        return ResponseEntity.status(r.errors() > 0 ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(json(r, locale));
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.READ)
    @GetMapping("/admin/reporting/mapping")
    @Operation(summary = "The mapping of HọcTập codes to a DHIS2 instance's ids")
    List<ReportExchange.Mapping> mapping() {
        return exchange.mappings();
    }

    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @PutMapping(value = "/admin/reporting/mapping", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "Replace the mapping with CSV kind,code,dhis2_id (city administrators)")
    Map<String, Object> replaceMapping(@RequestBody String body) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", exchange.replaceMappings(body));
        return out;
    }
}
