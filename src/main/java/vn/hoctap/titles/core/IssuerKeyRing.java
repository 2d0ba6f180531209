package vn.hoctap.titles.core;

import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The issuer's keys: the one that signs now and the retired ones, still published so that every credential signed
 * before a rotation keeps verifying. Publishes them as a JWKS and as a {@code did:web} DID document (W3C DID Core 1.0
 * §5.2 verification methods of type {@code JsonWebKey2020} (context {@code https://w3id.org/security/suites/jws-2020/v1}) with {@code publicKeyJwk}; did:web method spec §3.2 "Read":
 * {@code did:web:<host>[%3A<port>]} is read from {@code https://<host>[:<port>]/.well-known/did.json}).
 */
public final class IssuerKeyRing {
    private final IssuerKeys current;
    private final List<JWK> retired;

    public IssuerKeyRing(IssuerKeys current, List<JWK> retiredPublicKeys) {
        this.current = Objects.requireNonNull(current);
        this.retired = retiredPublicKeys.stream().map(JWK::toPublicJWK).toList();
    }

    public IssuerKeys current() { return current; }

    public List<JWK> retired() { return retired; }

    /** Every public key, the current first. */
    public List<JWK> publicKeys() {
        List<JWK> all = new ArrayList<>();
        all.add(current.privateJwk().toPublicJWK());
        all.addAll(retired);
        return all;
    }

    public String publicJwksJson() { return new JWKSet(publicKeys()).toString(true); }

    /** The DID of a platform served at {@code publicUrl}: {@code did:web:host}, a port percent-encoded ({@code %3A}). */
    public static String didWeb(String publicUrl) {
        URI u = URI.create(publicUrl);
        String host = u.getHost() == null ? "localhost" : u.getHost();
        String did = "did:web:" + host + (u.getPort() > 0 ? "%3A" + u.getPort() : "");
        String path = u.getPath() == null ? "" : u.getPath().replaceAll("^/+|/+$", "");
        return path.isEmpty() ? did : did + ":" + path.replace("/", ":");
    }

    /** Where {@code did:web:…} is read (did:web §3.2): https, ":" → "/", "%3A" → ":", no path → /.well-known, + /did.json. */
    public static String didWebDocumentUrl(String did) {
        if (!did.startsWith("did:web:")) throw new IllegalArgumentException("not a did:web: " + did);
        String[] parts = did.substring("did:web:".length()).split(":");
        StringBuilder url = new StringBuilder("https://").append(parts[0].replace("%3A", ":"));
        if (parts.length == 1) return url.append("/.well-known/did.json").toString();
        for (int i = 1; i < parts.length; i++) url.append('/').append(parts[i]);
        return url.append("/did.json").toString();
    }

    /**
     * The DID document: one {@code JsonWebKey2020} verification method per key, {@code id} the key's kid when it is a DID URL
     * of this DID (else {@code <did>#retired-<fragment of the kid>}), all distinct, listed under {@code assertionMethod} (signing
     * credentials) by full DID URL, as DID resolvers that look a kid up by string comparison expect.
     */
    public Map<String, Object> didDocument(String did, List<String> alsoKnownAs) {
        List<Map<String, Object>> methods = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JWK k : publicKeys()) {
            String id = verificationMethodId(did, k.getKeyID());
            for (int n = 2; !seen.add(id); n++) id = verificationMethodId(did, k.getKeyID()) + "-" + n; // ids are unique
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("id", id);
            vm.put("type", "JsonWebKey2020");
            vm.put("controller", did);
            vm.put("publicKeyJwk", k.toJSONObject());
            methods.add(vm);
            ids.add(id);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", List.of("https://www.w3.org/ns/did/v1", "https://w3id.org/security/suites/jws-2020/v1"));
        doc.put("id", did);
        if (!alsoKnownAs.isEmpty()) doc.put("alsoKnownAs", alsoKnownAs);
        doc.put("verificationMethod", methods);
        doc.put("assertionMethod", ids);
        return doc;
    }

    /**
     * A key of this DID keeps its kid; a key from before (a kid into the old JWKS, or of another host's DID) is listed as
     * {@code <did>#retired-<its fragment>}, never under an id a current key could take.
     */
    static String verificationMethodId(String did, String kid) {
        if (kid.startsWith(did + "#")) return kid;
        int hash = kid.lastIndexOf('#');
        String fragment = (hash >= 0 ? kid.substring(hash + 1) : kid).replaceAll("[^A-Za-z0-9._-]", "-");
        return did + "#retired-" + fragment;
    }

    /** Parses the retired keys written as a JWKS; refuses a private key. */
    public static List<JWK> parsePublicJwks(String json) {
        try {
            List<JWK> keys = JWKSet.parse(json).getKeys();
            for (JWK k : keys) if (k.isPrivate()) throw new IllegalArgumentException("a retired key set must hold public keys only");
            return keys;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a JWKS: " + e.getMessage(), e);
        }
    }
}
