package vn.hoctap.fund.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.standards.core.CsvParser;

/**
 * Nhập sao kê ngân hàng và đối chiếu: a statement CSV with the columns {@code ngay, so_tien, noi_dung, ma_giao_dich}
 * (date dd/MM/yyyy or yyyy-MM-dd; amount in whole đồng, positive in, negative out; the bank's description; the bank's
 * transaction reference). Each line is reconciled: a reference already booked is matched and changes nothing; a new
 * incoming line becomes a bank receipt (donor not named); an outgoing line must be an approved bank payment of the
 * same amount whose decision number the description names. Any bad line is reported (line, column, reason) and
 * nothing is posted; the whole import is one transaction, so a crash half-way leaves nothing half-posted.
 */
@Service
public class BankStatements {

    public record Problem(long line, String column, String reasonKey, String value) {
    }

    public record Result(int lines, int matched, int created, int paymentsMatched, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    record StatementLine(long line, LocalDate date, long amount, String text, String ref) {
    }

    private static final List<String> HEADER = List.of("ngay", "so_tien", "noi_dung", "ma_giao_dich");

    private final JdbcTemplate jdbc;
    private final Funds funds;
    private final Receipts receipts;
    private final Disbursements disbursements;
    private final AccessGuard guard;
    private final AuditLog audit;

    BankStatements(JdbcTemplate jdbc, Funds funds, Receipts receipts, Disbursements disbursements, AccessGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.funds = funds;
        this.receipts = receipts;
        this.disbursements = disbursements;
        this.guard = guard;
        this.audit = audit;
    }

    @Transactional
    public Result importStatement(String fundCode, String fileName, String csv) {
        Funds.Fund f = funds.get(fundCode);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        jdbc.execute("set local application_name = 'hoctap-fund-bank-import'");
        List<Problem> problems = new ArrayList<>();
        List<StatementLine> lines = parse(csv, problems);
        if (!problems.isEmpty()) return new Result(lines.size(), 0, 0, 0, problems);
        // reconcile first (reading only), post afterwards: a located error posts nothing
        Set<String> booked = new HashSet<>(jdbc.queryForList("select bank_ref from fund_receipt where fund_id = ? and bank_ref is not null",
                String.class, f.id()));
        booked.addAll(jdbc.queryForList("select bank_ref from fund_disbursement where fund_id = ? and bank_ref is not null", String.class, f.id()));
        List<Disbursements.Disbursement> open = new ArrayList<>(disbursements.unmatchedBankPayments(f.id()));
        List<StatementLine> toReceive = new ArrayList<>();
        List<Object[]> toMatch = new ArrayList<>();
        int matched = 0;
        Set<String> seen = new HashSet<>();
        for (StatementLine l : lines) {
            if (!seen.add(l.ref())) {
                problems.add(new Problem(l.line(), "ma_giao_dich", "fund.bank.duplicate-ref", l.ref()));
                continue;
            }
            if (booked.contains(l.ref())) {
                matched++;
                continue;
            }
            if (l.amount() > 0) {
                toReceive.add(l);
                continue;
            }
            Disbursements.Disbursement hit = null;
            for (Disbursements.Disbursement d : open) {
                if (d.amountVnd() == -l.amount() && l.text().toUpperCase().contains(d.decisionNumber().toUpperCase())) {
                    hit = d;
                    break;
                }
            }
            if (hit == null) {
                problems.add(new Problem(l.line(), "so_tien", "fund.bank.unmatched-payment", Long.toString(l.amount())));
            } else {
                open.remove(hit);
                toMatch.add(new Object[] {l.ref(), hit.id()});
            }
        }
        if (!problems.isEmpty()) return new Result(lines.size(), 0, 0, 0, problems);
        for (StatementLine l : toReceive) {
            receipts.recordInternal(f, new Receipts.Request(l.date(), "PERSON", null, false, null, "BANK", "VND", null, null, null,
                    l.amount(), null, null, null, null, l.ref(), l.text()), "bank:" + f.id() + ":" + l.ref());
        }
        jdbc.batchUpdate("update fund_disbursement set bank_ref = ? where id = ?", toMatch);
        jdbc.update("insert into fund_bank_import (fund_id, file_hash, file_name, lines, matched, created, imported_by) values (?, ?, ?, ?, ?, ?, ?)",
                f.id(), sha256(csv), fileName == null ? "" : fileName, lines.size(), matched + toMatch.size(), toReceive.size(),
                guard.currentUser().map(u -> u.username()).orElse("system"));
        audit.record("fund.bank-import", "fund", f.code(), f.unitCode(), null,
                Map.of("lines", lines.size(), "created", toReceive.size(), "matched", matched, "payments", toMatch.size()),
                "Nhập sao kê " + fileName);
        return new Result(lines.size(), matched, toReceive.size(), toMatch.size(), List.of());
    }

    static List<StatementLine> parse(String csv, List<Problem> problems) {
        List<StatementLine> out = new ArrayList<>();
        try (CsvParser p = new CsvParser(new StringReader(csv == null ? "" : csv))) {
            if (!p.readHeader()) {
                problems.add(new Problem(1, "", "fund.bank.empty", ""));
                return out;
            }
            List<String> header = p.fields().stream().map(s -> s.strip().toLowerCase()).toList();
            for (String h : HEADER) {
                if (!header.contains(h)) problems.add(new Problem(1, h, "fund.bank.missing-column", h));
            }
            if (!problems.isEmpty()) return out;
            int iDate = header.indexOf("ngay"), iAmount = header.indexOf("so_tien"), iText = header.indexOf("noi_dung"), iRef = header.indexOf("ma_giao_dich");
            while (p.next()) {
                long line = p.recordLine();
                List<String> f = p.fields();
                if (p.recordError() != null) {
                    problems.add(new Problem(line, "", "fund.bank.bad-csv", ""));
                    continue;
                }
                String ds = cell(f, iDate), as = cell(f, iAmount), text = cell(f, iText), ref = cell(f, iRef);
                LocalDate date = null;
                try {
                    date = ds.contains("/") ? LocalDate.parse(ds, DateTimeFormatter.ofPattern("dd/MM/yyyy")) : LocalDate.parse(ds);
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(line, "ngay", "fund.bank.bad-date", ds));
                }
                Long amount = null;
                String digits = as.replace(".", "").replace(",", "").replace(" ", "");
                if (!digits.matches("[+-]?\\d{1,15}") || Long.parseLong(digits) == 0) {
                    problems.add(new Problem(line, "so_tien", "fund.bank.bad-amount", as));
                } else {
                    amount = Long.parseLong(digits);
                }
                if (ref.isEmpty() || ref.length() > 64) problems.add(new Problem(line, "ma_giao_dich", "fund.bank.bad-ref", ref));
                if (date != null && amount != null && !ref.isEmpty() && ref.length() <= 64) {
                    out.add(new StatementLine(line, date, amount, text, ref));
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(0, "", "fund.bank.bad-csv", ""));
        }
        return out;
    }

    private static String cell(List<String> f, int i) {
        return i < f.size() && f.get(i) != null ? f.get(i).strip() : "";
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
