package vn.hoctap.titles;

import java.util.Objects;
import java.util.Set;

/**
 * A 1EdTech revocation list: the credential ids ({@code urn:uuid:…}) revoked by the issuer. {@code id}
 * is the URL the credentials' {@code credentialStatus.id} points to. A revoked title fails verification.
 */
public record RevocationList(String id, Set<String> revokedCredentialIds) {
    public RevocationList {
        Objects.requireNonNull(id);
        revokedCredentialIds = Set.copyOf(revokedCredentialIds);
    }

    public static RevocationList empty(String id) { return new RevocationList(id, Set.of()); }

    public boolean isRevoked(String credentialId) { return revokedCredentialIds.contains(credentialId); }

    public RevocationList revoke(String credentialId) {
        var s = new java.util.HashSet<>(revokedCredentialIds);
        s.add(credentialId);
        return new RevocationList(id, s);
    }
}
