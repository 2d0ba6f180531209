package vn.hoctap.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tải lên có thể tiếp tục (resumable uploads): the storage behind the tus 1.0.0 protocol (https://tus.io/protocols/
 * resumable-upload, core + creation + termination) used for files too large for one request, such as a commune's
 * register (≈ 9 MB for 67,000 persons) or the city's (≈ 1 GB). The bytes go straight from the request to a file on
 * disk ({@code <data-dir>/uploads/<id>.part}), never held in memory; what a dropped connection delivered stays, and the
 * client continues from the offset the server reports. Each upload belongs to the account that created it; the
 * metadata (purpose, owner, declared length, the client's metadata) is a small properties file beside the bytes, so an
 * upload survives a restart of the platform. Unfinished uploads are removed after {@link #EXPIRY}.
 *
 * <p>No tus server library is used: the Java ones found (tus-java-server) are written for {@code javax.servlet}, not
 * the Jakarta Servlet 6 of Spring Boot 4, and the core protocol is four small requests.
 */
@Component
public class ResumableUploads {

    /** How long an unfinished upload is kept. */
    public static final Duration EXPIRY = Duration.ofHours(24);

    /** One upload: its id, purpose, owner, declared length, bytes received so far and the client's metadata. */
    public record Upload(String id, String purpose, String owner, long length, long offset, Instant created,
                         Map<String, String> metadata) {
        public boolean complete() {
            return offset == length;
        }
    }

    /** A request the protocol refuses: the HTTP status and a message key (platform bundle). */
    public static final class UploadRefused extends RuntimeException {
        private final int status;
        private final String key;
        private final Object[] args;

        public UploadRefused(int status, String key, Object... args) {
            super(key);
            this.status = status;
            this.key = key;
            this.args = args;
        }

        public int status() { return status; }
        public String key() { return key; }
        public Object[] args() { return args; }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ResumableUploads(@Value("${hoctap.data-dir}") String dataDir) {
        this.dir = Path.of(dataDir).toAbsolutePath().resolve("uploads");
    }

    /** Creates an empty upload of the given length for its owner. */
    public Upload create(String purpose, String owner, long length, Map<String, String> metadata) throws IOException {
        if (length < 0) {
            throw new UploadRefused(400, "upload.error.length");
        }
        Files.createDirectories(dir);
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        Properties p = new Properties();
        p.setProperty("purpose", purpose);
        p.setProperty("owner", owner);
        p.setProperty("length", Long.toString(length));
        p.setProperty("created", Instant.now().toString());
        metadata.forEach((k, v) -> p.setProperty("meta." + k, v));
        try (Writer w = Files.newBufferedWriter(info(id), StandardCharsets.UTF_8)) {
            p.store(w, "HọcTập resumable upload");
        }
        Files.createFile(part(id));
        return find(id).orElseThrow();
    }

    /** The upload with this id, if it exists (whoever owns it). */
    public Optional<Upload> find(String id) {
        if (!id.matches("[0-9a-f]{32}") || !Files.exists(info(id))) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(info(id), StandardCharsets.UTF_8)) {
            p.load(r);
            Map<String, String> meta = new LinkedHashMap<>();
            for (String k : p.stringPropertyNames()) {
                if (k.startsWith("meta.")) {
                    meta.put(k.substring(5), p.getProperty(k));
                }
            }
            return Optional.of(new Upload(id, p.getProperty("purpose"), p.getProperty("owner"), Long.parseLong(p.getProperty("length")),
                    Files.size(part(id)), Instant.parse(p.getProperty("created")), meta));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The upload if it exists, has this purpose and belongs to this owner; others' uploads are not found. */
    public Upload owned(String id, String purpose, String owner) {
        return find(id).filter(u -> u.purpose().equals(purpose) && u.owner().equals(owner))
                .orElseThrow(() -> new UploadRefused(404, "upload.error.not-found"));
    }

    /**
     * Appends the bytes of a PATCH at {@code offset}, which must be the bytes received so far (409 otherwise). Reads
     * at most the declared remainder; what arrives before a dropped connection is kept (the exception still goes up).
     */
    public Upload append(Upload u, long offset, InputStream body) throws IOException {
        ReentrantLock lock = locks.computeIfAbsent(u.id(), k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new UploadRefused(423, "upload.error.busy");
        }
        try {
            long current = Files.size(part(u.id()));
            if (offset != current) {
                throw new UploadRefused(409, "upload.error.offset", current);
            }
            long remaining = u.length() - current;
            try (FileChannel ch = FileChannel.open(part(u.id()), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                 OutputStream out = Channels.newOutputStream(ch)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while (remaining > 0 && (n = body.read(buf, 0, (int) Math.min(buf.length, remaining))) > 0) {
                    out.write(buf, 0, n);
                    remaining -= n;
                }
                if (remaining == 0 && body.read() != -1) {
                    throw new UploadRefused(413, "upload.error.beyond-length", u.length());
                }
            }
            return find(u.id()).orElseThrow();
        } finally {
            lock.unlock();
        }
    }

    /** The file of a complete upload; the caller takes it over (it is moved out of the upload area). */
    public Path takeOver(Upload u) throws IOException {
        if (!u.complete()) {
            throw new UploadRefused(409, "upload.error.incomplete");
        }
        Path target = Files.createTempFile(dir, "complete-", ".bin");
        Files.move(part(u.id()), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(info(u.id()));
        locks.remove(u.id());
        return target;
    }

    /** Removes an upload (tus termination). */
    public void delete(Upload u) throws IOException {
        Files.deleteIfExists(part(u.id()));
        Files.deleteIfExists(info(u.id()));
        locks.remove(u.id());
    }

    /** Removes unfinished uploads older than {@link #EXPIRY}, and complete files nobody took over within it. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    public void expire() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Instant limit = Instant.now().minus(EXPIRY);
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                try {
                    if (Files.getLastModifiedTime(f).toInstant().isBefore(limit)) {
                        Files.deleteIfExists(f);
                    }
                } catch (IOException ignored) {
                    // another pass will try again
                }
            });
        } catch (IOException ignored) {
            // the directory went away: nothing to expire
        }
    }

    private Path info(String id) {
        return dir.resolve(id + ".properties");
    }

    private Path part(String id) {
        return dir.resolve(id + ".part");
    }
}
