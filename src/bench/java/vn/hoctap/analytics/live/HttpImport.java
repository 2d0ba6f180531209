package vn.hoctap.analytics.live;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register import as an API client does it (issue 18): the file sent over HTTP to the running platform, then the
 * import job followed through {@code GET /api/register/import-jobs/{id}} until it is done. Two ways in:
 * <ul>
 * <li>{@link #tus}: the resumable upload {@code /api/register/uploads} (tus 1.0.0 creation + PATCH pieces), what
 * the import page's script does; the last piece starts the job ({@code HocTap-Import-Job});</li>
 * <li>{@link #plainPost}: {@code POST /api/register/imports?year=…} with the file as the request body (streamed to
 * a temporary file by the server, then the same job).</li>
 * </ul>
 * Both sign in with HTTP Basic (no session, no CSRF token: the API's way).
 */
final class HttpImport {

    /** What one import over HTTP took: the upload alone and the whole (first byte to the job's end). */
    record Result(long rows, double uploadSeconds, double totalSeconds, boolean changedNothing, int pieces, String summary) {
        double rate() {
            return rows / totalSeconds;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String basic;

    HttpImport(String base, String user, String password) {
        this.base = base;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the file by tus in pieces of {@code piece} bytes and waits for the import it starts. */
    Result tus(Path file, String fileName, int year, int piece) throws IOException, InterruptedException {
        long size = Files.size(file);
        long t0 = System.nanoTime();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/register/uploads"))
                .header("Authorization", basic).header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(size))
                .header("Upload-Metadata", "filename " + b64(fileName) + ",year " + b64(Integer.toString(year)))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("tus creation answered HTTP " + created.statusCode() + ": " + created.body());
        }
        URI location = URI.create(base).resolve(created.headers().firstValue("Location").orElseThrow());
        String job = null;
        long offset = 0;
        int pieces = 0;
        byte[] buf = new byte[(int) Math.min(piece, size)];
        try (InputStream in = Files.newInputStream(file)) {
            while (offset < size) {
                int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, size - offset));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(location).header("Authorization", basic)
                        .header("Tus-Resumable", "1.0.0").header("Upload-Offset", Long.toString(offset))
                        .header("Content-Type", "application/offset+octet-stream").timeout(Duration.ofMinutes(5))
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(buf, 0, n)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 204) {
                    throw new IllegalStateException("tus PATCH at " + offset + " answered HTTP " + r.statusCode() + ": " + r.body());
                }
                offset = Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
                pieces++;
                job = r.headers().firstValue("HocTap-Import-Job").orElse(job);
            }
        }
        double upload = (System.nanoTime() - t0) / 1e9;
        if (job == null) {
            throw new IllegalStateException("the last tus piece named no import job");
        }
        return follow(job, t0, upload, pieces);
    }

    /** Posts the whole file as the body of {@code POST /api/register/imports} and waits for the import. */
    Result plainPost(Path file, String fileName, int year) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/register/imports?year=" + year + "&fileName="
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8))).header("Authorization", basic)
                .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double upload = (System.nanoTime() - t0) / 1e9;
        if (r.statusCode() != 202) {
            throw new IllegalStateException("POST /api/register/imports answered HTTP " + r.statusCode() + ": " + r.body());
        }
        return follow(JSON.readTree(r.body()).path("id").asString(), t0, upload, 1);
    }

    /** Polls the job every 100 ms until it is done; fails loudly when the import failed or refused the file. */
    private Result follow(String job, long t0, double upload, int pieces) throws IOException, InterruptedException {
        HttpRequest poll = HttpRequest.newBuilder(URI.create(base + "/api/register/import-jobs/" + job)).header("Authorization", basic)
                .timeout(Duration.ofSeconds(60)).GET().build();
        while (true) {
            HttpResponse<String> r = http.send(poll, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("import job " + job + " answered HTTP " + r.statusCode());
            }
            JsonNode j = JSON.readTree(r.body());
            String state = j.path("state").asString();
            if ("FAILED".equals(state) || ("DONE".equals(state) && !j.path("ok").asBoolean(false))) {
                throw new IllegalStateException("the import over HTTP failed: " + j.path("failure").asString("")
                        + " " + j.path("errors").toString());
            }
            if ("DONE".equals(state)) {
                double total = (System.nanoTime() - t0) / 1e9;
                int ins = j.path("inserted").asInt();
                int upd = j.path("updated").asInt();
                int del = j.path("deleted").asInt();
                return new Result(j.path("rows").asLong(), upload, total, ins == 0 && upd == 0 && del == 0, pieces,
                        ins + " added, " + upd + " changed, " + del + " removed");
            }
            Thread.sleep(100);
        }
    }
}
