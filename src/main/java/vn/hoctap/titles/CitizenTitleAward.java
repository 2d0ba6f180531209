package vn.hoctap.titles;

import java.time.Instant;
import java.util.Objects;

/**
 * What a "Công dân học tập" credential states. The recipient is identified only by a salted SHA-256
 * hash of {@code identity} (an e-mail address or a phone number); the clear value never enters the credential.
 *
 * @param year           the title year ("Công dân học tập năm 2026")
 * @param identity       e-mail or phone, normalised before hashing (trim, lower-case e-mail; phone digits with +84)
 * @param identityType   {@code emailAddress} or {@code phone} (OB 3.0 IdentifierTypeEnum)
 * @param evaluationRef  the evaluation the title rests on, e.g. "cdht-residents@1#eval-123" (no personal data)
 * @param validUntil     null for no expiry
 */
public record CitizenTitleAward(int year, String identity, String identityType, String evaluationRef, String criteriaNarrative,
        Instant validFrom, Instant validUntil) {
    public CitizenTitleAward {
        Objects.requireNonNull(identity);
        Objects.requireNonNull(validFrom);
        if (!identityType.equals("emailAddress") && !identityType.equals("phone"))
            throw new IllegalArgumentException("identityType must be emailAddress or phone");
        if (validUntil != null && !validUntil.isAfter(validFrom)) throw new IllegalArgumentException("validUntil must be after validFrom");
    }
}
