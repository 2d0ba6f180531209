package vn.hoctap.learning;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hồ sơ học tập theo CLR 2.0: the whole learning record as one 1EdTech Comprehensive Learner Record 2.0
 * {@code ClrCredential} (CLR 2.0 §"ClrCredential", on the W3C VC Data Model 2.0 like OB 3.0 final) whose
 * {@code ClrSubject} carries every entry as the Open Badges 3.0 {@code AchievementCredential} of
 * {@link OpenBadgesExport} (CLR 2.0 reuses OB 3.0's AchievementCredential) and lists their {@code Achievement}s.
 * The platform issues it (issuer = the platform's did:web Profile, as for the titles) and it is secured as a VC-JWT by
 * {@link CredentialSigner}; the embedded AchievementCredentials are covered by that one signature (they carry no
 * proof of their own). The learner is identified by the pseudonymous register id only. Pure Java.
 */
public final class ClrExport {

    public static final String CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
    public static final String SCHEMA_URL = "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json";
    public static final String SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019";

    private ClrExport() {
    }

    /** The unsigned ClrCredential of a person's record. */
    public static Map<String, Object> credential(String personId, List<LearningEntry> entries, Map<String, Object> issuer, String baseUrl,
                                                 OffsetDateTime now) {
        List<Object> credentials = new ArrayList<>();
        List<Object> achievements = new ArrayList<>();
        for (LearningEntry e : entries) {
            Map<String, Object> vc = OpenBadgesExport.credential(personId, e, baseUrl, now);
            credentials.add(vc);
            achievements.add(((Map<?, ?>) vc.get("credentialSubject")).get("achievement"));
        }
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("type", "IdentityObject");
        identifier.put("hashed", false);
        identifier.put("identityHash", personId);
        identifier.put("identityType", "sourcedId");
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", "urn:hoctap:person:" + personId);
        subject.put("type", List.of("ClrSubject"));
        subject.put("identifier", List.of(identifier));
        if (!achievements.isEmpty()) subject.put("achievement", achievements);
        subject.put("verifiableCredential", credentials);
        Map<String, Object> clr = new LinkedHashMap<>();
        clr.put("@context", List.of(OpenBadgesExport.VC_CONTEXT, CLR_CONTEXT, OpenBadgesExport.OB_CONTEXT));
        clr.put("id", "urn:uuid:" + UUID.randomUUID());
        clr.put("type", List.of("VerifiableCredential", "ClrCredential"));
        clr.put("issuer", issuer);
        clr.put("name", "Hồ sơ học tập suốt đời");
        clr.put("description", "Hồ sơ học tập suốt đời của người có mã định danh " + personId + " (HọcTập, Hà Nội): " + entries.size()
                + " khóa học, lớp học, chứng chỉ.");
        clr.put("validFrom", DateTimeFormatter.ISO_INSTANT.format(now.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        clr.put("credentialSubject", subject);
        clr.put("credentialSchema", List.of(Map.of("id", SCHEMA_URL, "type", SCHEMA_TYPE)));
        return clr;
    }
}
