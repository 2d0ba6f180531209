package vn.hoctap.fund.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.fund.internal.FundReports;
import vn.hoctap.fund.internal.Funds;
import vn.hoctap.fund.internal.Receipts;
import vn.hoctap.platform.HanoiTime;

/** Công khai: every fund's public page and yearly report (page, XLSX, PDF), and the verification of a receipt. */
@Controller
class PublicFundController {

    private final Funds funds;
    private final FundReports reports;
    private final Receipts receipts;
    private final MessageSource messages;

    PublicFundController(Funds funds, FundReports reports, Receipts receipts, MessageSource messages) {
        this.funds = funds;
        this.reports = reports;
        this.receipts = receipts;
        this.messages = messages;
    }

    @GetMapping("/public/fund")
    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    String index(Model model) {
        model.addAttribute("funds", funds.all());
        model.addAttribute("year", HanoiTime.today().getYear());
        return "fund/public-index";
    }

    @GetMapping("/public/fund/{code}")
    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    String report(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
        Funds.Fund f = funds.get(code);
        int y = year == null ? HanoiTime.today().getYear() : year;
        model.addAttribute("report", reports.report(f, y));
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(y - 2, HanoiTime.today().getYear()).boxed().toList());
        return "fund/public-report";
    }

    @GetMapping("/public/fund/{code}/report.xlsx")
    @Access(kind = DataKind.PUBLIC, action = AccessAction.EXPORT)
    ResponseEntity<byte[]> xlsx(@PathVariable String code, @RequestParam int year, Locale locale) throws java.io.IOException {
        FundReports.Report r = reports.report(funds.get(code), year);
        return file(reports.xlsx(r, k -> messages.getMessage(k, null, k, locale)), code + "-" + year + ".xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/public/fund/{code}/report.pdf")
    @Access(kind = DataKind.PUBLIC, action = AccessAction.EXPORT)
    ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam int year, Locale locale) {
        FundReports.Report r = reports.report(funds.get(code), year);
        return file(reports.pdf(r, locale, k -> messages.getMessage(k, null, k, locale)), code + "-" + year + ".pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/public/fund/receipts/{code}")
    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    String verify(@PathVariable String code, Model model) {
        receipts.verify(code).ifPresent(r -> {
            model.addAttribute("r", r);
            model.addAttribute("fund", funds.byId(r.fundId()));
        });
        return "fund/verify";
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
