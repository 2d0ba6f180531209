package vn.hoctap.learning;

import java.util.Map;

/**
 * Signs a learning-record credential the way the learning titles' credentials are signed (VC-JWT: the JWT payload is
 * the credential itself plus {@code iss}, {@code jti}, {@code nbf}, {@code sub}; JOSE header {@code alg}, {@code kid}
 * = the did:web key, {@code typ: JWT}; see docs/titles.md). Declared here and implemented by {@code titles}, which
 * holds the issuer key ({@code titles → learning}; the other direction would be a cycle, since titles reads the record).
 */
public interface CredentialSigner {

    /** The issuer as embedded in credentials: a Profile with {@code id} (the did:web or the https issuer), type, name. */
    Map<String, Object> issuerProfile();

    /** The compact JWS of a credential (it must carry {@code id}, {@code issuer}, {@code validFrom}). */
    String sign(Map<String, Object> credential);
}
