package vn.hoctap.titles.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The platform's signing key, handled as a JWK (no java.security.KeyStore): generated here, its private
 * JWK written to a file the caller chooses (mode 600 where the file system allows), its public half
 * published as a JWKS JSON string for offline verification.
 */
public final class IssuerKeys {
    private final JWK privateJwk;

    private IssuerKeys(JWK privateJwk) {
        if (!privateJwk.isPrivate()) throw new IllegalArgumentException("not a private key");
        if (privateJwk.getKeyID() == null) throw new IllegalArgumentException("the key has no kid");
        algorithmOf(privateJwk);
        this.privateJwk = privateJwk;
    }

    /**
     * A new key pair. {@code kid} should be a URI that dereferences to the public JWK: the platform uses a DID URL
     * into its did:web document, e.g. {@code did:web:hoctap.hanoi.gov.vn#rs256-2026-1} (OB 3.0 §"Dereferencing the
     * Public Key" allows an HTTP URL or a DID URL).
     */
    public static IssuerKeys generate(SigningAlgorithm alg, String kid) {
        Objects.requireNonNull(kid);
        try {
            JWK jwk = switch (alg) {
                case RS256 -> new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
            };
            return new IssuerKeys(jwk);
        } catch (JOSEException e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }

    /** Reads a private JWK written by {@link #writePrivateJwk(Path)}. */
    public static IssuerKeys readPrivateJwk(Path file) {
        try {
            return new IssuerKeys(JWK.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException(file + ": not a JWK: " + e.getMessage(), e);
        }
    }

    /** Writes the PRIVATE JWK (contains "d") to {@code file}; keep it out of the published site and of git. */
    public void writePrivateJwk(Path file) {
        try {
            Files.writeString(file, privateJwk.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX file system
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kid() { return privateJwk.getKeyID(); }

    public SigningAlgorithm algorithm() { return algorithmOf(privateJwk); }

    /** The public JWKS to publish, e.g. at /.well-known/jwks.json: {"keys":[{kty,kid,use,alg,n,e | crv,x,y}]}, never "d". */
    public String publicJwksJson() { return new JWKSet(privateJwk.toPublicJWK()).toString(true); }

    /** The public half (never "d"). */
    public JWK publicJwk() { return privateJwk.toPublicJWK(); }

    JWK privateJwk() { return privateJwk; }

    static SigningAlgorithm algorithmOf(JWK jwk) {
        if (jwk instanceof RSAKey) return SigningAlgorithm.RS256;
        if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) return SigningAlgorithm.ES256;
        throw new IllegalArgumentException("unsupported key: " + jwk.getKeyType() + " (RSA or EC P-256 only)");
    }
}
