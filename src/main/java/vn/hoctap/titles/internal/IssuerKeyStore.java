package vn.hoctap.titles.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.hoctap.platform.HanoiTime;
import vn.hoctap.titles.IssuerKeys;
import vn.hoctap.titles.IssuerProfile;
import vn.hoctap.titles.SigningAlgorithm;

/**
 * The issuer's signing key and the platform's HMAC secret, kept under {@code hoctap.data-dir}/titles with
 * owner-only permissions and generated on first start, so credentials issued before a restart still verify.
 * The private key never leaves this class; the public JWKS is published at /.well-known/jwks.json.
 */
@Component
public class IssuerKeyStore {

    private final Path dir;
    private final String publicUrl;
    private volatile IssuerKeys keys;
    private volatile byte[] hmacSecret;

    public IssuerKeyStore(@Value("${hoctap.data-dir}") String dataDir, @Value("${hoctap.public-url:http://localhost:8080}") String publicUrl) {
        this.dir = Path.of(dataDir, "titles");
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String publicUrl() {
        return publicUrl;
    }

    /**
     * The issuer's id: {@code <public url>/issuers/hanoi} when the platform is served over https (production);
     * otherwise (a local run on http) a {@code did:web} of the host, since OB 3.0 wants an https URL or a DID.
     */
    public String issuerId() {
        if (publicUrl.startsWith("https://")) {
            return publicUrl + "/issuers/hanoi";
        }
        String host = java.net.URI.create(publicUrl).getAuthority();
        return "did:web:" + (host == null ? "localhost" : host.replace(":", "%3A"));
    }

    public IssuerProfile profile() {
        return new IssuerProfile(issuerId(), "Ban Chỉ đạo xây dựng xã hội học tập thành phố Hà Nội", publicUrl);
    }

    public String revocationListUrl() {
        return publicUrl + "/api/public/titles/revocations";
    }

    public synchronized IssuerKeys keys() {
        if (keys == null) {
            Path file = dir.resolve("issuer-key.jwk");
            if (Files.exists(file)) {
                keys = IssuerKeys.readPrivateJwk(file);
            } else {
                createDir();
                IssuerKeys k = IssuerKeys.generate(SigningAlgorithm.RS256,
                        publicUrl + "/.well-known/jwks.json#rs256-" + HanoiTime.today().getYear() + "-1");
                k.writePrivateJwk(file);
                keys = k;
            }
        }
        return keys;
    }

    /** HMAC-SHA-256 (hex) of a value under the platform's secret: for national ID numbers, never kept in clear. */
    public String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized byte[] secret() {
        if (hmacSecret == null) {
            Path file = dir.resolve("hmac.key");
            try {
                if (Files.exists(file)) {
                    hmacSecret = HexFormat.of().parseHex(Files.readString(file).strip());
                } else {
                    createDir();
                    byte[] b = new byte[32];
                    new SecureRandom().nextBytes(b);
                    Files.writeString(file, HexFormat.of().formatHex(b));
                    ownerOnly(file);
                    hmacSecret = b;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hmacSecret;
    }

    private void createDir() {
        try {
            Files.createDirectories(dir);
            ownerOnly(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system
        }
    }
}
