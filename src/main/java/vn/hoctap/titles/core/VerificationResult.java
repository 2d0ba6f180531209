package vn.hoctap.titles.core;

import java.util.List;
import java.util.Map;

/**
 * The outcome of {@link CredentialVerifier#verify}: valid only when {@code failures} is empty. {@code details}
 * explains each failure; {@code credential} is the decoded vc claim (null when the signature did not verify).
 */
public record VerificationResult(List<VerificationFailure> failures, List<String> details, Map<String, Object> credential) {
    public VerificationResult {
        failures = List.copyOf(failures);
        details = List.copyOf(details);
    }

    public boolean valid() { return failures.isEmpty(); }

    public boolean has(VerificationFailure f) { return failures.contains(f); }
}
