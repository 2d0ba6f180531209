package vn.hoctap.fund.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import vn.hoctap.audit.AuditLog;
import vn.hoctap.fund.core.LedgerException;
import vn.hoctap.fund.core.Line;

/**
 * Ghi sổ theo lô (group commit) of the fund ledger: postings that arrive while a commit is on its way to disk wait in a
 * queue; a writer takes all of them and writes them in ONE transaction — the entries in one statement, their lines in
 * one statement, one audit event per entry in one statement — and one durable commit (synchronous_commit stays on),
 * then answers each caller. Nothing of the database's guarantees is relaxed: every entry's balance is still checked by
 * the deferred trigger at commit, the insert triggers still refuse closed months and bad reversals, the idempotency key
 * is still unique. If the database refuses anything in a batch, the whole batch rolls back and its postings are then
 * written one by one, each in its own transaction, so that only the refused posting fails (with the same error as
 * before). A caller returns only after its entry's commit is durable.
 */
public final class GroupCommit {

    /** What the writers did since start. */
    public record Stats(long batches, long postings, long batchesPostedOneByOne) {
        public double averageBatch() {
            return batches == 0 ? 0 : (double) postings / batches;
        }
    }

    private record Request(FundLedger.Prepared p, CompletableFuture<FundLedger.Posted> answer) {
    }

    private final FundLedger ledger;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int maxBatch;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong postings = new AtomicLong();
    private final AtomicLong oneByOne = new AtomicLong();

