package vn.hoctap.analytics.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load generator of {@code bin/hoctap bench} when Debian's {@code wrk} is not installed (issue 18 item 2): a
 * closed-loop HTTP client run in its <em>own</em> JVM by {@link ExternalLoad}, so the server's latency figure is not
 * shared with the generator's garbage collector, threads and JIT. It needs only the JDK (started with the bench
 * classes folder as its whole class path).
 *
 * <p>{@code LoadClient URL SECONDS CLIENTS COOKIE_FILE CONDITIONAL}: {@code CLIENTS} threads, each sending GET requests
 * back to back for {@code SECONDS}, client {@code i} with the {@code i}-th line of the cookie file (modulo its length)
 * as its {@code Cookie} header; when {@code CONDITIONAL} is {@code true} each client sends the ETag of its last 200
 * answer in {@code If-None-Match} (a 304 keeps it). Prints one line:
 * {@code HOCTAP-LOAD requests=… p50_us=… p99_us=… max_us=… errors=… ok=… not_modified=…}.
 */
public final class LoadClient {

    private LoadClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("LoadClient URL SECONDS CLIENTS COOKIE_FILE CONDITIONAL");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        long seconds = Long.parseLong(args[1]);
        int clients = Integer.parseInt(args[2]);
        List<String> cookies = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).toList();
        boolean conditional = Boolean.parseBoolean(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong errors = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong notModified = new AtomicLong();
        long[][] lat = new long[clients][];
        int[] count = new int[clients];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int me = c;
            String cookie = cookies.isEmpty() ? null : cookies.get(c % cookies.size());
            Thread t = new Thread(() -> {
                long[] l = new long[4096];
                int n = 0;
                String etag = null;
                while (System.nanoTime() < end) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
                    if (cookie != null) {
                        b.header("Cookie", cookie);
                    }
                    if (conditional && etag != null) {
                        b.header("If-None-Match", etag);
                    }
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        long d = System.nanoTime() - s;
                        if (n == l.length) {
                            l = Arrays.copyOf(l, n * 2);
                        }
                        l[n++] = d;
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                            etag = r.headers().firstValue("ETag").orElse(null);
                        } else if (r.statusCode() == 304) {
                            notModified.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                lat[me] = l;
                count[me] = n;
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = Arrays.stream(count).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(lat[c], 0, all, k, count[c]);
            k += count[c];
        }
        Arrays.sort(all);
        long p50 = total == 0 ? 0 : all[total / 2] / 1000;
        long p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1000;
        long max = total == 0 ? 0 : all[total - 1] / 1000;
        System.out.println(String.format(Locale.ROOT, "HOCTAP-LOAD requests=%d p50_us=%d p99_us=%d max_us=%d errors=%d ok=%d not_modified=%d",
                total, p50, p99, max, errors.get(), ok.get(), notModified.get()));
    }
}
