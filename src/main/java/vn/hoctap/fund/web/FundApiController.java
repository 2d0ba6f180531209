package vn.hoctap.fund.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.fund.internal.BankStatements;
import vn.hoctap.fund.internal.Disbursements;
import vn.hoctap.fund.internal.FundLedger;
import vn.hoctap.fund.internal.FundReports;
import vn.hoctap.fund.internal.Funds;
import vn.hoctap.fund.internal.Receipts;
import vn.hoctap.fund.core.EntryDraft;
import vn.hoctap.fund.core.Line;
import vn.hoctap.fund.core.Period;
import vn.hoctap.platform.HanoiTime;

/**
 * The fund's JSON API. Every call that posts carries an {@code Idempotency-Key} header: the same key with the same
 * content returns what was posted the first time (200 instead of 201); with other content it is refused (409).
 */
@RestController
@Tag(name = "fund", description = "Quỹ khuyến học: ledger, receipts, disbursements, public reports")
class FundApiController {

    record LineBody(String account, Long debit, Long credit) {
    }

    record EntryBody(LocalDate date, String description, List<LineBody> lines) {
    }

    record ReceiptBody(LocalDate date, String donorKind, String donorName, Boolean publishName, String donorUsername, String form,
                       String currency, BigDecimal foreignAmount, BigDecimal rate, String rateSource, Long amountVnd,
                       String inKindDescription, String valuationBasis, Long programmeId, Long pledgeId, String note) {
    }

    record DisbursementBody(String purpose, Long programmeId, String beneficiaryKind, String beneficiaryRef, long amountVnd,
                            String paidFrom, String decisionNumber, LocalDate decisionDate, String decisionSigner, String note,
                            Long restrictedProgrammeId) {
    }

    private final Funds funds;
    private final FundLedger ledger;
    private final Receipts receipts;
    private final Disbursements disbursements;
    private final BankStatements bank;
    private final FundReports reports;
    private final AccessGuard guard;
    private final vn.hoctap.fund.internal.Association association;

    FundApiController(Funds funds, FundLedger ledger, Receipts receipts, Disbursements disbursements, BankStatements bank,
                      FundReports reports, AccessGuard guard, vn.hoctap.fund.internal.Association association) {
        this.association = association;
        this.funds = funds;
        this.ledger = ledger;
        this.receipts = receipts;
        this.disbursements = disbursements;
        this.bank = bank;
        this.reports = reports;
        this.guard = guard;
    }

    @PostMapping("/api/fund/{code}/entries")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    @Operation(summary = "Post a balanced entry (Idempotency-Key header required)")
    ResponseEntity<Map<String, Object>> post(@PathVariable String code, @RequestHeader("Idempotency-Key") String key, @RequestBody EntryBody body) {
        FundLedger.Posted p = ledger.post(code, new EntryDraft(body.date(), body.description(),
                body.lines() == null ? List.of() : body.lines().stream().map(l -> new Line(l.account(), l.debit() == null ? 0 : l.debit(), l.credit() == null ? 0 : l.credit())).toList()), key);
        return posted(p);
    }

    @PostMapping("/api/fund/{code}/entries/{id}/reversal")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    @Operation(summary = "Reverse a posted entry by a new entry dated today (Idempotency-Key header required)")
    ResponseEntity<Map<String, Object>> reverse(@PathVariable String code, @PathVariable long id, @RequestHeader("Idempotency-Key") String key) {
        return posted(ledger.reverse(code, id, HanoiTime.today(), key));
    }

    @PostMapping("/api/fund/{code}/periods/close")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    @Operation(summary = "Close the books through a month (yyyy-MM): its entries are locked for good")
    Map<String, Object> close(@PathVariable String code, @RequestParam YearMonth through) {
        ledger.closeThrough(code, Period.of(through.getYear(), through.getMonthValue()));
        return Map.of("closed_through", through.toString());
    }

