package vn.hoctap.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.jayway.jsonpath.JsonPath;

import vn.hoctap.IntegrationTest;
import vn.hoctap.accounts.Role;

/**
 * Resumable register upload (tus 1.0.0, issue 18 item 0) over real HTTP: a commune register sent in pieces, one of
 * them cut off mid-way by a dropped connection; the server keeps what arrived, says where to continue, and the last
 * piece starts the import. The protocol's refusals (version, offset, another account's upload, size) say what to fix.
 * The persons imported are removed again by the import's undo, so the rest of the suite sees the register unchanged.
 */
class ResumableRegisterUploadTest extends IntegrationTest {

    static final String COMMUNE = "00364";   // Phường Khương Đình, used by no other test

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    String basic(TestUser u) {
        return "Basic " + Base64.getEncoder().encodeToString((u.username() + ":" + u.password()).getBytes(StandardCharsets.UTF_8));
    }

    String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder tus(String path, TestUser as) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Tus-Resumable", "1.0.0")
                .header("Authorization", basic(as)).timeout(Duration.ofSeconds(60));
    }

    @Test
    void aDroppedConnectionCostsOnlyThePieceInFlight() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        Path file = dir.resolve("so-khuong-dinh.csv");
        long size = LargeRegisters.communeRegister(file, COMMUNE, 6000, "RU" + System.nanoTime() % 100000 + "-");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isEqualTo((int) size).isGreaterThan(500_000);

        // what the server supports
        HttpResponse<String> options = send(tus("/api/register/uploads", officer).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(options.headers().firstValue("Tus-Extension").orElse("")).contains("creation").contains("termination");

        // creation
        HttpResponse<String> created = send(tus("/api/register/uploads", officer).header("Upload-Length", Long.toString(size))
                .header("Upload-Metadata", "filename " + b64("sổ Khương Đình.csv") + ",year " + b64("2025"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/register/uploads/");
        assertThat(offset(location, officer)).isZero();

        // the first piece: 200,000 bytes announced, 120,000 sent, then the connection drops
        int announced = 200_000, sent = 120_000;
        try (Socket s = new Socket("localhost", port)) {
            OutputStream out = s.getOutputStream();
            String head = "PATCH " + location + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nTus-Resumable: 1.0.0\r\n"
                    + "Authorization: " + basic(officer) + "\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n"
                    + "Content-Length: " + announced + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, 0, sent);
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            in.readAllBytes();   // the server gives up on the body; whatever it answers, the connection is gone
        }
        long kept = 0;
        for (int i = 0; i < 50 && kept < sent; i++) {
            kept = offset(location, officer);
            if (kept < sent) Thread.sleep(100);
        }
        // every byte that arrived is kept, nothing more
        assertThat(kept).isEqualTo(sent);

        // a piece at the wrong offset is refused with the right one, in words
        HttpResponse<String> wrong = send(tus(location, officer).header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, 0, 10))));
        assertThat(wrong.statusCode()).isEqualTo(409);
        assertThat(JsonPath.<String>read(wrong.body(), "$.message")).contains("120.000");

        // another account does not see the upload at all
        TestUser stranger = user(Role.COMMUNE_OFFICER, COMMUNE);
        assertThat(send(tus(location, stranger).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);

        // the rest, from where the server says, in two pieces; the last one starts the import
        long at = kept;
        String job = null;
        while (at < size) {
            int end = (int) Math.min(size, at + 4_000_000L);
            HttpResponse<String> r = send(tus(location, officer).header("Upload-Offset", Long.toString(at))
                    .header("Content-Type", "application/offset+octet-stream")
                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOfRange(bytes, (int) at, end))));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
            at = Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
            assertThat(at).isEqualTo(end);
            job = r.headers().firstValue("HocTap-Import-Job").orElse(null);
        }
        assertThat(job).isNotNull();
        // the finished upload is gone from the upload area
        assertThat(send(tus(location, officer).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);

        String state = null;
        String body = null;
        for (int i = 0; i < 600; i++) {
            body = send(tus("/api/register/import-jobs/" + job, officer).GET()).body();
            state = JsonPath.read(body, "$.state");
            if (state.equals("DONE") || state.equals("FAILED")) break;
            Thread.sleep(100);
        }
        assertThat(state).as(body).isEqualTo("DONE");
        assertThat(JsonPath.<Boolean>read(body, "$.ok")).isTrue();
        Integer inserted = JsonPath.read(body, "$.inserted");
        assertThat(inserted).isEqualTo(6000);
        Integer stored = jdbc.queryForObject("select count(*) from register_person where year = 2025 and commune_code = ?", Integer.class, COMMUNE);
        assertThat(stored).isEqualTo(6000);

        // leave the register as it was for the other tests
        Number importId = JsonPath.read(body, "$.import_id");
        HttpResponse<String> undo = send(tus("/api/register/imports/" + importId + "/undo", officer).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(undo.statusCode()).as(undo.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from register_person where year = 2025 and commune_code = ?", Integer.class, COMMUNE)).isZero();
    }

    @Test
    void refusalsSayWhatToFix() throws Exception {
        TestUser officer = user(Role.COMMUNE_OFFICER, COMMUNE);
        // no tus version: 412 with the version to use
        HttpResponse<String> noVersion = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/register/uploads"))
                .header("Authorization", basic(officer)).header("Upload-Length", "10").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noVersion.statusCode()).isEqualTo(412);
        assertThat(noVersion.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(JsonPath.<String>read(noVersion.body(), "$.message")).contains("tus").contains("1.0.0");

        // larger than the limit (4 GiB by default): 413 before a byte is sent, with both sizes in MB
        HttpResponse<String> huge = send(tus("/api/register/uploads", officer).header("Upload-Length", Long.toString(5L << 30))
                .header("Upload-Metadata", "filename " + b64("ca-thanh-pho.csv") + ",year " + b64("2025"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(JsonPath.<String>read(huge.body(), "$.message")).contains("5120,0 MB").contains("4096,0 MB");

        // a year outside the register's range, and no file name
        HttpResponse<String> year = send(tus("/api/register/uploads", officer).header("Upload-Length", "10")
                .header("Upload-Metadata", "filename " + b64("a.csv") + ",year " + b64("1990")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(year.statusCode()).isEqualTo(400);
        HttpResponse<String> noName = send(tus("/api/register/uploads", officer).header("Upload-Length", "10")
                .header("Upload-Metadata", "year " + b64("2025")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<String>read(noName.body(), "$.message")).contains("filename");

        // a piece longer than announced is refused before anything is written; termination removes the upload
        HttpResponse<String> created = send(tus("/api/register/uploads", officer).header("Upload-Length", "10")
                .header("Upload-Metadata", "filename " + b64("a.csv") + ",year " + b64("2025")).POST(HttpRequest.BodyPublishers.noBody()));
        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> tooLong = send(tus(location, officer).header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[11])));
        assertThat(tooLong.statusCode()).isEqualTo(413);
        assertThat(offset(location, officer)).isZero();
        HttpResponse<String> plain = send(tus(location, officer).header("Upload-Offset", "0").header("Content-Type", "text/csv")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(new byte[5])));
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(send(tus(location, officer).DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(tus(location, officer).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(404);

        // a role without register rows may not upload at all
        TestUser citizen = user(Role.CITIZEN, COMMUNE);
        assertThat(send(tus("/api/register/uploads", citizen).header("Upload-Length", "10")
                .header("Upload-Metadata", "filename " + b64("a.csv") + ",year " + b64("2025")).POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(403);
    }

    long offset(String location, TestUser as) throws Exception {
        HttpResponse<String> r = send(tus(location, as).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        return Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
    }
}
