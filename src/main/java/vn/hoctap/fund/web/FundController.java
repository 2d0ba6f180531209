package vn.hoctap.fund.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.fund.internal.BankStatements;
import vn.hoctap.fund.internal.Disbursements;
import vn.hoctap.fund.internal.FundLedger;
import vn.hoctap.fund.internal.Funds;
import vn.hoctap.fund.internal.ReceiptDocuments;
import vn.hoctap.fund.internal.Receipts;
import vn.hoctap.fund.core.Period;
import vn.hoctap.platform.HanoiTime;

/** The fund's pages for its accountant, chair and auditor; a citizen's own donations and receipts. */
@Controller
class FundController {

    private final Funds funds;
    private final FundLedger ledger;
    private final Receipts receipts;
    private final Disbursements disbursements;
    private final BankStatements bank;
    private final ReceiptDocuments documents;
    private final AccessGuard guard;
    private final MessageSource messages;

    FundController(Funds funds, FundLedger ledger, Receipts receipts, Disbursements disbursements, BankStatements bank,
                   ReceiptDocuments documents, AccessGuard guard, MessageSource messages) {
        this.funds = funds;
        this.ledger = ledger;
        this.receipts = receipts;
        this.disbursements = disbursements;
        this.bank = bank;
        this.documents = documents;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/fund")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.READ)
    String index(Model model) {
        if (guard.require(DataKind.FUND_RECORDS, AccessAction.READ) == Grant.OWN) {
            return "redirect:/fund/mine";
        }
        model.addAttribute("funds", funds.readable());
        return "fund/index";
    }

    @GetMapping("/fund/mine")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.READ)
    String mine(Model model) {
        model.addAttribute("receipts", receipts.mine());
        return "fund/mine";
    }

