package vn.hoctap.learning;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hồ sơ học tập dạng máy đọc được: each entry of a learning record as an Open Badges 3.0 {@code AchievementCredential}
 * (1EdTech, the standard the learning titles already issue), gathered in a W3C Verifiable Presentation (VC Data
 * Model 2.0, as OB 3.0 final requires: context {@code https://www.w3.org/ns/credentials/v2}, {@code validFrom}). Why OB 3.0 rather than CLR 2.0 or the European Learning Model: the titles module already speaks OB 3.0,
 * OB 3.0 has a published JSON schema to validate against, and every entry stays a self-contained credential a wallet
 * can keep; CLR 2.0 would wrap the same AchievementCredentials (a later step). The credentials carry no proof: they
 * are verified through the platform's share link (the {@code id} of each), not by signature (docs/learning.md).
 * The subject is identified by the pseudonymous register id only ({@code identityType} {@code sourcedId}, not hashed).
 * Pure Java.
 */
public final class OpenBadgesExport {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private OpenBadgesExport() {
    }

    public static Map<String, Object> presentation(String personId, List<LearningEntry> entries, String baseUrl, OffsetDateTime now) {
        List<Object> vcs = new ArrayList<>();
        for (LearningEntry e : entries) vcs.add(credential(personId, e, baseUrl, now));
        Map<String, Object> vp = new LinkedHashMap<>();
        vp.put("@context", List.of(VC_CONTEXT));
        vp.put("type", List.of("VerifiablePresentation"));
        vp.put("holder", "urn:hoctap:person:" + personId);
        vp.put("verifiableCredential", vcs);
        return vp;
    }

    public static Map<String, Object> credential(String personId, LearningEntry e, String baseUrl, OffsetDateTime now) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", base + "/public/learning/achievements/" + e.id());
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", switch (e.kind()) {
            case "certificate" -> "Certificate";
            case "qualification" -> "Diploma";
            default -> "Course";
        });
        achievement.put("name", e.title());
        achievement.put("description", e.title() + " — " + e.provider());
        achievement.put("criteria", Map.of("narrative", e.verified()
                ? "Hoàn thành lớp, khóa học theo ghi nhận của đơn vị tổ chức (" + e.provider() + ")."
                : "Người học tự khai, kèm minh chứng; chưa được đơn vị xác nhận."));
        achievement.put("fieldOfStudy", e.topic());
        if (e.hours() != null && e.hours().signum() > 0) {
            achievement.put("creditsAvailable", e.hours().doubleValue());
        }
        Map<String, Object> identifier = new LinkedHashMap<>();
        identifier.put("type", "IdentityObject");
        identifier.put("hashed", false);
        identifier.put("identityHash", personId);
        identifier.put("identityType", "sourcedId");
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("identifier", List.of(identifier));
        subject.put("achievement", achievement);
        subject.put("activityStartDate", e.startDate().atStartOfDay().atOffset(ZoneOffset.ofHours(7)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (e.endDate() != null) {
            subject.put("activityEndDate", e.endDate().atStartOfDay().atOffset(ZoneOffset.ofHours(7)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", e.providerOrgId() != null ? base + "/public/learning/providers/" + e.providerOrgId() : base + "/public/learning/self-declared");
        issuer.put("type", List.of("Profile"));
        issuer.put("name", e.verified() ? e.provider() : "Tự khai (self-declared): " + e.provider());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        vc.put("id", base + "/public/learning/achievements/" + e.id() + "#credential");
        vc.put("type", List.of("VerifiableCredential", "AchievementCredential"));
        vc.put("name", e.title());
        vc.put("issuer", issuer);
        vc.put("validFrom", now.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        vc.put("credentialSubject", subject);
        if (!e.verified() && e.evidenceName() != null) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("type", List.of("Evidence"));
            evidence.put("name", e.evidenceName());
            vc.put("evidence", List.of(evidence));
        }
        return vc;
    }
}
