package vn.hoctap.register.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.platform.ResumableUploads;
import vn.hoctap.platform.ResumableUploads.Upload;
import vn.hoctap.platform.ResumableUploads.UploadRefused;
import vn.hoctap.register.RegisterImports;

/**
 * Nhập sổ phổ cập cỡ lớn, tải lên có thể tiếp tục: a register file of any size (a commune's, ≈ 9 MB; the city's,
 * ≈ 1 GB) sent in pieces by the tus 1.0.0 protocol (core, creation, termination; https://tus.io/protocols/resumable-
 * upload), so a dropped connection costs only the piece in flight and the upload page shows progress from the first
 * byte. Any tus client works (tus-js-client, tus-java-client; the upload page uses {@code /js/register-upload.js}).
 * The client's metadata must give {@code filename} and {@code year}; when the last byte arrives the import starts as
 * a form upload would (all or nothing, located errors, re-import changes nothing, audit) and the answer names the
 * import job ({@code HocTap-Import-Job}, {@code HocTap-Import-Page}). Signed-in pages send the CSRF header; API
 * clients use HTTP Basic. Uploads belong to their creator: another account's upload id answers 404.
 */
@RestController
@RequestMapping("/api/register/uploads")
@Tag(name = "register", description = "Sổ phổ cập / the population education register")
class RegisterUploadController {

    static final String TUS_VERSION = "1.0.0";
    static final String PURPOSE = "register-import";

    private final ResumableUploads uploads;
    private final RegisterImports imports;
    private final AccessGuard guard;
    private final MessageSource messages;
    private final long maxSize;

    RegisterUploadController(ResumableUploads uploads, RegisterImports imports, AccessGuard guard, MessageSource messages,
                             @Value("${hoctap.register.upload.max-bytes:4294967296}") long maxSize) {
        this.uploads = uploads;
        this.imports = imports;
        this.guard = guard;
        this.messages = messages;
        this.maxSize = maxSize;
    }

