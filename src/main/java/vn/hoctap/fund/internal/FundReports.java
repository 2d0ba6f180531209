package vn.hoctap.fund.internal;

import vn.hoctap.platform.ReportText;
import vn.hoctap.platform.ReportPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;

import vn.hoctap.fund.core.AccountKind;
import vn.hoctap.fund.core.Period;
import vn.hoctap.fund.core.StandardChart;
import vn.hoctap.platform.PdfTables;
import vn.hoctap.platform.XlsxRows;
import vn.hoctap.platform.XlsxStyles;

/**
 * Công khai tài chính quỹ: a fund's yearly public report — income by source and month, spending by purpose, the
 * balance at the start and the end of the year, the donors who agreed to be named, the beneficiaries without personal
 * data (persons only counted, organisations named), the scholarship programmes — as a page, XLSX and PDF. Every figure
 * of money comes from the ledger (the trial balance's accounts), so the report equals the books.
 */
@Service
public class FundReports {

    public record SourceRow(String code, String name, long[] months, long total) {
    }

    public record PurposeRow(String code, String name, long total, int persons, int organisations) {
    }

    public record NamedDonor(String name, long totalVnd, int gifts) {
    }

    public record OrganisationBeneficiary(String name, String purposeName, long totalVnd) {
    }

    public record Report(Funds.Fund fund, int year, Period closedThrough, long opening, List<SourceRow> income, long incomeTotal,
                         long[] incomeByMonth, List<PurposeRow> spending, long spendingTotal, long closing,
                         List<NamedDonor> donors, List<OrganisationBeneficiary> organisations,
                         List<Disbursements.Programme> programmes, int receipts, LocalDate asOf, List<RestrictedBalance> restricted) {
    }

    /**
     * A programme's restricted account at the end of the report's year: what it held at the start, received (earmarked
     * gifts), paid (its awards) and holds at the end — read from the ledger's account 4212.&lt;programme&gt;.
     */
    public record RestrictedBalance(long programmeId, String account, String name, long opening, long received, long paid, long closing) {
    }

    private final JdbcTemplate jdbc;
    private final FundLedger ledger;
    private final Disbursements disbursements;

