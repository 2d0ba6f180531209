package vn.hoctap.fund.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.hoctap.fund.FundTestSupport.as;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
import vn.hoctap.fund.core.Period;

/**
 * The ledger under stress: 64 threads posting, retrying with the same idempotency key and reversing on the same
 * accounts for a fixed time while the books of past months are closed; and a bank statement import whose database
 * backend is killed half-way (pg_terminate_backend), which must leave nothing posted.
 */
class FundReliabilityTest extends IntegrationTest {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired Funds funds;
    @Autowired FundLedger ledger;
    @Autowired BankStatements bank;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void clear() {
        FundTestSupport.clear();
    }

    @Test
    void sixtyFourThreadsPostAndReverseWithoutLosingOrDuplicatingAnything() throws Exception {
        as("ketoan-stress", Role.FUND_ACCOUNTANT, "01");
        Funds.Fund f = funds.create("stress-" + SEQ.incrementAndGet(), "Quỹ thử tải", "01", "CITY_ASSOCIATION", 10_000_000);
        String[][] pairs = {{"112", "5111"}, {"111", "5112"}, {"6111", "112"}, {"156", "5113"}, {"6112", "111"}};
        int threads = 64;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        // what each thread saw succeed: entry id → its draft (reversals included)
        Map<Long, EntryDraft> accepted = new ConcurrentHashMap<>();
        Map<String, Long> keyToEntry = new ConcurrentHashMap<>();
        AtomicLong replays = new AtomicLong();
        AtomicLong refusedClosed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        LocalDate today = vn.hoctap.platform.HanoiTime.today();
        LocalDate early = today.minusMonths(3).withDayOfMonth(1);
        for (int t = 0; t < threads; t++) {
            int id = t;
            futures.add(pool.submit(() -> {
                as("ketoan-stress-" + id, Role.FUND_ACCOUNTANT, "01");
                Random rnd = new Random(id);
                List<Long> mine = new ArrayList<>();
                try {
                    start.await();
                    while (System.nanoTime() < until) {
                        int op = rnd.nextInt(10);
                        if (op < 7 || mine.isEmpty()) {
                            String[] p = pairs[rnd.nextInt(pairs.length)];
                            long amount = 1 + rnd.nextInt(5_000_000);
                            // some entries in an early month that the closer may lock at any moment
                            LocalDate d = rnd.nextInt(5) == 0 ? early : today;
                            EntryDraft e = new EntryDraft(d, "Tải " + id, List.of(Line.debit(p[0], amount), Line.credit(p[1], amount)));
                            String key = "s-" + f.id() + "-" + id + "-" + mine.size() + "-" + rnd.nextInt(1_000_000_000);
                            try {
                                FundLedger.Posted r = ledger.post(f.code(), e, key);
                                accepted.put(r.entryId(), e);
                                keyToEntry.put(key, r.entryId());
                                mine.add(r.entryId());
                                if (rnd.nextBoolean()) {   // a client retry of the same request
                                    FundLedger.Posted again = ledger.post(f.code(), e, key);
                                    assertThat(again.entryId()).isEqualTo(r.entryId());
                                    assertThat(again.replayed()).isTrue();
                                    replays.incrementAndGet();
                                }
                            } catch (LedgerException x) {
                                if (!x.code().equals("PERIOD_CLOSED")) throw x;
                                refusedClosed.incrementAndGet();
                            }
                        } else {
                            long target = mine.remove(rnd.nextInt(mine.size()));
                            String key = "sr-" + target;
                            FundLedger.Posted r = ledger.reverse(f.code(), target, today, key);
                            EntryDraft original = accepted.get(target);
                            accepted.put(r.entryId(), original.reversal(today, "đảo"));
                            assertThat(ledger.reverse(f.code(), target, today, key).entryId()).isEqualTo(r.entryId());
                        }
                    }
                } catch (Throwable x) {
                    failure.compareAndSet(null, x);
                } finally {
                    FundTestSupport.clear();
                }
                return null;
            }));
        }
        // the closer: closes the early month half-way through
        futures.add(pool.submit(() -> {
            as("chutich-stress", Role.FUND_ACCOUNTANT, "01");
            try {
                start.await();
                Thread.sleep(2000);
                ledger.closeThrough(f.code(), Period.of(early));
            } catch (Throwable x) {
                failure.compareAndSet(null, x);
            } finally {
                FundTestSupport.clear();
            }
            return null;
        }));
        start.countDown();
        for (Future<?> fu : futures) fu.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(failure.get()).as("no thread failed").isNull();

        // nothing lost or duplicated: the database holds exactly the entries the threads saw accepted
        List<Long> inDb = jdbc.queryForList("select id from fund_entry where fund_id = ? order by id", Long.class, f.id());
        List<Long> seen = new ArrayList<>(accepted.keySet());
        Collections.sort(seen);
        assertThat(inDb).isEqualTo(seen);
        assertThat(accepted.size()).as("postings in 4 s").isGreaterThan(500);
        // every balance = the sum of its entries as the threads posted them
        Map<String, Long> expected = new java.util.TreeMap<>();
        for (EntryDraft e : accepted.values()) {
            for (Line l : e.lines()) {
                var kind = vn.hoctap.fund.core.StandardChart.account(l.account()).orElseThrow().kind();
                expected.merge(l.account(), kind.signed(l.debit(), l.credit()), Long::sum);
            }
        }
        Map<String, Long> recomputed = ledger.recomputedBalances(f);
        expected.forEach((a, v) -> assertThat(recomputed.get(a)).as(a).isEqualTo(v));
        // the trial balance (frozen baseline of the closed month + movements) agrees and is zero
        List<FundLedger.TrialRow> trial = ledger.trialBalance(f, today.plusDays(1));
        trial.forEach(t -> assertThat(t.balance()).as(t.code()).isEqualTo(recomputed.get(t.code())));
        assertThat(trial.stream().mapToLong(FundLedger.TrialRow::debit).sum()).isEqualTo(trial.stream().mapToLong(FundLedger.TrialRow::credit).sum());
        // the closed month is frozen: its totals equal its lines, and nothing was posted into it after the closing
        long frozenDebit = jdbc.queryForObject("select coalesce(sum(debit), 0) from fund_period_total where fund_id = ? and period = ?",
                Long.class, f.id(), Period.of(early).yyyymm());
        long lineDebit = jdbc.queryForObject("select coalesce(sum(debit), 0) from fund_line where fund_id = ? and period = ?",
                Long.class, f.id(), Period.of(early).yyyymm());
        assertThat(frozenDebit).isEqualTo(lineDebit);
        assertThat(jdbc.queryForObject("""
                select count(*) from fund_entry e join fund_period p on p.fund_id = e.fund_id and p.period = e.period
                where e.fund_id = ? and e.posted_at > p.closed_at""", Integer.class, f.id())).isZero();
        System.out.printf("fund stress: %d entries (%d retried with the same key, %d refused in the closed month)%n",
                accepted.size(), replays.get(), refusedClosed.get());
    }

