package vn.hoctap.fund.internal;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.fund.core.ApprovalPolicy;
import vn.hoctap.fund.core.EntryDraft;
import vn.hoctap.fund.core.LedgerException;
import vn.hoctap.fund.core.Line;
import vn.hoctap.fund.core.StandardChart;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Khoản chi của quỹ: scholarships, awards, support to poor learners, spending on centres and ceremonies. Each has a
 * beneficiary (a register person's pseudonymous id, or an organisation), a decision (number, date, signer) and goes
 * through maker-checker approval ({@link ApprovalPolicy}): the accountant prepares, a chair approves, and an amount
 * above the fund's limit needs a second approval by the next level. Approval posts the entry (Dr spending, Cr the
 * account paid from). Scholarship programmes (chương trình học bổng) have criteria, a budget and their awards.
 */
@Service
public class Disbursements {

    /**
     * A disbursement to prepare. {@code restrictedProgrammeId}: paid from that programme's restricted account (an award
     * of a programme that has one is always paid from it, named or not).
     */
    public record Request(String purpose, Long programmeId, String beneficiaryKind, String beneficiaryRef, long amountVnd,
                          String paidFrom, String decisionNumber, LocalDate decisionDate, String decisionSigner, String note,
                          Long restrictedProgrammeId) {
        public Request(String purpose, Long programmeId, String beneficiaryKind, String beneficiaryRef, long amountVnd,
                       String paidFrom, String decisionNumber, LocalDate decisionDate, String decisionSigner, String note) {
            this(purpose, programmeId, beneficiaryKind, beneficiaryRef, amountVnd, paidFrom, decisionNumber, decisionDate, decisionSigner,
                    note, null);
        }
    }

    public record Disbursement(long id, long fundId, String purpose, Long programmeId, String beneficiaryKind, String beneficiaryRef,
                               long amountVnd, String paidFrom, String decisionNumber, LocalDate decisionDate, String decisionSigner,
                               String note, String status, String preparedBy, Instant preparedAt, String firstApprover,
                               String approvedBy, Instant approvedAt, String rejectedReason, Long entryId, String bankRef,
                               Long restrictedProgrammeId) {
    }

    /**
     * A programme; {@code restricted}: it has its own restricted account (quỹ hạn chế), whose balance is what earmarked
     * gifts brought in minus the awards paid from it.
     */
    public record Programme(long id, long fundId, String name, int year, String purpose, String criteria, long budgetVnd,
                            long committedVnd, long paidVnd, int awards, boolean restricted, long restrictedBalanceVnd) {
        public long remainingVnd() {
            return budgetVnd - committedVnd;
        }

        /** The name of its restricted account, as the chart shows it. */
        public String restrictedAccountName() {
            return "Quỹ hạn chế cho " + name;
        }
    }

    private final JdbcTemplate jdbc;
    private final Funds funds;
    private final FundLedger ledger;
    private final AccessGuard guard;
    private final AuditLog audit;

    Disbursements(JdbcTemplate jdbc, Funds funds, FundLedger ledger, AccessGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.funds = funds;
        this.ledger = ledger;
        this.guard = guard;
        this.audit = audit;
    }

    // ------------------------------------------------------------------ programmes

    @Transactional
    public long createProgramme(String fundCode, String name, int year, String purpose, String criteria, long budgetVnd) {
        return createProgramme(fundCode, name, year, purpose, criteria, budgetVnd, false);
    }

