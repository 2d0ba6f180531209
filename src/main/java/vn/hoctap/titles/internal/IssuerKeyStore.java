package vn.hoctap.titles.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import vn.hoctap.platform.HanoiTime;
import vn.hoctap.titles.core.IssuerKeyRing;
import vn.hoctap.titles.core.IssuerKeys;
import vn.hoctap.titles.core.IssuerProfile;
import vn.hoctap.titles.core.SigningAlgorithm;

/**
 * The issuer's keys and the platform's HMAC secret, kept under {@code hoctap.data-dir}/titles with owner-only
 * permissions: {@code issuer-key.jwk} (the private key that signs now) and {@code retired-keys.jwks} (the public halves
 * of the keys it replaced, still published so that older credentials verify). A key's kid is a DID URL into the
 * platform's did:web document ({@code did:web:<host>#rs256-<year>-<n>}); a key from before issue 16 (kid
 * {@code …/.well-known/jwks.json#…}) is retired on first use and a new one generated: key rotation.
 */
@Component
public class IssuerKeyStore {

    public static final String ISSUER_NAME = "Ban Chỉ đạo xây dựng xã hội học tập thành phố Hà Nội";

    private final Path dir;
    private final String publicUrl;
    private volatile IssuerKeyRing ring;
    private volatile byte[] hmacSecret;

    public IssuerKeyStore(@Value("${hoctap.data-dir}") String dataDir, @Value("${hoctap.public-url:http://localhost:8080}") String publicUrl) {
        this.dir = Path.of(dataDir, "titles");
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public String publicUrl() {
        return publicUrl;
    }

    public boolean https() {
        return publicUrl.startsWith("https://");
    }

    /** The platform's DID: {@code did:web:<host>} (a port as %3A), its document at /.well-known/did.json. */
    public String did() {
        return IssuerKeyRing.didWeb(publicUrl);
    }

    /**
     * The issuer's id: over https (production) the public issuer Profile {@code <public url>/public/titles/issuer};
     * on a local http run the did:web DID, since OB 3.0 wants an https URL or a DID.
     */
    public String issuerId() {
        return https() ? publicUrl + "/public/titles/issuer" : did();
    }

    /** Issuer ids this platform signed with, the former https form included: all are accepted when verifying. */
    public Set<String> trustedIssuerIds() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(issuerId());
        ids.add(did());
        ids.add(publicUrl + "/issuers/hanoi"); // the https issuer id before issue 16
        return ids;
    }

    public IssuerProfile profile() {
        return new IssuerProfile(issuerId(), ISSUER_NAME, publicUrl);
    }

    public String achievementBaseUrl() {
        return publicUrl + "/public/titles/achievements";
    }

    public String revocationListUrl() {
        return publicUrl + "/api/public/titles/revocations";
    }

    public String statusListUrl(int list) {
        return publicUrl + "/api/public/titles/status/" + list;
    }

    public IssuerKeys keys() {
        return ring().current();
    }

    public synchronized IssuerKeyRing ring() {
        if (ring == null) {
            Path file = dir.resolve("issuer-key.jwk");
            if (Files.exists(file)) {
                IssuerKeys current = IssuerKeys.readPrivateJwk(file);
                ring = new IssuerKeyRing(current, readRetired());
                if (!current.kid().startsWith(did() + "#")) rotate();
            } else {
                createDir();
                IssuerKeys k = IssuerKeys.generate(SigningAlgorithm.RS256, nextKid(List.of()));
                k.writePrivateJwk(file);
                ring = new IssuerKeyRing(k, readRetired());
            }
        }
        return ring;
    }

    /**
     * Rotates the signing key: the current key's public half joins the retired keys (still published), a new RS256 key
     * signs from now on; the old private key is deleted. Returns the new kid.
     */
    public synchronized String rotate() {
        IssuerKeyRing r = ring != null ? ring : ring();
        List<JWK> retired = new ArrayList<>(r.retired());
        retired.add(0, r.current().publicJwk());
        createDir();
        try {
            Path retiredFile = dir.resolve("retired-keys.jwks");
            Files.writeString(retiredFile, new JWKSet(retired).toString(true), StandardCharsets.UTF_8);
            ownerOnly(retiredFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> used = new ArrayList<>(retired.stream().map(JWK::getKeyID).toList());
        IssuerKeys k = IssuerKeys.generate(SigningAlgorithm.RS256, nextKid(used));
        k.writePrivateJwk(dir.resolve("issuer-key.jwk"));
        ring = new IssuerKeyRing(k, retired);
        return k.kid();
    }

    /** The next free kid: neither an existing kid nor an existing key's fragment (a key kept from another host or form). */
    private String nextKid(List<String> used) {
        int year = HanoiTime.today().getYear();
        java.util.Set<String> fragments = new java.util.HashSet<>();
        for (String k : used) fragments.add(k.substring(k.lastIndexOf('#') + 1));
        for (int n = 1; ; n++) {
            String fragment = "rs256-" + year + "-" + n;
            if (!fragments.contains(fragment) && !used.contains(did() + "#" + fragment)) return did() + "#" + fragment;
        }
    }

    private List<JWK> readRetired() {
        Path f = dir.resolve("retired-keys.jwks");
        if (!Files.exists(f)) return List.of();
        try {
            return IssuerKeyRing.parsePublicJwks(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