    FundReports(JdbcTemplate jdbc, FundLedger ledger, Disbursements disbursements) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.disbursements = disbursements;
    }

    /** The public report of a year: public data only (no access check: công khai). */
    @Transactional(readOnly = true)
    public Report report(Funds.Fund f, int year) {
        int from = year * 100 + 1;
        int to = year * 100 + 12;
        long opening = net(ledger.trialBalance(f, 0, (year - 1) * 100 + 12));
        long closing = net(ledger.trialBalance(f, 0, to));
        Map<Integer, Map<String, long[]>> monthly = ledger.monthly(f, from, to);
        List<SourceRow> income = new ArrayList<>();
        List<PurposeRow> spending = new ArrayList<>();
        long[] byMonth = new long[12];
        long incomeTotal = 0;
        long spendingTotal = 0;
        Map<String, int[]> counts = beneficiaryCounts(f, year);
        for (StandardChart.Account a : StandardChart.ACCOUNTS) {
            if (a.kind() == AccountKind.INCOME) {
                long[] m = new long[12];
                long t = 0;
                for (int i = 0; i < 12; i++) {
                    long[] dc = monthly.getOrDefault(year * 100 + i + 1, Map.of()).get(a.code());
                    m[i] = dc == null ? 0 : a.kind().signed(dc[0], dc[1]);
                    t += m[i];
                    byMonth[i] += m[i];
                }
                income.add(new SourceRow(a.code(), a.nameVi(), m, t));
                incomeTotal += t;
            } else if (a.kind() == AccountKind.EXPENSE) {
                long t = 0;
                for (Map<String, long[]> m : monthly.values()) {
                    long[] dc = m.get(a.code());
                    if (dc != null) t += a.kind().signed(dc[0], dc[1]);
                }
                int[] c = counts.getOrDefault(a.code(), new int[2]);
                spending.add(new PurposeRow(a.code(), a.nameVi(), t, c[0], c[1]));
                spendingTotal += t;
            }
        }
        List<NamedDonor> donors = jdbc.query("""
                select d.name, sum(r.amount_vnd) total, count(*) gifts from fund_receipt r join fund_donor d on d.id = r.donor_id
                where r.fund_id = ? and extract(year from r.receipt_date) = ? and d.publish_name and d.name is not null
                  and not exists (select 1 from fund_entry x where x.reverses = r.entry_id)
                group by d.name order by total desc, d.name""", (rs, n) -> new NamedDonor(rs.getString(1), rs.getLong(2), rs.getInt(3)), f.id(), year);
        List<OrganisationBeneficiary> orgs = jdbc.query("""
                select beneficiary_ref, purpose, sum(amount_vnd) from fund_disbursement where fund_id = ? and status = 'APPROVED'
                  and beneficiary_kind = 'ORGANISATION' and extract(year from paid_on) = ? group by beneficiary_ref, purpose order by 3 desc""",
                (rs, n) -> new OrganisationBeneficiary(rs.getString(1),
                        StandardChart.account(StandardChart.expenseFor(rs.getString(2))).orElseThrow().nameVi(), rs.getLong(3)), f.id(), year);
        int receipts = jdbc.queryForObject("select count(*) from fund_receipt where fund_id = ? and extract(year from receipt_date) = ?",
                Integer.class, f.id(), year);
        List<Disbursements.Programme> all = disbursements.programmes(f);
        List<Disbursements.Programme> programmes = all.stream().filter(p -> p.year() == year).toList();
        return new Report(f, year, ledger.closedThrough(f.id()), opening, income, incomeTotal, byMonth, spending, spendingTotal, closing,
                donors, orgs, programmes, receipts, vn.hoctap.platform.HanoiTime.today(), restricted(f, all, year, monthly));
    }

    private List<RestrictedBalance> restricted(Funds.Fund f, List<Disbursements.Programme> all, int year, Map<Integer, Map<String, long[]>> monthly) {
        List<RestrictedBalance> out = new ArrayList<>();
        if (all.stream().noneMatch(Disbursements.Programme::restricted)) return out;
        Map<String, FundLedger.TrialRow> before = new LinkedHashMap<>();
        for (FundLedger.TrialRow r : ledger.trialBalance(f, 0, (year - 1) * 100 + 12)) before.put(r.code(), r);
        for (Disbursements.Programme p : all) {
            if (!p.restricted()) continue;
            String code = StandardChart.restrictedFor(p.id());
            FundLedger.TrialRow o = before.get(code);
            long opening = o == null ? 0 : o.balance();
            long received = 0;
            long paid = 0;
            for (Map<String, long[]> m : monthly.values()) {
                long[] dc = m.get(code);
                if (dc != null) {
                    paid += dc[0];
                    received += dc[1];
                }
            }
            if (opening == 0 && received == 0 && paid == 0 && p.year() != year) continue;
            out.add(new RestrictedBalance(p.id(), code, p.restrictedAccountName(), opening, received, paid, opening + received - paid));
        }
        return out;
    }

    /** Assets minus liabilities: what the fund holds for its purpose. */
    static long net(List<FundLedger.TrialRow> rows) {
        long n = 0;
        for (FundLedger.TrialRow r : rows) {
            if (r.kind() == AccountKind.ASSET) n += r.balance();
            if (r.kind() == AccountKind.LIABILITY) n -= r.balance();
        }
        return n;
    }

    private Map<String, int[]> beneficiaryCounts(Funds.Fund f, int year) {
        Map<String, int[]> out = new LinkedHashMap<>();
        jdbc.query("""
                select purpose, beneficiary_kind, count(distinct beneficiary_ref) from fund_disbursement
                where fund_id = ? and status = 'APPROVED' and extract(year from paid_on) = ? group by purpose, beneficiary_kind""", rs -> {
            int[] c = out.computeIfAbsent(StandardChart.expenseFor(rs.getString(1)), k -> new int[2]);
            c[rs.getString(2).equals("PERSON") ? 0 : 1] += rs.getInt(3);
        }, f.id(), year);
        return out;
    }

    // ------------------------------------------------------------------ XLSX

    static final class Rows extends XlsxRows<Rows> {
        Rows(Sheet sheet, CellStyle text, CellStyle header) {
            super(sheet, text, header);
        }
    }

    public byte[] xlsx(Report r, Function<String, String> msg) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XlsxStyles st = new XlsxStyles(wb);
            CellStyle text = st.text;
            CellStyle header = st.header;
            CellStyle money = st.money;
            Rows s = new Rows(wb.createSheet(msg.apply("fund.report.sheet.summary")), text, header);
            s.row().text(r.fund().name() + " — " + msg.apply("fund.report.title") + " " + r.year(), header);
            s.headers(msg.apply("fund.report.item"), msg.apply("fund.report.amount"));
            s.row().text(msg.apply("fund.report.opening")).num(r.opening(), money);
            s.row().text(msg.apply("fund.report.income")).num(r.incomeTotal(), money);
            s.row().text(msg.apply("fund.report.spending")).num(r.spendingTotal(), money);
            s.row().text(msg.apply("fund.report.closing")).num(r.closing(), money);
            s.widths(50, 20);
            Rows in = new Rows(wb.createSheet(msg.apply("fund.report.sheet.income")), text, header);
            String[] h = new String[14];
            h[0] = msg.apply("fund.report.source");
            for (int i = 1; i <= 12; i++) h[i] = msg.apply("fund.report.month") + " " + i;
            h[13] = msg.apply("fund.report.total");
            in.headers(h);
            for (SourceRow row : r.income()) {
                in.row().text(row.name());
                for (long v : row.months()) in.num(v, money);
                in.num(row.total(), money);
            }
            in.row().text(msg.apply("fund.report.total"), header);
            for (long v : r.incomeByMonth()) in.num(v, money);
            in.num(r.incomeTotal(), money);
            Rows sp = new Rows(wb.createSheet(msg.apply("fund.report.sheet.spending")), text, header);
            sp.headers(msg.apply("fund.report.purpose"), msg.apply("fund.report.persons"), msg.apply("fund.report.organisations"),
                    msg.apply("fund.report.amount"));
            for (PurposeRow p : r.spending()) sp.row().text(p.name()).num(p.persons(), text).num(p.organisations(), text).num(p.total(), money);
            sp.row().text(msg.apply("fund.report.total"), header).skip();
            sp.current().createCell(3).setCellValue(r.spendingTotal());
            sp.widths(45, 12, 12, 18);
            Rows dn = new Rows(wb.createSheet(msg.apply("fund.report.sheet.donors")), text, header);
            dn.headers(msg.apply("fund.report.donor"), msg.apply("fund.report.gifts"), msg.apply("fund.report.amount"));
            for (NamedDonor d : r.donors()) dn.row().text(d.name()).num(d.gifts(), text).num(d.totalVnd(), money);
            dn.widths(45, 10, 18);
            if (!r.restricted().isEmpty()) {
                Rows rb = new Rows(wb.createSheet(msg.apply("fund.report.restricted-account")), text, header);
                rb.headers(msg.apply("fund.report.restricted-account"), msg.apply("fund.report.opening"), msg.apply("fund.report.restricted-received"),
                        msg.apply("fund.report.restricted-paid"), msg.apply("fund.report.closing"));
                for (RestrictedBalance b : r.restricted()) {
                    rb.row().text(b.name()).num(b.opening(), money).num(b.received(), money).num(b.paid(), money).num(b.closing(), money);
                }
                rb.widths(45, 18, 18, 18, 18);
            }
            wb.getProperties().getCoreProperties().setTitle(r.fund().name() + " " + r.year());
            wb.getProperties().getCoreProperties().setCreator("HọcTập");
            wb.write(out);
            return out.toByteArray();
        }
    }

    // ------------------------------------------------------------------ PDF

    public byte[] pdf(Report r, Locale locale, Function<String, String> msg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String heading = r.fund().name() + " — " + msg.apply("fund.report.title") + " " + r.year();
        try (ReportPdf pdf = ReportPdf.open(out, PageSize.A4.rotate(), new float[] {28, 28, 28, 28}, ReportText.of(locale),
                heading, heading, 15)) {
            Document doc = pdf.document();
            com.lowagie.text.Font small = pdf.fonts().small();
            com.lowagie.text.Font normal = pdf.fonts().regular(10);
            com.lowagie.text.Font bold = pdf.fonts().bold(10);
            doc.add(new Paragraph(heading, pdf.fonts().title()));
            doc.add(new Paragraph(msg.apply("fund.report.as-of") + " " + r.asOf().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    + (r.closedThrough() == null ? "" : " · " + msg.apply("fund.report.closed-through") + " " + r.closedThrough()), normal));
            PdfPTable s = PdfTables.table(new float[] {3, 1}, msg.apply("fund.report.summary"), bold, true);
            PdfTables.headerRow(s, bold, msg.apply("fund.report.item"), msg.apply("fund.report.amount"));
            for (Object[] row : new Object[][] {{"fund.report.opening", r.opening()}, {"fund.report.income", r.incomeTotal()},
                    {"fund.report.spending", r.spendingTotal()}, {"fund.report.closing", r.closing()}}) {
                s.addCell(PdfTables.cell(msg.apply((String) row[0]), normal));
                s.addCell(PdfTables.num(vnd((Long) row[1]), normal));
            }
            doc.add(s);
            float[] w = new float[14];
            w[0] = 5;
            for (int i = 1; i < 14; i++) w[i] = 2;
            PdfPTable in = PdfTables.table(w, msg.apply("fund.report.income-by-source"), bold, false);
            List<String> heads = new ArrayList<>();
            heads.add(msg.apply("fund.report.source"));
            for (int i = 1; i <= 12; i++) heads.add("T" + i);
            heads.add(msg.apply("fund.report.total"));
            PdfTables.headerRow(in, small, heads.toArray(String[]::new));
            for (SourceRow row : r.income()) {
                in.addCell(PdfTables.cell(row.name(), small));
                for (long v : row.months()) in.addCell(PdfTables.num(vnd(v), small));
                in.addCell(PdfTables.num(vnd(row.total()), small));
            }
            in.addCell(PdfTables.cell(msg.apply("fund.report.total"), small));
            for (long v : r.incomeByMonth()) in.addCell(PdfTables.num(vnd(v), small));
            in.addCell(PdfTables.num(vnd(r.incomeTotal()), small));
            doc.add(in);
            PdfPTable sp = PdfTables.table(new float[] {4, 1, 1, 2}, msg.apply("fund.report.spending-by-purpose"), bold, true);
            PdfTables.headerRow(sp, bold, msg.apply("fund.report.purpose"), msg.apply("fund.report.persons"),
                    msg.apply("fund.report.organisations"), msg.apply("fund.report.amount"));
            for (PurposeRow p : r.spending()) {
                sp.addCell(PdfTables.cell(p.name(), normal));
                sp.addCell(PdfTables.num(Integer.toString(p.persons()), normal));
                sp.addCell(PdfTables.num(Integer.toString(p.organisations()), normal));
                sp.addCell(PdfTables.num(vnd(p.total()), normal));
            }
            doc.add(sp);
            if (!r.restricted().isEmpty()) {
                PdfPTable rb = PdfTables.table(new float[] {4, 2, 2, 2, 2}, msg.apply("fund.report.restricted"), bold, false);
                PdfTables.headerRow(rb, bold, msg.apply("fund.report.restricted-account"), msg.apply("fund.report.opening"),
                        msg.apply("fund.report.restricted-received"), msg.apply("fund.report.restricted-paid"), msg.apply("fund.report.closing"));
                for (RestrictedBalance b : r.restricted()) {
                    rb.addCell(PdfTables.cell(b.name(), normal));
                    for (long v : new long[] {b.opening(), b.received(), b.paid(), b.closing()}) rb.addCell(PdfTables.num(vnd(v), normal));
                }
                doc.add(rb);
            }
            if (!r.donors().isEmpty()) {
                PdfPTable dn = PdfTables.table(new float[] {4, 1, 2}, msg.apply("fund.report.named-donors"), bold, false);
                PdfTables.headerRow(dn, bold, msg.apply("fund.report.donor"), msg.apply("fund.report.gifts"), msg.apply("fund.report.amount"));
                for (NamedDonor d : r.donors()) {
                    dn.addCell(PdfTables.cell(d.name(), normal));
                    dn.addCell(PdfTables.num(Integer.toString(d.gifts()), normal));
                    dn.addCell(PdfTables.num(vnd(d.totalVnd()), normal));
                }
                doc.add(dn);
            }
            doc.add(new Paragraph(msg.apply("fund.legal.short"), small));
        } catch (Exception e) {
            throw new IllegalStateException("fund report PDF failed", e);
        }
        return out.toByteArray();
    }

    public static String vnd(long v) {
        return String.format(Locale.forLanguageTag("vi"), "%,d", v);
    }

    static void write(byte[] b, OutputStream out) throws IOException {
        out.write(b);
    }
}
