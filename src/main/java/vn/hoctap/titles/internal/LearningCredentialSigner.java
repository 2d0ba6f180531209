package vn.hoctap.titles.internal;

import java.util.Map;

import org.springframework.stereotype.Component;

import vn.hoctap.learning.CredentialSigner;
import vn.hoctap.titles.core.CredentialIssuer;

/**
 * The learning record's credentials (CLR 2.0) are signed with the titles' issuer key, the same did:web issuer and
 * VC-JWT form as the titles' Open Badges (docs/titles.md), so one published key set verifies both.
 */
@Component
class LearningCredentialSigner implements CredentialSigner {

    private final IssuerKeyStore keys;

    LearningCredentialSigner(IssuerKeyStore keys) {
        this.keys = keys;
    }

    private CredentialIssuer issuer() {
        return new CredentialIssuer(keys.profile(), keys.keys(), keys.achievementBaseUrl());
    }

    @Override
    public Map<String, Object> issuerProfile() {
        return issuer().issuerProfile();
    }

    @Override
    public String sign(Map<String, Object> credential) {
        return issuer().signCredential(credential);
    }
}
