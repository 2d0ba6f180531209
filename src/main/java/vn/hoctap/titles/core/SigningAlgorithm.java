package vn.hoctap.titles.core;

/**
 * The JWS algorithms the platform signs with. RS256 is the default: Open Badges 3.0 (JSON Web Token
 * Proof Format) requires every implementation to support at least RS256, so every conformant verifier
 * accepts it. ES256 (P-256) gives shorter keys and signatures and is widely supported by JOSE libraries.
 */
public enum SigningAlgorithm {
    RS256, ES256
}
