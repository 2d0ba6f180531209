package vn.hoctap.titles.core;

import java.util.Objects;

/**
 * The issuing body: {@code id} is an https URL (resolvable to the profile, the JWKS next to it) or a DID;
 * {@code name} e.g. "Hội Khuyến học phường Ba Đình / UBND phường Ba Đình".
 */
public record IssuerProfile(String id, String name, String url) {
    public IssuerProfile {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        if (!(id.startsWith("https://") || id.startsWith("did:")))
            throw new IllegalArgumentException("issuer id must be an https URL or a DID: " + id);
    }
}