    @Operation(summary = "tus: what this server supports (version, extensions, largest upload)")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().headers(h -> {
            h.set("Tus-Resumable", TUS_VERSION);
            h.set("Tus-Version", TUS_VERSION);
            h.set("Tus-Extension", "creation,termination");
            h.set("Tus-Max-Size", Long.toString(maxSize));
        }).build();
    }

    @Operation(summary = "tus creation: a new upload of Upload-Length bytes; Upload-Metadata gives filename and year")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @PostMapping
    ResponseEntity<Void> create(@RequestHeader(value = "Tus-Resumable", required = false) String tus,
                                @RequestHeader(value = "Upload-Length", required = false) String length,
                                @RequestHeader(value = "Upload-Metadata", required = false) String metadata,
                                HttpServletRequest request) throws IOException {
        version(tus);
        long n = parseLength(length);
        if (n > maxSize) {
            throw new UploadRefused(413, "upload.error.too-large", megabytes(n), megabytes(maxSize));
        }
        Map<String, String> meta = metadata(metadata);
        String fileName = meta.get("filename");
        if (fileName == null || fileName.isBlank()) {
            throw new UploadRefused(400, "upload.error.filename");
        }
        meta.put("filename", Path.of(fileName).getFileName().toString());
        year(meta.get("year"));
        if (n == 0) {
            throw new UploadRefused(400, "register.import.empty");
        }
        Upload u = uploads.create(PURPOSE, guard.requireUser().username(), n, meta);
        String location = request.getContextPath() + "/api/register/uploads/" + u.id();
        return ResponseEntity.status(HttpStatus.CREATED).headers(h -> {
            h.set("Tus-Resumable", TUS_VERSION);
            h.set(HttpHeaders.LOCATION, location);
            h.set("Upload-Offset", "0");
        }).build();
    }

    @Operation(summary = "tus: the bytes received so far (Upload-Offset) of one of your uploads")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> offset(@PathVariable String id, @RequestHeader(value = "Tus-Resumable", required = false) String tus) {
        version(tus);
        Upload u = uploads.owned(id, PURPOSE, guard.requireUser().username());
        return ResponseEntity.ok().headers(h -> {
            h.set("Tus-Resumable", TUS_VERSION);
            h.set("Upload-Offset", Long.toString(u.offset()));
            h.set("Upload-Length", Long.toString(u.length()));
            h.setCacheControl("no-store");
        }).build();
    }

    @Operation(summary = "tus: append bytes at Upload-Offset (Content-Type application/offset+octet-stream); the last piece starts the import")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @RequestMapping(path = "/{id}", method = RequestMethod.PATCH)
    ResponseEntity<Void> append(@PathVariable String id, @RequestHeader(value = "Tus-Resumable", required = false) String tus,
                                @RequestHeader(value = "Upload-Offset", required = false) String offset,
                                HttpServletRequest request) throws IOException {
        version(tus);
        if (request.getContentType() == null || !request.getContentType().startsWith("application/offset+octet-stream")) {
            throw new UploadRefused(415, "upload.error.content-type");
        }
        Upload u = uploads.owned(id, PURPOSE, guard.requireUser().username());
        long at = parseOffset(offset);
        long declared = request.getContentLengthLong();
        if (declared > 0 && at + declared > u.length()) {
            throw new UploadRefused(413, "upload.error.beyond-length", u.length());
        }
        Upload after;
        try (InputStream in = request.getInputStream()) {
            after = uploads.append(u, at, in);
        }
        HttpHeaders h = new HttpHeaders();
        h.set("Tus-Resumable", TUS_VERSION);
        h.set("Upload-Offset", Long.toString(after.offset()));
        if (after.complete()) {
            Path file = uploads.takeOver(after);
            int year = year(after.metadata().get("year"));
            RegisterImports.Job job = imports.start(file, after.metadata().get("filename"), year);
            h.set("HocTap-Import-Job", job.id());
            h.set("HocTap-Import-Page", request.getContextPath() + "/register/import/" + job.id());
        }
        return ResponseEntity.noContent().headers(h).build();
    }

    @Operation(summary = "tus termination: abandon one of your uploads")
    @Access(kind = DataKind.PERSON_ROWS, action = AccessAction.WRITE)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(value = "Tus-Resumable", required = false) String tus) throws IOException {
        version(tus);
        uploads.delete(uploads.owned(id, PURPOSE, guard.requireUser().username()));
        return ResponseEntity.noContent().header("Tus-Resumable", TUS_VERSION).build();
    }

    /** Refusals as the API's JSON errors, with the tus version header and a message that says what to do. */
    @ExceptionHandler(UploadRefused.class)
    ResponseEntity<Map<String, Object>> refused(UploadRefused e, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("error", status.getReasonPhrase());
        body.put("message", messages.getMessage(e.key(), e.args(), e.key(), locale));
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).header("Tus-Resumable", TUS_VERSION);
        if (status == HttpStatus.PRECONDITION_FAILED) {
            b.header("Tus-Version", TUS_VERSION);
        }
        return b.body(body);
    }

    private static void version(String tus) {
        if (!TUS_VERSION.equals(tus)) {
            throw new UploadRefused(412, "upload.error.version", TUS_VERSION);
        }
    }

    private static long parseLength(String s) {
        return nonNegative(s, "upload.error.length");
    }

    private static long parseOffset(String s) {
        return nonNegative(s, "upload.error.offset-missing");
    }

    /** A header holding a byte count: a whole number, not negative; refused with {@code key} otherwise. */
    private static long nonNegative(String s, String key) {
        try {
            long n = Long.parseLong(s == null ? "" : s.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new UploadRefused(400, key);
    }

    private static int year(String s) {
        try {
            int y = Integer.parseInt(s == null ? "" : s.trim());
            if (y >= 2000 && y <= HanoiTime.today().getYear() + 1) {
                return y;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new UploadRefused(400, "register.import.year");
    }

    /** tus Upload-Metadata: comma-separated "key base64value" pairs. */
    static Map<String, String> metadata(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.trim().split(" ", 2);
            if (kv[0].isEmpty()) continue;
            try {
                out.put(kv[0], kv.length == 2 ? new String(Base64.getDecoder().decode(kv[1].trim()), StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw new UploadRefused(400, "upload.error.metadata", kv[0]);
            }
        }
        return out;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_048_576.0).replace('.', ',');
    }
}
