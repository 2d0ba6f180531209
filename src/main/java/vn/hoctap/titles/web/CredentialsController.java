package vn.hoctap.titles.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.platform.NotFoundException;
import vn.hoctap.titles.internal.Certificates;
import vn.hoctap.titles.internal.WalletIssuance;

/**
 * What makes the titles' credentials resolvable and deliverable (issue 16): the did:web document, the issuer Profile
 * and the Achievements at their ids, the Bitstring Status List credential, and the OpenID4VCI issuer (metadata, offers,
 * token, nonce, credential), plus the pages that show a wallet offer as a QR code. All public except the officials'
 * offer page.
 */
@Controller
@Tag(name = "credentials", description = "Open Badges 3.0 issuer: did:web, issuer profile, achievements, status list, OpenID4VCI")
class CredentialsController {

    private static final MediaType JSON = MediaType.APPLICATION_JSON;

    private final Certificates certificates;
    private final WalletIssuance wallet;
    private final MessageSource messages;

    CredentialsController(Certificates certificates, WalletIssuance wallet, MessageSource messages) {
        this.certificates = certificates;
        this.wallet = wallet;
        this.messages = messages;
    }

    @GetMapping(value = "/.well-known/did.json")
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "The issuer's did:web DID document: every signing key (current and retired) as a JsonWebKey2020")
    ResponseEntity<Map<String, Object>> did() {
        return ResponseEntity.ok().contentType(JSON).body(certificates.didDocument());
    }

    @GetMapping(value = "/public/titles/issuer")
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "The Open Badges 3.0 issuer Profile, served at the issuer id")
    ResponseEntity<Map<String, Object>> issuer() {
        return ResponseEntity.ok().contentType(JSON).body(certificates.issuerProfileDocument());
    }

    @GetMapping(value = "/public/titles/achievements/{slug}/{year}")
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "An Open Badges 3.0 Achievement (a title and year), served at its id")
    ResponseEntity<Map<String, Object>> achievement(@PathVariable String slug, @PathVariable int year) {
        Map<String, Object> a = certificates.achievementDocument(slug, year);
        if (a == null) throw new NotFoundException("titles.error.no-certificate");
        return ResponseEntity.ok().contentType(JSON).body(a);
    }

    @GetMapping(value = "/api/public/titles/status/{list}")
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "The signed BitstringStatusListCredential (W3C Bitstring Status List v1.0) as a compact JWS (application/jwt)")
    ResponseEntity<String> statusList(@PathVariable int list) {
        String jwt = certificates.statusListCredential(list);
        if (jwt == null) throw new NotFoundException("titles.error.no-certificate");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/jwt"))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5))).body(jwt);
    }

    @PostMapping("/api/admin/titles/issuer-key/rotate")
    @ResponseBody
    @Access(kind = DataKind.ADMINISTRATION, action = AccessAction.WRITE)
    @Operation(summary = "Rotate the credential signing key (city administrator); the old key stays in the JWKS and the DID document")
    Map<String, Object> rotate() {
        return Map.of("kid", certificates.rotateKey(), "did_document", "/.well-known/did.json");
    }

    // ---------------------------------------------------------------- OpenID4VCI 1.0

    @GetMapping("/.well-known/openid-credential-issuer")
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "OpenID4VCI Credential Issuer Metadata")
    ResponseEntity<Map<String, Object>> issuerMetadata() {
        return ResponseEntity.ok().contentType(JSON).body(wallet.issuerMetadata());
    }

    @GetMapping("/.well-known/oauth-authorization-server")
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "OAuth 2.0 Authorization Server Metadata (pre-authorized code grant, anonymous access)")
    ResponseEntity<Map<String, Object>> authorizationServer() {
        return ResponseEntity.ok().contentType(JSON).body(wallet.authorizationServerMetadata());
    }

    @GetMapping("/api/public/oid4vci/offers/{ref}")
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "A Credential Offer by reference (credential_offer_uri)")
    ResponseEntity<Map<String, Object>> offer(@PathVariable String ref) {
        Map<String, Object> o = wallet.offerObject(ref);
        if (o == null) throw new NotFoundException("titles.error.no-certificate");
        return ResponseEntity.ok().contentType(JSON).cacheControl(CacheControl.noStore()).body(o);
    }

    @PostMapping(value = "/api/public/oid4vci/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "OpenID4VCI token endpoint: the pre-authorized code for an access token")
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                              @RequestParam(name = "pre-authorized_code", required = false) String code,
                                              @RequestParam(name = "tx_code", required = false) String txCode) {
        return ResponseEntity.ok().contentType(JSON).cacheControl(CacheControl.noStore()).body(wallet.token(grantType, code, txCode));
    }

    @PostMapping("/api/public/oid4vci/nonce")
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "OpenID4VCI nonce endpoint: a fresh c_nonce for the key proof")
    ResponseEntity<Map<String, Object>> nonce() {
        return ResponseEntity.ok().contentType(JSON).cacheControl(CacheControl.noStore()).body(wallet.nonce());
    }

    @PostMapping(value = "/api/public/oid4vci/credential", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    @Access(kind = DataKind.PUBLIC)
    @Operation(summary = "OpenID4VCI credential endpoint: a jwt_vc_json Open Badges 3.0 credential bound to the wallet's key")
    ResponseEntity<Map<String, Object>> credential(@RequestHeader(name = "Authorization", required = false) String authorization,
                                                   @RequestBody(required = false) Map<String, Object> request) {
        return ResponseEntity.ok().contentType(JSON).cacheControl(CacheControl.noStore()).body(wallet.credential(authorization, request));
    }

    @ExceptionHandler(WalletIssuance.ProtocolError.class)
    @ResponseBody
    ResponseEntity<Map<String, Object>> protocolError(WalletIssuance.ProtocolError e) {
        var b = ResponseEntity.status(HttpStatus.valueOf(e.status())).contentType(JSON).cacheControl(CacheControl.noStore());
        if (e.status() == 401) b.header("WWW-Authenticate", "Bearer error=\"" + e.error() + "\"");
        return b.body(e.body());
    }

    // ---------------------------------------------------------------- the QR code pages

    @PostMapping("/titles/evaluations/{id}/wallet-offer")
    @Access(kind = DataKind.TITLE_DOSSIER, action = AccessAction.READ)
    String offerForDossier(@PathVariable long id, Model model, Locale locale) {
        return show(wallet.offerFor(id), "/titles/evaluations/" + id, model, locale);
    }

    @PostMapping("/public/titles/self/{token}/wallet-offer")
    @Access(kind = DataKind.PUBLIC)
    String offerForResident(@PathVariable String token, Model model, Locale locale) {
        return show(wallet.offerForResident(token), "/public/titles/self/" + token, model, locale);
    }

    private String show(WalletIssuance.Offer offer, String back, Model model, Locale locale) {
        model.addAttribute("offer", offer);
        model.addAttribute("qr", QrSvg.of(offer.link(), messages.getMessage("titles.wallet.qr-alt", null, locale)));
        model.addAttribute("back", back);
        return "titles/wallet-offer";
    }
}
