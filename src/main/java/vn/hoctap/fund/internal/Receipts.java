package vn.hoctap.fund.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
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
import vn.hoctap.accounts.Grant;
import vn.hoctap.audit.AuditLog;
import vn.hoctap.fund.core.EntryDraft;
import vn.hoctap.fund.core.ForeignAmount;
import vn.hoctap.fund.core.LedgerException;
import vn.hoctap.fund.core.Line;
import vn.hoctap.fund.core.StandardChart;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.platform.ValidationException;

/**
 * Biên nhận đóng góp: a donation (money in đồng or a foreign currency with its rate and the rate's source, or a gift
 * in kind with its valuation) from a person, an organisation, an overseas Vietnamese or an anonymous donor, posted at
 * once (Dr cash/bank/in-kind, Cr the income of the donor's kind) with a numbered receipt (BN-QUỸ-NĂM-SỐ) and an
 * unguessable verification code for the public page and the QR code of its PDF. Pledges (cam kết) are recorded
 * without an entry and fulfilled by receipts. A donor's name is published only when they agreed.
 */
@Service
public class Receipts {

    public record Request(LocalDate date, String donorKind, String donorName, boolean publishName, String donorUsername,
                          String form, String currency, BigDecimal foreignAmount, BigDecimal rate, String rateSource,
                          Long amountVnd, String inKindDescription, String valuationBasis, Long programmeId, Long pledgeId,
                          String bankRef, String note) {
    }

    public record Receipt(long id, long fundId, String number, String verificationCode, LocalDate date, String donorKind,
                          String donorName, boolean publishName, String donorUsername, String form, String currency,
                          BigDecimal foreignAmount, BigDecimal rate, String rateSource, long amountVnd, String inKindDescription,
                          String valuationBasis, Long programmeId, Long pledgeId, String bankRef, String note, long entryId,
                          boolean reversed, String preparedBy, Instant createdAt) {
        /** The donor as published: the name only when they agreed. */
        public String publicDonor() {
            return publishName && donorName != null ? donorName : null;
        }
    }

    public record Pledge(long id, long fundId, String donorKind, String donorName, long amountVnd, LocalDate dueDate, long fulfilledVnd) {
    }

    private static final String BASE32 = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";

    private final JdbcTemplate jdbc;
    private final Funds funds;
    private final FundLedger ledger;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    Receipts(JdbcTemplate jdbc, Funds funds, FundLedger ledger, AccessGuard guard, AuditLog audit) {
        this.jdbc = jdbc;
        this.funds = funds;
        this.ledger = ledger;
        this.guard = guard;
        this.audit = audit;
    }

    /** Records a donation and posts it; the same idempotency key returns the receipt already made. */
    @Transactional
    public Receipt record(String fundCode, Request r, String idempotencyKey) {
        Funds.Fund f = funds.get(fundCode);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        return recordInternal(f, r, idempotencyKey);
    }