    GroupCommit(FundLedger ledger, JdbcTemplate jdbc, TransactionTemplate tx, int writerCount, int maxBatch) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.tx = tx;
        this.maxBatch = Math.max(1, maxBatch);
        for (int i = 0; i < Math.max(1, writerCount); i++) {
            Thread t = new Thread(this::drain, "fund-group-commit-" + i);
            t.setDaemon(true);
            t.start();
            writers.add(t);
        }
    }

    Stats stats() {
        return new Stats(batches.get(), postings.get(), oneByOne.get());
    }

    /** Queues a checked posting and waits until it is durably committed (or refused). */
    FundLedger.Posted submit(FundLedger.Prepared p) {
        if (!running) throw new IllegalStateException("the fund ledger is shutting down");
        CompletableFuture<FundLedger.Posted> answer = new CompletableFuture<>();
        queue.add(new Request(p, answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the posting was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    void stop() {
        running = false;
        for (Thread t : writers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Request> left = new ArrayList<>();
        queue.drainTo(left);
        for (Request r : left) r.answer().completeExceptionally(new IllegalStateException("the fund ledger is shutting down"));
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            Request first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) continue;
            List<Request> batch = new ArrayList<>();
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            try {
                write(batch);
            } catch (Throwable t) {   // never leave a caller waiting
                for (Request r : batch) r.answer().completeExceptionally(t);
            }
        }
    }

    private void write(List<Request> batch) {
        // the first request of each key is written; a second one with the same key (a client's retry arriving in the
        // same batch) is answered after the commit as a replay, or refused if its content differs
        Map<String, Request> leaders = new LinkedHashMap<>();
        List<Request> followers = new ArrayList<>();
        for (Request r : batch) {
            if (leaders.putIfAbsent(r.p().key(), r) != null) followers.add(r);
        }
        Map<String, Long> ids;
        try {
            ids = tx.execute(s -> insert(new ArrayList<>(leaders.values())));
        } catch (RuntimeException refused) {
            // something in the batch was refused (a month closed meanwhile, a reversal raced by another one, …): each
            // posting on its own, so that only the refused one fails
            oneByOne.incrementAndGet();
            for (Request r : batch) {
                try {
                    FundLedger.Prepared p = r.p();
                    r.answer().complete(tx.execute(s -> ledger.postAs(p.actor(), p.fund(), p.draft(), p.key(), p.sourceKind(),
                            p.sourceId(), p.reverses())));
                } catch (RuntimeException e) {
                    r.answer().completeExceptionally(e instanceof org.springframework.dao.DataAccessException d ? FundLedger.translate(d) : e);
                }
            }
            return;
        }
        batches.incrementAndGet();
        postings.addAndGet(ids.size());
        List<Request> replays = new ArrayList<>(followers);
        for (Request r : leaders.values()) {
            Long id = ids.get(r.p().key());
            if (id != null) r.answer().complete(new FundLedger.Posted(id, false));
            else replays.add(r);   // the key was posted before, or by a concurrent batch
        }
        for (Request r : replays) {
            try {
                r.answer().complete(ledger.replay(r.p().key(), r.p().hash())
                        .orElseThrow(() -> new LedgerException("IDEMPOTENCY_CONFLICT", r.p().key())));
            } catch (RuntimeException e) {
                r.answer().completeExceptionally(e);
            }
        }
    }

    /** Writes the batch in the current transaction: entries, lines and audit events, one statement each. */
    private Map<String, Long> insert(List<Request> rs) {
        int n = rs.size();
        Long[] fund = new Long[n];
        Date[] date = new Date[n];
        Integer[] period = new Integer[n];
        String[] description = new String[n];
        String[] key = new String[n];
        String[] hash = new String[n];
        Long[] reverses = new Long[n];
        String[] source = new String[n];
        Long[] sourceId = new Long[n];
        String[] actor = new String[n];
        for (int i = 0; i < n; i++) {
            FundLedger.Prepared p = rs.get(i).p();
            fund[i] = p.fund().id();
            date[i] = Date.valueOf(p.draft().date());
            period[i] = p.draft().period().yyyymm();
            description[i] = p.draft().description();
            key[i] = p.key();
            hash[i] = p.hash();
            reverses[i] = p.reverses();
            source[i] = p.sourceKind();
            sourceId[i] = p.sourceId();
            actor[i] = p.actor();
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into fund_entry (fund_id, entry_date, period, description, idempotency_key, request_hash, reverses,
                                            source_kind, source_id, posted_by)
                    select * from unnest(?::bigint[], ?::date[], ?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                                         ?::text[], ?::bigint[], ?::text[])
                    on conflict (idempotency_key) do nothing returning id, idempotency_key""")) {
                ps.setArray(1, arr(c, "bigint", fund));
                ps.setArray(2, arr(c, "date", date));
                ps.setArray(3, arr(c, "int", period));
                ps.setArray(4, arr(c, "text", description));
                ps.setArray(5, arr(c, "text", key));
                ps.setArray(6, arr(c, "text", hash));
                ps.setArray(7, arr(c, "bigint", reverses));
                ps.setArray(8, arr(c, "text", source));
                ps.setArray(9, arr(c, "bigint", sourceId));
                ps.setArray(10, arr(c, "text", actor));
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) ids.put(r.getString(2), r.getLong(1));
                }
            }
            List<Long> lEntry = new ArrayList<>();
            List<Long> lFund = new ArrayList<>();
            List<Integer> lPeriod = new ArrayList<>();
            List<Long> lAccount = new ArrayList<>();
            List<Long> lDebit = new ArrayList<>();
            List<Long> lCredit = new ArrayList<>();
            for (Request r : rs) {
                Long id = ids.get(r.p().key());
                if (id == null) continue;
                List<Line> lines = r.p().draft().lines();
                for (int i = 0; i < lines.size(); i++) {
                    lEntry.add(id);
                    lFund.add(r.p().fund().id());
                    lPeriod.add(r.p().draft().period().yyyymm());
                    lAccount.add(r.p().accountIds().get(i));
                    lDebit.add(lines.get(i).debit());
                    lCredit.add(lines.get(i).credit());
                }
            }
            if (!lEntry.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into fund_line (entry_id, fund_id, period, account_id, debit, credit)
                        select * from unnest(?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[])""")) {
                    ps.setArray(1, arr(c, "bigint", lEntry.toArray()));
                    ps.setArray(2, arr(c, "bigint", lFund.toArray()));
                    ps.setArray(3, arr(c, "int", lPeriod.toArray()));
                    ps.setArray(4, arr(c, "bigint", lAccount.toArray()));
                    ps.setArray(5, arr(c, "bigint", lDebit.toArray()));
                    ps.setArray(6, arr(c, "bigint", lCredit.toArray()));
                    ps.executeUpdate();
                }
            }
            return null;
        });
        List<AuditLog.Pending> events = new ArrayList<>();
        for (Request r : rs) {
            Long id = ids.get(r.p().key());
            if (id != null) events.add(FundLedger.auditOf(r.p(), id));
        }
        ledger.auditAll(events);
        return ids;
    }

    private static Array arr(Connection c, String type, Object[] values) throws java.sql.SQLException {
        return c.createArrayOf(type, values);
    }
}
