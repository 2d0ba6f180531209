package vn.hoctap.titles.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a title credential states (Open Badges 3.0 {@code AchievementSubject}): the title and its year, who holds it
 * and since when. The recipient is identified by {@code subjectId} (the holder's DID when the credential goes to a
 * wallet; otherwise a fresh pseudonymous {@code urn:uuid}) and by {@link Identity} objects: a person's e-mail or
 * phone only as a salted SHA-256 hash, an organisation's or commune's public name in clear. No name of a person or a
 * family ever enters a credential.
 *
 * @param evaluationRef     the evaluation the title rests on, e.g. "cdht-residents@1#eval-123" (no personal data)
 * @param validUntil        null for no expiry
 * @param criteriaNarrative what the holder met, from the criteria set the evaluation was scored with
 *                          ({@link CriteriaVerification#narrativeVi}); null for the title's general narrative
 */
public record TitleAward(TitleKind kind, int year, String subjectId, List<Identity> identities, String evaluationRef,
                         Instant validFrom, Instant validUntil, String criteriaNarrative) {

    public TitleAward(TitleKind kind, int year, String subjectId, List<Identity> identities, String evaluationRef,
                      Instant validFrom, Instant validUntil) {
        this(kind, year, subjectId, identities, evaluationRef, validFrom, validUntil, null);
    }

    public TitleAward {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(validFrom);
        identities = List.copyOf(identities);
        if (validUntil != null && !validUntil.isAfter(validFrom)) throw new IllegalArgumentException("validUntil must be after validFrom");
    }

    /**
     * An OB 3.0 {@code IdentityObject}. {@code identityType} must be one of the schema's IdentifierTypeEnum values or
     * start with {@code ext:}: an e-mail is {@code emailAddress}, a phone number {@code ext:phone} (the enum has no
     * phone type; the schema's pattern {@code (ext:)[a-z|A-Z|0-9|.|-|_]+} allows it), a public name {@code name}.
     */
    public record Identity(String identityType, String value, boolean hashed) {
        public static final String PHONE = "ext:phone";
        /** The form credentials before issue 16 used; refused by the official schema, still accepted when verifying. */
        public static final String LEGACY_PHONE = "phone";

        public Identity {
            Objects.requireNonNull(value);
            if (!identityType.equals("emailAddress") && !identityType.equals("name") && !identityType.equals(PHONE))
                throw new IllegalArgumentException("identityType must be emailAddress, name or " + PHONE + ": " + identityType);
        }

        public static Identity email(String email) { return new Identity("emailAddress", email, true); }

        public static Identity phone(String phone) { return new Identity(PHONE, phone, true); }

        /** A public body's name (organisation, village, commune), not hashed. */
        public static Identity publicName(String name) { return new Identity("name", name, false); }

        /** From the contact type stored with a resident's registration ({@code emailAddress} or {@code phone}). */
        public static Identity contact(String storedType, String value) {
            return storedType.equals("emailAddress") ? email(value) : phone(value);
        }
    }
}
