package vn.hoctap.titles.web;

import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.Access;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.hoctap.titles.internal.Campaigns;
import vn.hoctap.titles.internal.Certificates;

/** The issuer's public key set, the revocation list, and the campaigns' progress as JSON. */
@RestController
@Tag(name = "titles", description = "Learning titles: campaigns, certificates, issuer key and revocations")
class TitlesApiController {

    private final Certificates certificates;
    private final Campaigns campaigns;

    TitlesApiController(Certificates certificates, Campaigns campaigns) {
        this.certificates = certificates;
        this.campaigns = campaigns;
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping(value = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    @Operation(summary = "The public keys that sign the Open Badges 3.0 credentials, current and retired (JWKS, no private part)")
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jwk-set+json")).body(certificates.jwks());
    }

    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @GetMapping("/api/public/titles/revocations")
    @Operation(summary = "The revoked credentials (1EdTech Revocation List Status Method 1.0: id, issuer, revokedCredential[])")
    Map<String, Object> revocations() {
        return certificates.revocationDocument();
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.READ)
    @GetMapping("/api/titles/campaigns")
    @Operation(summary = "The campaigns of the user's units with their counts by status")
    List<Map<String, Object>> list() {
        return campaigns.campaigns().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("year", c.year());
            m.put("kind", c.kind().name());
            m.put("unit_code", c.unitCode());
            m.put("name", c.name());
            m.put("registration_until", c.deadlines().registrationUntil());
            m.put("assessment_until", c.deadlines().assessmentUntil());
            m.put("review_until", c.deadlines().reviewUntil());
            m.put("decision_until", c.deadlines().decisionUntil());
            Map<String, Integer> p = new LinkedHashMap<>();
            campaigns.progress(c.id(), null).forEach((s, n) -> p.put(s.name().toLowerCase(), n));
            m.put("progress", p);
            return m;
        }).toList();
    }

    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.READ)
    @GetMapping("/api/titles/campaigns/{id}/evaluations")
    @Operation(summary = "The evaluations of a campaign the user may read")
    List<Map<String, Object>> evaluations(@PathVariable long id) {
        return campaigns.dossiers(id, null, null).stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("subject_type", d.subjectType().name());
            m.put("subject_name", d.subjectName());
            m.put("commune_code", d.communeCode());
            m.put("village_id", d.villageId());
            m.put("status", d.status().name());
            m.put("total", d.total());
            m.put("max_total", d.maxTotal());
            m.put("passed", d.passed());
            return m;
        }).toList();
    }
}
