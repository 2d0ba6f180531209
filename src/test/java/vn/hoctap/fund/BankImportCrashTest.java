package vn.hoctap.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.hoctap.fund.core.AccountKind;
import vn.hoctap.fund.core.StandardChart;
import vn.hoctap.platform.ChildPlatform;

/**
 * Issue 13 ("SIGKILL during a bank statement import leaves nothing half-posted"): the platform runs as a separate
 * JVM; a statement of 10,000 incoming lines is sent through the API ({@code POST /api/fund/{code}/bank-statements})
 * and, once the import has posted thousands of entries inside its transaction, the application process is killed with
 * SIGKILL. Started again on the same database: no receipt, entry, line or import record of that statement exists,
 * every account's balance in the trial balance equals the sum of its lines, the trial balance is zero, and the same
 * statement then imports completely (hand-worked totals below).
 */
class BankImportCrashTest {

    private static final String FUND = "sao-ke-crash";
    private static final int LINES = 10_000;
    private ChildPlatform platform;

    @AfterEach
    void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void killedDuringABankStatementImportNothingIsPostedAndTheStatementImportsAgain() throws Exception {
        platform = new ChildPlatform();
        int port = ChildPlatform.freePort();
        Process first = platform.startAndAwait(port);

        // a fund accountant of Phường Ba Đình (00004), created by the administrator through the accounts form
        String password = vn.hoctap.platform.ChildPlatform.randomPassword();
        HttpResponse<String> created = platform.http().send(platform.api(port, "/admin/accounts")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ketoan.crash&displayName=K%E1%BA%BF+to%C3%A1n&role=FUND_ACCOUNTANT"
                        + "&scopes=00004&password=" + password)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(200, 302, 303);
        // the commune association's fund with the standard chart (there is no API that creates a fund: set up in the database)
        long fundId;
        try (Connection c = platform.database()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into fund (code, name, unit_code, owner_kind, approval_limit_vnd)
                    values (?, 'Quỹ thử ngắt tiến trình', '00004', 'COMMUNE_ASSOCIATION', 20000000) returning id""")) {
                ps.setString(1, FUND);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    fundId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into fund_account (fund_id, code, name, kind) values (?, ?, ?, ?)")) {
                for (StandardChart.Account a : StandardChart.ACCOUNTS) {
                    ps.setLong(1, fundId);
                    ps.setString(2, a.code());
                    ps.setString(3, a.nameVi());
                    ps.setString(4, a.kind().name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        assertThat(trial(port, password)).contains("\"total_debit\":0");   // the accountant exists and sees the empty books

        StringBuilder csv = new StringBuilder("ngay,so_tien,noi_dung,ma_giao_dich\n");
        for (int i = 0; i < LINES; i++) {
            csv.append("05/01/2026,").append(10_000 + i).append(",Ung ho quy khuyen hoc,FT26-").append(i).append('\n');
        }
        long entriesBefore = entrySequence();
        CompletableFuture<HttpResponse<String>> importing = platform.http().sendAsync(bankStatement(port, password, csv.toString()),
                HttpResponse.BodyHandlers.ofString());
        // wait until thousands of its entries are posted inside the import's one transaction: the entry ids come from
        // a sequence, which (unlike the rows) every session sees advance
        long posted = 0;
        long waitUntil = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();   // a limit on waiting, not a timing
        while (posted < 2_000 && !importing.isDone() && System.nanoTime() < waitUntil) {
            posted = entrySequence() - entriesBefore;
            Thread.sleep(20);
        }
        assertThat(importing.isDone()).as("still importing when killed").isFalse();
        assertThat(posted).isBetween(2_000L, (long) LINES - 1);
        ChildPlatform.kill(first);   // SIGKILL of the application, not of its database session
        System.out.printf("bank import crash: killed after %d of %d entries were posted in the import's transaction%n", posted, LINES);
        assertThat(importing).failsWithin(java.time.Duration.ofSeconds(30));

        int port2 = ChildPlatform.freePort();
        platform.startAndAwait(port2);
        // nothing of the statement is in the books
        for (String table : new String[] {"fund_receipt", "fund_entry", "fund_line", "fund_bank_import", "fund_receipt_counter"}) {
            assertThat(count("select count(*) from " + table + " where fund_id = " + fundId)).as(table).isZero();
        }
        assertBalancesAreTheSumsOfTheLines(port2, password, fundId, 0);

        // the same statement, imported again, goes through completely
        // (one transaction of 10,000 receipts: on this shared 2-core machine under other builds it has taken over 2 minutes)
        HttpResponse<String> again = platform.http().send(HttpRequest.newBuilder(bankStatement(port2, password, csv.toString()), (n, v) -> true)
                .timeout(java.time.Duration.ofMinutes(15)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(ChildPlatform.field(again.body(), "lines")).isEqualTo("10000");
        assertThat(ChildPlatform.field(again.body(), "created")).isEqualTo("10000");
        assertThat(ChildPlatform.field(again.body(), "matched")).isEqualTo("0");
        assertThat(count("select count(*) from fund_receipt where fund_id = " + fundId)).isEqualTo(LINES);
        assertThat(count("select count(*) from fund_entry where fund_id = " + fundId)).isEqualTo(LINES);
        assertThat(count("select count(*) from fund_bank_import where fund_id = " + fundId)).isEqualTo(1);
        // 10,000 lines of 10,000 + i đồng: 10,000 × 10,000 + (0 + … + 9,999) = 100,000,000 + 49,995,000 = 149,995,000,
        // debited to the bank (112) and credited to the income from people (5111)
        Map<String, Long> balances = assertBalancesAreTheSumsOfTheLines(port2, password, fundId, 149_995_000L);
        assertThat(balances).containsEntry("112", 149_995_000L).containsEntry("5111", 149_995_000L);
        balances.forEach((code, b) -> {
            if (!code.equals("112") && !code.equals("5111")) assertThat(b).as(code).isZero();
        });
    }

    private HttpRequest bankStatement(int port, String password, String csv) {
        return platform.api(port, "/api/fund/" + FUND + "/bank-statements", "ketoan.crash", password)
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
    }

    private String trial(int port, String password) throws Exception {
        return platform.send(platform.api(port, "/api/fund/" + FUND + "/trial-balance?date=2026-12-31", "ketoan.crash", password).GET().build());
    }

    /**
     * The trial balance through the API: each account's balance equals the signed sum of its lines read straight from
     * the database, and total debits = total credits = the expected amount. Returns the balances by account.
     */
    private Map<String, Long> assertBalancesAreTheSumsOfTheLines(int port, String password, long fundId, long expectedTotal) throws Exception {
        String json = trial(port, password);
        assertThat(ChildPlatform.field(json, "total_debit")).isEqualTo(Long.toString(expectedTotal));
        assertThat(ChildPlatform.field(json, "total_credit")).isEqualTo(Long.toString(expectedTotal));
        Map<String, Long> fromApi = new TreeMap<>();
        Matcher m = Pattern.compile("\\{[^{}]*\"code\":\"(\\w+)\"[^{}]*}").matcher(json);
        while (m.find()) {
            Matcher b = Pattern.compile("\"balance\":(-?\\d+)").matcher(m.group());
            assertThat(b.find()).isTrue();
            fromApi.put(m.group(1), Long.parseLong(b.group(1)));
        }
        Map<String, Long> fromLines = new TreeMap<>();
        try (Connection c = platform.database();
             PreparedStatement ps = c.prepareStatement("""
                     select a.code, a.kind, coalesce(sum(l.debit), 0), coalesce(sum(l.credit), 0) from fund_account a
                     left join fund_line l on l.account_id = a.id where a.fund_id = ? group by a.code, a.kind""")) {
            ps.setLong(1, fundId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fromLines.put(rs.getString(1), AccountKind.valueOf(rs.getString(2)).signed(rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        assertThat(fromApi).isNotEmpty().isEqualTo(fromLines);
        return fromApi;
    }

    private long entrySequence() throws Exception {
        return count("select last_value from fund_entry_id_seq");
    }

    private long count(String sql) throws Exception {
        try (Connection c = platform.database(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
