package vn.hoctap.titles.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The issuer's revoked credential ids. {@link #document} is the 1EdTech Revocation List Status Method 1.0 shape
 * ({@code https://www.imsglobal.org/spec/vcrl/v1p0/}): {@code {"id", "issuer", "revokedCredential": [{"id", "revoked":
 * true}]}} — the property name {@code revokedCredential} (singular, as 1EdTech names its arrays) is the one the
 * 1EdTech validator reads (RevocationListProbe, changed from "revokedCredentials" by the spec's editor in May 2023).
 * No {@code revocationReason}: the reason of a revocation is never published.
 */
public record RevocationList(String id, String issuerId, Set<String> revokedCredentialIds) {
    public RevocationList {
        Objects.requireNonNull(id);
        revokedCredentialIds = Set.copyOf(revokedCredentialIds);
    }

    public static RevocationList empty(String id) { return new RevocationList(id, null, Set.of()); }

    public boolean isRevoked(String credentialId) { return revokedCredentialIds.contains(credentialId); }

    public RevocationList revoke(String credentialId) {
        var s = new java.util.HashSet<>(revokedCredentialIds);
        s.add(credentialId);
        return new RevocationList(id, issuerId, s);
    }

    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("issuer", issuerId);
        doc.put("revokedCredential", revokedCredentialIds.stream().sorted()
                .map(c -> (Map<String, Object>) new LinkedHashMap<String, Object>(Map.of("id", c, "revoked", true))).toList());
        return doc;
    }
}