    @GetMapping("/fund/{code}")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.READ)
    String fund(@PathVariable String code, Model model) {
        Funds.Fund f = funds.get(code);
        funds.requireBooks(f, AccessAction.READ);
        LocalDate today = HanoiTime.today();
        model.addAttribute("fund", f);
        model.addAttribute("trial", ledger.trialBalance(f, today));
        model.addAttribute("closedThrough", ledger.closedThrough(f.id()));
        model.addAttribute("receipts", receipts.ofFund(f, 20));
        model.addAttribute("pledges", receipts.pledges(f));
        model.addAttribute("disbursements", disbursements.ofFund(f));
        model.addAttribute("programmes", disbursements.programmes(f));
        model.addAttribute("entries", ledger.recent(f, 15));
        model.addAttribute("canWrite", guard.grant(DataKind.FUND_RECORDS, AccessAction.WRITE) != Grant.NONE && guard.canRead(f.unitCode()));
        model.addAttribute("canApprove", guard.grant(DataKind.FUND_RECORDS, AccessAction.APPROVE) != Grant.NONE);
        model.addAttribute("me", guard.requireUser().username());
        model.addAttribute("today", today);
        model.addAttribute("lastMonth", YearMonth.from(today).minusMonths(1).toString());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return "fund/fund";
    }

    @PostMapping("/fund/{code}/receipts")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    String receipt(@PathVariable String code, @RequestParam String key, @RequestParam(required = false) LocalDate date,
                   @RequestParam String donorKind, @RequestParam(required = false) String donorName,
                   @RequestParam(defaultValue = "false") boolean publishName, @RequestParam(required = false) String donorUsername,
                   @RequestParam String form, @RequestParam(defaultValue = "VND") String currency,
                   @RequestParam(required = false) BigDecimal foreignAmount, @RequestParam(required = false) BigDecimal rate,
                   @RequestParam(required = false) String rateSource, @RequestParam(required = false) Long amountVnd,
                   @RequestParam(required = false) String inKindDescription, @RequestParam(required = false) String valuationBasis,
                   @RequestParam(required = false) Long programmeId, @RequestParam(required = false) Long pledgeId) {
        Receipts.Receipt r = receipts.record(code, new Receipts.Request(date == null ? HanoiTime.today() : date, donorKind, donorName,
                publishName, donorUsername, form, currency, foreignAmount, rate, rateSource, "VND".equals(currency) ? amountVnd : null,
                inKindDescription, valuationBasis, programmeId, pledgeId, null, null), key);
        return "redirect:/fund/receipts/" + r.id();
    }

    @GetMapping("/fund/receipts/{id}")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.READ)
    String receiptPage(@PathVariable long id, Model model) {
        Receipts.Receipt r = receipts.get(id);
        model.addAttribute("r", r);
        model.addAttribute("fund", funds.byId(r.fundId()));
        model.addAttribute("verifyUrl", "/public/fund/receipts/" + r.verificationCode());
        return "fund/receipt";
    }

    @GetMapping("/fund/receipts/{id}/pdf")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.EXPORT)
    ResponseEntity<byte[]> receiptPdf(@PathVariable long id) {
        Receipts.Receipt r = receipts.get(id);
        guard.require(DataKind.FUND_RECORDS, AccessAction.EXPORT);
        byte[] pdf = documents.pdf(funds.byId(r.fundId()), r);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(r.number() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    @PostMapping("/fund/{code}/pledges")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    String pledge(@PathVariable String code, @RequestParam String donorKind, @RequestParam(required = false) String donorName,
                  @RequestParam(defaultValue = "false") boolean publishName, @RequestParam long amountVnd,
                  @RequestParam(required = false) LocalDate dueDate) {
        receipts.pledge(code, donorKind, donorName, publishName, amountVnd, dueDate, null);
        return "redirect:/fund/" + code + "#pledges";
    }

    @PostMapping("/fund/{code}/programmes")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    String programme(@PathVariable String code, @RequestParam String name, @RequestParam int year, @RequestParam String purpose,
                     @RequestParam String criteria, @RequestParam long budgetVnd,
                     @RequestParam(required = false, defaultValue = "false") boolean restricted) {
        disbursements.createProgramme(code, name, year, purpose, criteria, budgetVnd, restricted);
        return "redirect:/fund/" + code + "#programmes";
    }

    @PostMapping("/fund/{code}/disbursements")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    String disbursement(@PathVariable String code, @RequestParam String key, @RequestParam String purpose,
                        @RequestParam(required = false) Long programmeId, @RequestParam String beneficiaryKind,
                        @RequestParam String beneficiaryRef, @RequestParam long amountVnd, @RequestParam String paidFrom,
                        @RequestParam String decisionNumber, @RequestParam LocalDate decisionDate, @RequestParam String decisionSigner,
                        @RequestParam(required = false) String note) {
        disbursements.prepare(code, new Disbursements.Request(purpose, programmeId, beneficiaryKind, beneficiaryRef, amountVnd, paidFrom,
                decisionNumber, decisionDate, decisionSigner, note), key);
        return "redirect:/fund/" + code + "#disbursements";
    }

    @PostMapping("/fund/disbursements/{id}/approve")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.APPROVE)
    String approve(@PathVariable long id) {
        Disbursements.Disbursement d = disbursements.approve(id);
        return "redirect:/fund/" + funds.byId(d.fundId()).code() + "#disbursements";
    }

    @PostMapping("/fund/disbursements/{id}/reject")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.APPROVE)
    String reject(@PathVariable long id, @RequestParam String reason) {
        Disbursements.Disbursement d = disbursements.reject(id, reason);
        return "redirect:/fund/" + funds.byId(d.fundId()).code() + "#disbursements";
    }

    @PostMapping("/fund/{code}/close")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    String close(@PathVariable String code, @RequestParam YearMonth through) {
        ledger.closeThrough(code, Period.of(through.getYear(), through.getMonthValue()));
        return "redirect:/fund/" + code;
    }

    @PostMapping("/fund/{code}/bank-import")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    String bankImport(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) String text, RedirectAttributes redirect, Locale locale) throws java.io.IOException {
        String csv = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
        BankStatements.Result r = bank.importStatement(code, file != null && !file.isEmpty() ? file.getOriginalFilename() : "sao-ke.csv", csv);
        redirect.addFlashAttribute("bankResult", r);
        redirect.addFlashAttribute("bankProblems", r.problems().stream().map(p -> messages.getMessage("fund.bank.problem",
                new Object[] {p.line(), p.column(), messages.getMessage(p.reasonKey(), null, p.reasonKey(), locale), p.value()}, locale)).toList());
        return "redirect:/fund/" + code + "#bank";
    }

    @PostMapping("/fund/receipts/{id}/cancel")
    @Access(kind = DataKind.FUND_RECORDS, action = AccessAction.WRITE)
    String cancel(@PathVariable long id, @RequestParam String reason, @RequestParam String key) {
        receipts.cancel(id, reason, key);
        return "redirect:/fund/receipts/" + id;
    }

    static List<String> purposes() {
        return List.of("SCHOLARSHIP", "AWARD", "POOR_LEARNER_SUPPORT", "CENTRE", "CEREMONY", "OTHER");
    }
}