    /**
     * A programme; with {@code restricted} it gets its own restricted account 4212.&lt;id&gt; ("Quỹ hạn chế cho …"):
     * gifts earmarked for it are credited there, and its awards are paid from there and only from there.
     */
    @Transactional
    public long createProgramme(String fundCode, String name, int year, String purpose, String criteria, long budgetVnd, boolean restricted) {
        Funds.Fund f = funds.get(fundCode);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        Map<String, String> errors = new LinkedHashMap<>();
        if (Receipts.blankToNull(name) == null) errors.put("name", "fund.error.name");
        if (Receipts.blankToNull(criteria) == null) errors.put("criteria", "fund.error.criteria");
        if (budgetVnd <= 0) errors.put("budget_vnd", "fund.error.amount");
        if (!List.of("SCHOLARSHIP", "AWARD", "POOR_LEARNER_SUPPORT").contains(purpose)) errors.put("purpose", "fund.error.purpose");
        if (!errors.isEmpty()) throw new ValidationException(errors);
        long id = jdbc.queryForObject("""
                insert into fund_programme (fund_id, name, year, purpose, criteria, budget_vnd, created_by) values (?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class, f.id(), name.strip(), year, purpose, criteria.strip(), budgetVnd, ledger.actor());
        if (restricted) {
            long account = funds.addAccount(f.id(), StandardChart.restrictedFor(id), "Quỹ hạn chế cho " + name.strip(),
                    vn.hoctap.fund.core.AccountKind.NET_ASSETS);
            jdbc.update("update fund_programme set restricted_account_id = ? where id = ?", account, id);
        }
        audit.record("fund.programme", "fund_programme", Long.toString(id), f.unitCode(), null,
                Map.of("name", name.strip(), "budget_vnd", budgetVnd, "restricted", restricted), "Chương trình học bổng " + name.strip());
        return id;
    }

    public List<Programme> programmes(Funds.Fund f) {
        return jdbc.query("""
                select p.*,
                  coalesce((select sum(amount_vnd) from fund_disbursement d where d.programme_id = p.id and d.status <> 'REJECTED'), 0) committed,
                  coalesce((select sum(amount_vnd) from fund_disbursement d where d.programme_id = p.id and d.status = 'APPROVED'), 0) paid,
                  (select count(*) from fund_disbursement d where d.programme_id = p.id and d.status = 'APPROVED') awards,
                  coalesce((select sum(l.credit) - sum(l.debit) from fund_line l where l.account_id = p.restricted_account_id
                            and l.fund_id = p.fund_id), 0) restricted_balance
                from fund_programme p where p.fund_id = ? order by p.year desc, p.id""",
                (rs, n) -> new Programme(rs.getLong("id"), f.id(), rs.getString("name"), rs.getInt("year"), rs.getString("purpose"),
                        rs.getString("criteria"), rs.getLong("budget_vnd"), rs.getLong("committed"), rs.getLong("paid"), rs.getInt("awards"),
                        rs.getObject("restricted_account_id") != null, rs.getLong("restricted_balance")), f.id());
    }

    // ------------------------------------------------------------------ disbursements

    /** The accountant prepares a disbursement (no entry yet). */
    @Transactional
    public Disbursement prepare(String fundCode, Request r, String idempotencyKey) {
        Funds.Fund f = funds.get(fundCode);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        if (idempotencyKey == null || idempotencyKey.isBlank()) throw ValidationException.of("idempotency_key", "fund.error.idempotency-key");
        Optional<Disbursement> existing = jdbc.query(SELECT + " where idempotency_key = ?", ROW, idempotencyKey).stream().findFirst();
        if (existing.isPresent()) return existing.get();
        Map<String, String> errors = new LinkedHashMap<>();
        if (r.purpose() == null || !List.of("SCHOLARSHIP", "AWARD", "POOR_LEARNER_SUPPORT", "CENTRE", "CEREMONY", "OTHER").contains(r.purpose())) {
            errors.put("purpose", "fund.error.purpose");
        }
        if (!"PERSON".equals(r.beneficiaryKind()) && !"ORGANISATION".equals(r.beneficiaryKind())) {
            errors.put("beneficiary_kind", "fund.error.beneficiary-kind");
        } else if (Receipts.blankToNull(r.beneficiaryRef()) == null) {
            errors.put("beneficiary_ref", "fund.error.beneficiary");
        } else if ("PERSON".equals(r.beneficiaryKind()) && !r.beneficiaryRef().strip().matches("[A-Za-z0-9_-]{4,64}")) {
            // a register person's pseudonymous id: never a name or an ID number
            errors.put("beneficiary_ref", "fund.error.beneficiary-pseudonym");
        }
        if (r.amountVnd() <= 0) errors.put("amount_vnd", "fund.error.amount");
        if (!List.of("CASH", "BANK", "IN_KIND").contains(String.valueOf(r.paidFrom()))) errors.put("paid_from", "fund.error.form");
        if (Receipts.blankToNull(r.decisionNumber()) == null) errors.put("decision_number", "fund.error.decision-number");
        if (r.decisionDate() == null) errors.put("decision_date", "fund.error.date");
        if (Receipts.blankToNull(r.decisionSigner()) == null) errors.put("decision_signer", "fund.error.decision-signer");
        if (r.programmeId() != null) {
            Optional<Programme> p = programmes(f).stream().filter(x -> x.id() == r.programmeId()).findFirst();
            if (p.isEmpty()) errors.put("programme_id", "fund.error.programme");
            else if (r.amountVnd() > p.get().remainingVnd()) errors.put("amount_vnd", "fund.error.over-budget");
        }
        Long restricted = restrictedSource(f, r, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        long id = jdbc.queryForObject("""
                insert into fund_disbursement (fund_id, idempotency_key, purpose, programme_id, beneficiary_kind, beneficiary_ref, amount_vnd,
                    paid_from, decision_number, decision_date, decision_signer, note, status, prepared_by, restricted_programme_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PREPARED', ?, ?) returning id""", Long.class,
                f.id(), idempotencyKey, r.purpose(), r.programmeId(), r.beneficiaryKind(), r.beneficiaryRef().strip(), r.amountVnd(),
                r.paidFrom(), r.decisionNumber().strip(), Date.valueOf(r.decisionDate()), r.decisionSigner().strip(),
                Receipts.blankToNull(r.note()), ledger.actor(), restricted);
        audit.record("fund.disbursement.prepare", "fund_disbursement", Long.toString(id), f.unitCode(), null,
                Map.of("amount_vnd", r.amountVnd(), "purpose", r.purpose(), "decision", r.decisionNumber().strip()),
                "Lập khoản chi theo quyết định " + r.decisionNumber().strip());
        return get(id);
    }

    /**
     * Which restricted account pays (a programme id), checking the rule of restricted money: a restricted account pays
     * only the awards of its own programme, for the programme's purpose, and not more than it holds (minus what other
     * prepared awards already wait for). An award of a programme with a restricted account is paid from it.
     */
    private Long restrictedSource(Funds.Fund f, Request r, Map<String, String> errors) {
        Long source = r.restrictedProgrammeId();
        if (source == null && r.programmeId() != null) {
            Optional<Programme> p = programmes(f).stream().filter(x -> x.id() == r.programmeId() && x.restricted()).findFirst();
            if (p.isPresent()) source = p.get().id();
        }
        if (source == null) return null;
        long id = source;
        Optional<Programme> p = programmes(f).stream().filter(x -> x.id() == id && x.restricted()).findFirst();
        if (p.isEmpty()) {
            errors.put("restricted_programme_id", "fund.error.restricted-account");
            return null;
        }
        if (!Long.valueOf(id).equals(r.programmeId()) || !p.get().purpose().equals(r.purpose())) {
            // money given for a named scholarship is spent on that scholarship only
            errors.put("restricted_programme_id", "fund.error.restricted-purpose");
            return null;
        }
        long waiting = jdbc.queryForObject("""
                select coalesce(sum(amount_vnd), 0) from fund_disbursement
                where restricted_programme_id = ? and status in ('PREPARED', 'AWAITING_SECOND')""", Long.class, id);
        if (r.amountVnd() > p.get().restrictedBalanceVnd() - waiting) errors.put("amount_vnd", "fund.error.restricted-balance");
        return id;
    }

    /**
     * A chair approves: refused for the preparer; above the fund's limit the first approval waits for a second one by
     * the next level (a chair whose units include the level above the fund's unit; for the city fund another city chair).
     * The final approval posts the entry.
     */
    @Transactional
    public Disbursement approve(long id) {
        Disbursement d = lockedForUpdate(id);
        Funds.Fund f = funds.byId(d.fundId());
        guard.require(DataKind.FUND_RECORDS, AccessAction.APPROVE, f.unitCode());
        CurrentUser me = guard.requireUser();
        if (!d.status().equals("PREPARED") && !d.status().equals("AWAITING_SECOND")) {
            throw new LedgerException("NOT_PENDING", "disbursement " + id + " is " + d.status());
        }
        boolean nextLevel = f.unitCode().equals("01") ? me.scopes().contains("01")
                : me.scopes().contains("01") && !me.scopes().contains(f.unitCode());
        ApprovalPolicy.Outcome o = ApprovalPolicy.approve(d.preparedBy(), d.firstApprover(), me.username(), d.amountVnd(),
                f.approvalLimitVnd(), nextLevel);
        if (o == ApprovalPolicy.Outcome.AWAITING_SECOND) {
            jdbc.update("update fund_disbursement set status = 'AWAITING_SECOND', first_approver = ? where id = ?", me.username(), id);
            audit.record("fund.disbursement.approve1", "fund_disbursement", Long.toString(id), f.unitCode(), Map.of("status", d.status()),
                    Map.of("status", "AWAITING_SECOND"), "Duyệt lần một khoản chi " + d.decisionNumber());
            return get(id);
        }
        String expense = StandardChart.expenseFor(d.purpose());
        LocalDate on = HanoiTime.today();
        List<Line> lines = new java.util.ArrayList<>(List.of(Line.debit(expense, d.amountVnd()),
                Line.credit(StandardChart.assetFor(d.paidFrom()), d.amountVnd())));
        if (d.restrictedProgrammeId() != null) {
            // paid from the programme's restricted account: released from the restriction, never below zero (the
            // programme row is locked so that two approvals cannot both spend the last đồng)
            long balance = jdbc.queryForObject("""
                    select coalesce((select sum(l.credit) - sum(l.debit) from fund_line l where l.account_id = p.restricted_account_id
                                     and l.fund_id = p.fund_id), 0)
                    from fund_programme p where p.id = ? for update""", Long.class, d.restrictedProgrammeId());
            if (d.amountVnd() > balance) {
                throw new LedgerException("RESTRICTED_BALANCE", "the restricted account of programme " + d.restrictedProgrammeId()
                        + " holds " + balance + " VND, less than " + d.amountVnd());
            }
            lines.add(Line.debit(StandardChart.restrictedFor(d.restrictedProgrammeId()), d.amountVnd()));
            lines.add(Line.credit(StandardChart.FUND_UNRESTRICTED, d.amountVnd()));
        }
        FundLedger.Posted p = ledger.postInternal(f, new EntryDraft(on, StandardChart.account(expense).orElseThrow().nameVi()
                        + " theo quyết định " + d.decisionNumber(), lines),
                "disbursement:" + id, "DISBURSEMENT", id, null);
        jdbc.update("update fund_disbursement set status = 'APPROVED', approved_by = ?, approved_at = now(), entry_id = ?, paid_on = ? where id = ?",
                me.username(), p.entryId(), Date.valueOf(on), id);
        audit.record("fund.disbursement.approve", "fund_disbursement", Long.toString(id), f.unitCode(), Map.of("status", d.status()),
                Map.of("status", "APPROVED", "entry", p.entryId()), "Duyệt khoản chi " + d.decisionNumber());
        return get(id);
    }

    @Transactional
    public Disbursement reject(long id, String reason) {
        Disbursement d = lockedForUpdate(id);
        Funds.Fund f = funds.byId(d.fundId());
        guard.require(DataKind.FUND_RECORDS, AccessAction.APPROVE, f.unitCode());
        if (!d.status().equals("PREPARED") && !d.status().equals("AWAITING_SECOND")) {
            throw new LedgerException("NOT_PENDING", "disbursement " + id + " is " + d.status());
        }
        if (Receipts.blankToNull(reason) == null) throw ValidationException.of("reason", "fund.error.reason");
        jdbc.update("update fund_disbursement set status = 'REJECTED', rejected_reason = ? where id = ?", reason.strip(), id);
        audit.record("fund.disbursement.reject", "fund_disbursement", Long.toString(id), f.unitCode(), Map.of("status", d.status()),
                Map.of("status", "REJECTED"), "Không duyệt khoản chi " + d.decisionNumber());
        return get(id);
    }

    private Disbursement lockedForUpdate(long id) {
        return jdbc.query(SELECT + " where id = ? for update", ROW, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("fund.error.disbursement-not-found", id));
    }

    public Disbursement get(long id) {
        Disbursement d = jdbc.query(SELECT + " where id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("fund.error.disbursement-not-found", id));
        funds.requireBooks(funds.byId(d.fundId()), AccessAction.READ);
        return d;
    }

    public List<Disbursement> ofFund(Funds.Fund f) {
        funds.requireBooks(f, AccessAction.READ);
        return jdbc.query(SELECT + " where fund_id = ? order by id desc", ROW, f.id());
    }

    /** For the bank reconciliation: approved bank payments not yet matched to a statement line. */
    List<Disbursement> unmatchedBankPayments(long fundId) {
        return jdbc.query(SELECT + " where fund_id = ? and status = 'APPROVED' and paid_from = 'BANK' and bank_ref is null order by id", ROW, fundId);
    }

    private static final String SELECT = "select * from fund_disbursement";

    private static final RowMapper<Disbursement> ROW = (rs, n) -> new Disbursement(rs.getLong("id"), rs.getLong("fund_id"),
            rs.getString("purpose"), (Long) rs.getObject("programme_id"), rs.getString("beneficiary_kind"), rs.getString("beneficiary_ref"),
            rs.getLong("amount_vnd"), rs.getString("paid_from"), rs.getString("decision_number"), rs.getDate("decision_date").toLocalDate(),
            rs.getString("decision_signer"), rs.getString("note"), rs.getString("status"), rs.getString("prepared_by"),
            rs.getTimestamp("prepared_at").toInstant(), rs.getString("first_approver"), rs.getString("approved_by"),
            rs.getTimestamp("approved_at") == null ? null : rs.getTimestamp("approved_at").toInstant(), rs.getString("rejected_reason"),
            (Long) rs.getObject("entry_id"), rs.getString("bank_ref"), (Long) rs.getObject("restricted_programme_id"));
}