    @Test
    void aBankImportKilledHalfWayLeavesNothingPosted() throws Exception {
        as("ketoan-kill", Role.FUND_ACCOUNTANT, "00004");
        Funds.Fund f = funds.create("kill-" + SEQ.incrementAndGet(), "Quỹ thử ngắt", "00004", "COMMUNE_ASSOCIATION", 10_000_000);
        StringBuilder csv = new StringBuilder("ngay,so_tien,noi_dung,ma_giao_dich\n");
        int n = 20_000;
        for (int i = 0; i < n; i++) csv.append("05/01/2026,").append(10_000 + i).append(",Ung ho quy khuyen hoc,FT").append(f.id()).append('-').append(i).append('\n');
        int entriesBefore = jdbc.queryForObject("select count(*) from fund_entry", Integer.class);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread importer = new Thread(() -> {
            as("ketoan-kill", Role.FUND_ACCOUNTANT, "00004");
            try {
                bank.importStatement(f.code(), "sao-ke-lon.csv", csv.toString());
            } catch (Throwable t) {
                outcome.set(t);
            } finally {
                FundTestSupport.clear();
            }
        });
        importer.start();
        // wait until the import has posted a good part inside its transaction, then kill its backend
        Integer pid = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (pid == null && System.currentTimeMillis() < deadline) {
            pid = jdbc.query("select pid from pg_stat_activity where application_name = 'hoctap-fund-bank-import' and pid <> pg_backend_pid()",
                    rs -> rs.next() ? rs.getInt(1) : null);
            Thread.sleep(20);
        }
        assertThat(pid).as("the import's backend was seen").isNotNull();
        Thread.sleep(1500);
        assertThat(importer.isAlive()).as("still importing when killed").isTrue();
        assertThat(jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid)).isTrue();
        importer.join(60_000);
        assertThat(outcome.get()).as("the import failed").isNotNull();
        // nothing of it is in the books
        assertThat(jdbc.queryForObject("select count(*) from fund_receipt where fund_id = ?", Integer.class, f.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from fund_entry where fund_id = ?", Integer.class, f.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from fund_bank_import where fund_id = ?", Integer.class, f.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from fund_entry", Integer.class)).isGreaterThanOrEqualTo(entriesBefore);
        // and the same file imported again, uninterrupted, posts every line once
        as("ketoan-kill", Role.FUND_ACCOUNTANT, "00004");
        String small = String.join("\n", csv.toString().lines().limit(51).toList()) + "\n";   // the header and 50 lines
        BankStatements.Result r = bank.importStatement(f.code(), "sao-ke-nho.csv", small);
        assertThat(r.ok()).isTrue();
        assertThat(r.created()).isEqualTo(50);
        BankStatements.Result again = bank.importStatement(f.code(), "sao-ke-nho.csv", small);
        assertThat(again.created()).isZero();
        assertThat(again.matched()).isEqualTo(50);
        // 50 lines of 10,000 + i đồng: 50 × 10,000 + (0 + … + 49) = 500,000 + 1,225 = 501,225
        assertThat(ledger.recomputedBalances(f)).containsEntry("112", 501_225L);
    }
}