    @GetMapping("/api/fund/{code}/trial-balance")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.READ)
    @Operation(summary = "Trial balance through a date: each account's debit and credit totals and balance")
    Map<String, Object> trial(@PathVariable String code, @RequestParam(required = false) LocalDate date) {
        Funds.Fund f = funds.get(code);
        funds.requireBooks(f, AccessAction.READ);
        List<FundLedger.TrialRow> rows = ledger.trialBalance(f, date == null ? HanoiTime.today() : date);
        long d = rows.stream().mapToLong(FundLedger.TrialRow::debit).sum();
        long c = rows.stream().mapToLong(FundLedger.TrialRow::credit).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fund", code);
        out.put("accounts", rows.stream().map(r -> Map.of("code", r.code(), "name", r.name(), "kind", r.kind().name(),
                "debit", r.debit(), "credit", r.credit(), "balance", r.balance())).toList());
        out.put("total_debit", d);
        out.put("total_credit", c);
        return out;
    }

    @PostMapping("/api/fund/{code}/receipts")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    @Operation(summary = "Record a donation and post it; returns the numbered receipt (Idempotency-Key header required)")
    ResponseEntity<Receipts.Receipt> receipt(@PathVariable String code, @RequestHeader("Idempotency-Key") String key, @RequestBody ReceiptBody b) {
        boolean existed = receipts.existsKey(key);
        Receipts.Receipt r = receipts.record(code, new Receipts.Request(b.date(), b.donorKind(), b.donorName(),
                Boolean.TRUE.equals(b.publishName()), b.donorUsername(), b.form(), b.currency(), b.foreignAmount(), b.rate(), b.rateSource(),
                b.amountVnd(), b.inKindDescription(), b.valuationBasis(), b.programmeId(), b.pledgeId(), null, b.note()), key);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(r);
    }

    @PostMapping("/api/fund/{code}/disbursements")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    @Operation(summary = "Prepare a disbursement (maker); a chair approves it (Idempotency-Key header required)")
    Disbursements.Disbursement disbursement(@PathVariable String code, @RequestHeader("Idempotency-Key") String key, @RequestBody DisbursementBody b) {
        return disbursements.prepare(code, new Disbursements.Request(b.purpose(), b.programmeId(), b.beneficiaryKind(), b.beneficiaryRef(),
                b.amountVnd(), b.paidFrom(), b.decisionNumber(), b.decisionDate(), b.decisionSigner(), b.note(), b.restrictedProgrammeId()), key);
    }

    @PostMapping("/api/fund/disbursements/{id}/approval")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.APPROVE)
    @Operation(summary = "Approve a disbursement (checker): never by its preparer; above the fund's limit twice, the second by the next level")
    Disbursements.Disbursement approve(@PathVariable long id) {
        return disbursements.approve(id);
    }

    @PostMapping(value = "/api/fund/{code}/bank-statements", consumes = "text/csv")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    @Operation(summary = "Import and reconcile a bank statement CSV (ngay, so_tien, noi_dung, ma_giao_dich): all or nothing")
    ResponseEntity<BankStatements.Result> bankStatement(@PathVariable String code, @RequestBody String csv) {
        BankStatements.Result r = bank.importStatement(code, "api.csv", csv);
        return ResponseEntity.status(r.ok() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(r);
    }

    record BranchBody(String unitCode, String name, String kind) {
    }

    record BranchYearBody(int year, int members, long duesVnd) {
    }

    @PostMapping("/api/association/branches")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    @Operation(summary = "Add an association branch (chi hội) or committee of a village, clan, organisation or school")
    Map<String, Object> branch(@RequestBody BranchBody b) {
        return Map.of("id", association.addBranch(b.unitCode(), b.name(), b.kind()));
    }

    @PostMapping("/api/association/branches/{id}/years")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    @Operation(summary = "Record a branch's members and dues of a year (replaces the year's figures)")
    Map<String, Object> branchYear(@PathVariable long id, @RequestBody BranchYearBody b) {
        association.recordYear(id, b.year(), b.members(), b.duesVnd());
        return Map.of("branch_id", id, "year", b.year());
    }

    @GetMapping("/api/association/{unit}/figures")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.READ)
    @Operation(summary = "The association's yearly figures of a commune (or 01, the city): branches, members, dues, funds raised per resident")
    vn.hoctap.fund.internal.Association.YearFigures figures(@PathVariable String unit, @RequestParam int year) {
        return association.figures(unit, year);
    }

    @GetMapping("/api/public/fund/{code}/report")
    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @Operation(summary = "A fund's public yearly report (công khai): income by source and month, spending by purpose, balances")
    FundReports.Report report(@PathVariable String code, @RequestParam int year) {
        return reports.report(funds.get(code), year);
    }

    private static ResponseEntity<Map<String, Object>> posted(FundLedger.Posted p) {
        return ResponseEntity.status(p.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(Map.of("entry_id", p.entryId(), "replayed", p.replayed()));
    }
}
