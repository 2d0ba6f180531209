package vn.hoctap.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learning record's machine-readable export: every credential of the presentation validates against the
 * published Open Badges 3.0 AchievementCredential JSON schema (test resource, source and licence in SOURCE.md),
 * and the validator does refuse a credential that breaks it.
 */
class OpenBadgesExportSchemaTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Schema schema() throws Exception {
        try (InputStream in = OpenBadgesExportSchemaTest.class.getResourceAsStream("/schemas/ob_v3p0/achievementcredential.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
        }
    }

    @Test
    void everyCredentialOfTheExportValidatesAgainstTheOpenBadges30Schema() throws Exception {
        Schema schema = schema();
        LearningEntry verified = new LearningEntry(7, "P-00004-0001", "00004", "Lớp kỹ năng số cho người cao tuổi", "class", "digital",
                "TTHTCĐ phường Ba Đình", 12L, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 20), new BigDecimal("12.5"), "verified", null, 3L);
        LearningEntry declared = new LearningEntry(8, "P-00004-0001", "00004", "Chứng chỉ tiếng Anh A2", "certificate", "language",
                "Trung tâm ngoại ngữ X", null, LocalDate.of(2025, 9, 1), null, BigDecimal.ZERO, "self_declared", "chung-chi.pdf", null);
        Map<String, Object> vp = OpenBadgesExport.presentation("P-00004-0001", List.of(verified, declared), "https://hoctap.example/",
                OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.ofHours(7)));
        JsonNode tree = JSON.valueToTree(vp);
        assertThat(tree.get("type").get(0).asString()).isEqualTo("VerifiablePresentation");
        assertThat(tree.get("verifiableCredential")).hasSize(2);
        for (JsonNode vc : tree.get("verifiableCredential")) {
            assertThat(schema.validate(vc)).as(vc.toString()).isEmpty();
        }
        JsonNode first = tree.get("verifiableCredential").get(0);
        assertThat(first.at("/credentialSubject/achievement/achievementType").asString()).isEqualTo("Course");
        assertThat(first.at("/credentialSubject/achievement/creditsAvailable").asDouble()).isEqualTo(12.5);
        assertThat(first.at("/credentialSubject/activityEndDate").asString()).isEqualTo("2026-04-20T00:00:00+07:00");
        assertThat(first.at("/issuer/id").asString()).isEqualTo("https://hoctap.example/public/learning/providers/12");
        assertThat(tree.get("verifiableCredential").get(1).at("/issuer/name").asString()).startsWith("Tự khai");
    }

    @Test
    void theValidatorRefusesACredentialWithoutIssuerOrAnAchievementWithoutCriteria() throws Exception {
        Schema schema = schema();
        LearningEntry e = new LearningEntry(1, "P1", "00004", "Lớp", "class", "health", "TT", 1L, LocalDate.of(2026, 1, 1), null,
                BigDecimal.ONE, "verified", null, null);
        Map<String, Object> vc = new java.util.LinkedHashMap<>(OpenBadgesExport.credential("P1", e, "https://h.example",
                OffsetDateTime.of(2026, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC)));
        vc.remove("issuer");
        assertThat(schema.validate(JSON.valueToTree(vc))).isNotEmpty();
        Map<String, Object> vc2 = new java.util.LinkedHashMap<>(OpenBadgesExport.credential("P1", e, "https://h.example",
                OffsetDateTime.of(2026, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC)));
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = new java.util.LinkedHashMap<>((Map<String, Object>) vc2.get("credentialSubject"));
        @SuppressWarnings("unchecked")
        Map<String, Object> achievement = new java.util.LinkedHashMap<>((Map<String, Object>) subject.get("achievement"));
        achievement.remove("criteria");   // an Achievement must say its criteria
        subject.put("achievement", achievement);
        vc2.put("credentialSubject", subject);
        assertThat(schema.validate(JSON.valueToTree(vc2))).isNotEmpty();
    }
}
