package vn.hoctap.fund.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.fund.FundTestSupport.as;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;
import vn.hoctap.fund.FundTestSupport;
import vn.hoctap.fund.core.EntryDraft;
import vn.hoctap.fund.core.LedgerException;
import vn.hoctap.fund.core.Line;
import vn.hoctap.platform.HanoiTime;

/**
 * The group commit (ghi sổ theo lô) keeps every promise of a single posting when requests that arrive together are
 * written in one transaction: the same key twice at once is one entry, the same key with other content is refused,
 * two reversals of one entry at once give one reversal (the loser refused by the database's unique rule and then
 * posted alone), and every entry has its own audit event with its own actor.
 */
class GroupCommitTest extends IntegrationTest {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired Funds funds;
    @Autowired FundLedger ledger;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void clear() {
        FundTestSupport.clear();
    }

    static EntryDraft gift(long amount) {
        return new EntryDraft(HanoiTime.today(), "Nhận đóng góp", List.of(Line.debit("112", amount), Line.credit("5111", amount)));
    }

    /** Runs the calls at the same moment, each on its own thread as its own accountant; returns each result or exception. */
    List<Object> together(List<Callable<FundLedger.Posted>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> fs = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Callable<FundLedger.Posted> c = calls.get(i);
            int n = i;
            fs.add(pool.submit(() -> {
                as("ketoan-lo-" + n, Role.FUND_ACCOUNTANT, "01");
                try {
                    start.await();
                    return c.call();
                } catch (LedgerException e) {
                    return e;
                } finally {
                    FundTestSupport.clear();
                }
            }));
        }
        start.countDown();
        List<Object> out = new ArrayList<>();
        for (Future<Object> f : fs) out.add(f.get(60, TimeUnit.SECONDS));
        pool.shutdown();
        return out;
    }

    @Test
    void postingsThatArriveTogetherKeepEveryRuleOfASinglePosting() throws Exception {
        as("ketoan-lo", Role.FUND_ACCOUNTANT, "01");
        Funds.Fund f = funds.create("lo-" + SEQ.incrementAndGet(), "Quỹ thử ghi sổ theo lô", "01", "CITY_ASSOCIATION", 10_000_000);
        FundTestSupport.clear();

        // 16 keys, each sent twice at the same moment with the same content, and one key with two different contents
        List<Callable<FundLedger.Posted>> calls = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            String key = "lo-" + f.id() + "-" + k;
            long amount = 100_000L * (k + 1);
            calls.add(() -> ledger.post(f.code(), gift(amount), key));
            calls.add(() -> ledger.post(f.code(), gift(amount), key));
        }
        String clash = "lo-" + f.id() + "-clash";
        calls.add(() -> ledger.post(f.code(), gift(7_000), clash));
        calls.add(() -> ledger.post(f.code(), gift(8_000), clash));
        List<Object> results = together(calls);
        for (int k = 0; k < 16; k++) {
            FundLedger.Posted a = (FundLedger.Posted) results.get(2 * k);
            FundLedger.Posted b = (FundLedger.Posted) results.get(2 * k + 1);
            assertThat(a.entryId()).isEqualTo(b.entryId());
            assertThat(a.replayed() ^ b.replayed()).as("one posted, one answered as a replay").isTrue();
        }
        List<Object> clashes = results.subList(32, 34);
        assertThat(clashes).filteredOn(r -> r instanceof FundLedger.Posted).hasSize(1);
        assertThat(clashes).filteredOn(r -> r instanceof LedgerException x && x.code().equals("IDEMPOTENCY_CONFLICT")).hasSize(1);
        // 17 entries: 100,000 × (1 + … + 16) = 13,600,000, plus 7,000 or 8,000
        assertThat(jdbc.queryForObject("select count(*) from fund_entry where fund_id = ?", Integer.class, f.id())).isEqualTo(17);
        long bank = ledger.recomputedBalances(f).get("112");
        assertThat(bank).isIn(13_607_000L, 13_608_000L);

        // two reversals of one entry at the same moment with different keys: one reversal, the other refused
        long target = ((FundLedger.Posted) results.get(0)).entryId();
        List<Object> reversals = together(List.of(
                () -> ledger.reverse(f.code(), target, HanoiTime.today(), "lo-r1-" + target),
                () -> ledger.reverse(f.code(), target, HanoiTime.today(), "lo-r2-" + target)));
        assertThat(reversals).filteredOn(r -> r instanceof FundLedger.Posted).hasSize(1);
        assertThat(reversals).filteredOn(r -> r instanceof LedgerException x && x.code().equals("ALREADY_REVERSED")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from fund_entry where reverses = ?", Integer.class, target)).isEqualTo(1);
        assertThat(ledger.recomputedBalances(f).get("112")).isEqualTo(bank - 100_000L);

        // every entry has exactly one audit event, with the actor who posted it
        List<java.util.Map<String, Object>> audit = jdbc.queryForList("""
                select e.id, e.posted_by, count(a.id) n, min(a.actor) actor from fund_entry e
                left join audit_event a on a.entity_type = 'fund_entry' and a.entity_id = e.id::text and a.action = 'fund.post'
                where e.fund_id = ? group by e.id, e.posted_by""", f.id());
        assertThat(audit).hasSize(18).allSatisfy(r -> {
            assertThat(((Number) r.get("n")).intValue()).isEqualTo(1);
            assertThat(r.get("actor")).isEqualTo(r.get("posted_by"));
            assertThat((String) r.get("actor")).startsWith("ketoan-lo-");
        });
    }
}