    Receipt recordInternal(Funds.Fund f, Request r, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) throw ValidationException.of("idempotency_key", "fund.error.idempotency-key");
        Optional<Receipt> existing = byKey(idempotencyKey);
        if (existing.isPresent()) return existing.get();
        Map<String, String> errors = new LinkedHashMap<>();
        long vnd = validate(f, r, errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        String income = StandardChart.incomeFor(r.donorKind());
        String asset = StandardChart.assetFor(r.form());
        String what = r.form().equals("IN_KIND") ? "Nhận hiện vật" : "Nhận đóng góp";
        List<Line> lines = new java.util.ArrayList<>(List.of(Line.debit(asset, vnd), Line.credit(income, vnd)));
        Long restricted = r.programmeId() == null ? null : jdbc.queryForObject(
                "select restricted_account_id from fund_programme where id = ?", Long.class, r.programmeId());
        if (restricted != null) {
            // earmarked for a programme with a restricted account: the gift is reclassified from the fund's own means
            lines.add(Line.debit(StandardChart.FUND_UNRESTRICTED, vnd));
            lines.add(Line.credit(StandardChart.restrictedFor(r.programmeId()), vnd));
        }
        EntryDraft d = new EntryDraft(r.date(), what + (r.publishName() && r.donorName() != null ? " của " + r.donorName().strip() : "")
                + (restricted != null ? " (chỉ định cho chương trình số " + r.programmeId() + ")" : ""), lines);
        FundLedger.Posted p = ledger.postInternal(f, d, "receipt:" + idempotencyKey, r.form().equals("BANK") && r.bankRef() != null ? "BANK" : "RECEIPT", null, null);
        if (p.replayed()) {
            return byKey(idempotencyKey).orElseThrow(() -> new LedgerException("IDEMPOTENCY_CONFLICT", idempotencyKey));
        }
        long donor = jdbc.queryForObject("insert into fund_donor (fund_id, kind, name, publish_name, username) values (?, ?, ?, ?, ?) returning id",
                Long.class, f.id(), r.donorKind(), r.donorKind().equals("ANONYMOUS") ? null : blankToNull(r.donorName()),
                !r.donorKind().equals("ANONYMOUS") && r.publishName() && blankToNull(r.donorName()) != null, blankToNull(r.donorUsername()));
        int year = r.date().getYear();
        int seq = jdbc.queryForObject("""
                insert into fund_receipt_counter (fund_id, year, last) values (?, ?, 1)
                on conflict (fund_id, year) do update set last = fund_receipt_counter.last + 1 returning last""", Integer.class, f.id(), year);
        String number = String.format("BN-%s-%d-%05d", f.code().toUpperCase(java.util.Locale.ROOT), year, seq);
        long id = jdbc.queryForObject("""
                insert into fund_receipt (fund_id, number, verification_code, idempotency_key, receipt_date, donor_id, form, currency,
                    foreign_amount, rate, rate_source, amount_vnd, in_kind_description, valuation_basis, programme_id, pledge_id, bank_ref,
                    note, entry_id, prepared_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                f.id(), number, newCode(), idempotencyKey, Date.valueOf(r.date()), donor, r.form(), currency(r),
                r.foreignAmount(), r.rate(), blankToNull(r.rateSource()), vnd, blankToNull(r.inKindDescription()),
                blankToNull(r.valuationBasis()), r.programmeId(), r.pledgeId(), blankToNull(r.bankRef()), blankToNull(r.note()),
                p.entryId(), ledger.actor());
        Receipt saved = byId(id).orElseThrow();
        audit.record("fund.receipt", "fund_receipt", number, f.unitCode(), null,
                Map.of("number", number, "amount_vnd", vnd, "form", r.form(), "donor_kind", r.donorKind()), "Biên nhận " + number);
        return saved;
    }

    private long validate(Funds.Fund f, Request r, Map<String, String> errors) {
        if (r.date() == null) errors.put("date", "fund.error.date");
        else if (r.date().isAfter(vn.hoctap.platform.HanoiTime.today())) errors.put("date", "fund.error.date-future");
        if (r.donorKind() == null || !List.of("PERSON", "ORGANISATION", "OVERSEAS", "ANONYMOUS").contains(r.donorKind())) {
            errors.put("donor_kind", "fund.error.donor-kind");
        } else if (!r.donorKind().equals("ANONYMOUS") && r.publishName() && blankToNull(r.donorName()) == null) {
            errors.put("donor_name", "fund.error.donor-name");
        }
        if (r.form() == null || !List.of("CASH", "BANK", "IN_KIND").contains(r.form())) {
            errors.put("form", "fund.error.form");
            return 0;
        }
        long vnd = 0;
        String currency = currency(r);
        if (!currency.matches("[A-Z]{3}")) {
            errors.put("currency", "fund.error.currency");
        } else if (!currency.equals("VND")) {
            if (r.foreignAmount() == null || r.foreignAmount().signum() <= 0) errors.put("foreign_amount", "fund.error.foreign-amount");
            if (r.rate() == null || r.rate().signum() <= 0) errors.put("rate", "fund.error.rate");
            if (blankToNull(r.rateSource()) == null) errors.put("rate_source", "fund.error.rate-source");
            if (!errors.containsKey("foreign_amount") && !errors.containsKey("rate")) {
                vnd = ForeignAmount.toVnd(r.foreignAmount(), r.rate());
                if (r.amountVnd() != null && r.amountVnd() != vnd) errors.put("amount_vnd", "fund.error.amount-rate");
            }
        } else {
            if (r.amountVnd() == null || r.amountVnd() <= 0) errors.put("amount_vnd", "fund.error.amount");
            else vnd = r.amountVnd();
        }
        if (r.form().equals("IN_KIND")) {
            if (blankToNull(r.inKindDescription()) == null) errors.put("in_kind_description", "fund.error.in-kind");
            if (blankToNull(r.valuationBasis()) == null) errors.put("valuation_basis", "fund.error.valuation");
        }
        if (r.programmeId() != null && jdbc.queryForObject("select count(*) from fund_programme where id = ? and fund_id = ?",
                Integer.class, r.programmeId(), f.id()) == 0) {
            errors.put("programme_id", "fund.error.programme");
        }
        if (r.pledgeId() != null && jdbc.queryForObject("select count(*) from fund_pledge where id = ? and fund_id = ?",
                Integer.class, r.pledgeId(), f.id()) == 0) {
            errors.put("pledge_id", "fund.error.pledge");
        }
        return vnd;
    }

    private static String currency(Request r) {
        return r.currency() == null || r.currency().isBlank() ? "VND" : r.currency().strip().toUpperCase(java.util.Locale.ROOT);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    String newCode() {
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) b.append(BASE32.charAt(random.nextInt(32)));
        return b.toString();
    }

    private static final String SELECT = """
            select r.*, d.kind donor_kind, d.name donor_name, d.publish_name, d.username donor_username,
                   exists (select 1 from fund_entry x where x.reverses = r.entry_id) reversed
            from fund_receipt r join fund_donor d on d.id = r.donor_id""";

    private static final RowMapper<Receipt> ROW = (rs, n) -> new Receipt(rs.getLong("id"), rs.getLong("fund_id"), rs.getString("number"),
            rs.getString("verification_code"), rs.getDate("receipt_date").toLocalDate(), rs.getString("donor_kind"),
            rs.getString("donor_name"), rs.getBoolean("publish_name"), rs.getString("donor_username"), rs.getString("form"),
            rs.getString("currency"), rs.getBigDecimal("foreign_amount"), rs.getBigDecimal("rate"), rs.getString("rate_source"),
            rs.getLong("amount_vnd"), rs.getString("in_kind_description"), rs.getString("valuation_basis"),
            (Long) rs.getObject("programme_id"), (Long) rs.getObject("pledge_id"), rs.getString("bank_ref"), rs.getString("note"),
            rs.getLong("entry_id"), rs.getBoolean("reversed"), rs.getString("prepared_by"), rs.getTimestamp("created_at").toInstant());

    public boolean existsKey(String key) {
        return key != null && byKey(key).isPresent();
    }

    Optional<Receipt> byKey(String key) {
        return jdbc.query(SELECT + " where r.idempotency_key = ?", ROW, key).stream().findFirst();
    }

    Optional<Receipt> byId(long id) {
        return jdbc.query(SELECT + " where r.id = ?", ROW, id).stream().findFirst();
    }

    /** A receipt for its fund's readers, or for the donor themselves (a citizen sees their own receipts only). */
    public Receipt get(long id) {
        Receipt r = byId(id).orElseThrow(() -> new NotFoundException("fund.error.receipt-not-found", id));
        Funds.Fund f = funds.byId(r.fundId());
        Grant g = guard.require(DataKind.FUND_RECORDS, AccessAction.READ);
        if (g == Grant.OWN) {
            guard.requireOwnOrScope(g, guard.currentUser().map(CurrentUser::username).orElse("").equals(r.donorUsername()));
        } else {
            funds.requireBooks(f, AccessAction.READ);
        }
        return r;
    }

    /** The public verification of a receipt code. */
    public Optional<Receipt> verify(String code) {
        if (code == null || !code.matches("[A-Z0-9]{32}")) return Optional.empty();
        return jdbc.query(SELECT + " where r.verification_code = ?", ROW, code).stream().findFirst();
    }

    public List<Receipt> ofFund(Funds.Fund f, int limit) {
        funds.requireBooks(f, AccessAction.READ);
        return jdbc.query(SELECT + " where r.fund_id = ? order by r.receipt_date desc, r.id desc limit ?", ROW, f.id(), limit);
    }

    /** The signed-in citizen's own donations. */
    public List<Receipt> mine() {
        String me = guard.requireUser().username();
        guard.require(DataKind.FUND_RECORDS, AccessAction.READ);
        return jdbc.query(SELECT + " where d.username = ? order by r.receipt_date desc", ROW, me);
    }

    /** Reverses a receipt's entry (a wrong receipt): the receipt stays, marked reversed on its verification page. */
    @Transactional
    public FundLedger.Posted cancel(long receiptId, String reason, String idempotencyKey) {
        Receipt r = byId(receiptId).orElseThrow(() -> new NotFoundException("fund.error.receipt-not-found", receiptId));
        Funds.Fund f = funds.byId(r.fundId());
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        if (blankToNull(reason) == null) throw ValidationException.of("reason", "fund.error.reason");
        FundLedger.Posted p = ledger.reverseInternal(f, r.entryId(), vn.hoctap.platform.HanoiTime.today(), idempotencyKey,
                "Hủy biên nhận " + r.number() + ": " + reason.strip());
        audit.record("fund.receipt.cancel", "fund_receipt", r.number(), f.unitCode(), null, Map.of("reason", reason.strip()),
                "Hủy biên nhận " + r.number());
        return p;
    }

    // ------------------------------------------------------------------ pledges

    @Transactional
    public long pledge(String fundCode, String donorKind, String donorName, boolean publishName, long amountVnd, LocalDate due, String note) {
        Funds.Fund f = funds.get(fundCode);
        guard.require(DataKind.FUND_RECORDS, AccessAction.WRITE, f.unitCode());
        if (amountVnd <= 0) throw ValidationException.of("amount_vnd", "fund.error.amount");
        if (!List.of("PERSON", "ORGANISATION", "OVERSEAS", "ANONYMOUS").contains(donorKind)) throw ValidationException.of("donor_kind", "fund.error.donor-kind");
        long donor = jdbc.queryForObject("insert into fund_donor (fund_id, kind, name, publish_name) values (?, ?, ?, ?) returning id",
                Long.class, f.id(), donorKind, donorKind.equals("ANONYMOUS") ? null : blankToNull(donorName),
                !donorKind.equals("ANONYMOUS") && publishName && blankToNull(donorName) != null);
        long id = jdbc.queryForObject("insert into fund_pledge (fund_id, donor_id, amount_vnd, due_date, note, created_by) values (?, ?, ?, ?, ?, ?) returning id",
                Long.class, f.id(), donor, amountVnd, due == null ? null : Date.valueOf(due), blankToNull(note), ledger.actor());
        audit.record("fund.pledge", "fund_pledge", Long.toString(id), f.unitCode(), null, Map.of("amount_vnd", amountVnd), "Cam kết đóng góp");
        return id;
    }

    /** Pledges and how much of each the receipts (not reversed) fulfilled. */
    public List<Pledge> pledges(Funds.Fund f) {
        funds.requireBooks(f, AccessAction.READ);
        return jdbc.query("""
                select p.*, d.kind, d.name, coalesce((select sum(r.amount_vnd) from fund_receipt r where r.pledge_id = p.id
                   and not exists (select 1 from fund_entry x where x.reverses = r.entry_id)), 0) fulfilled
                from fund_pledge p join fund_donor d on d.id = p.donor_id where p.fund_id = ? order by p.id""",
                (rs, n) -> new Pledge(rs.getLong("id"), f.id(), rs.getString("kind"), rs.getString("name"), rs.getLong("amount_vnd"),
                        rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(), rs.getLong("fulfilled")), f.id());
    }
}
