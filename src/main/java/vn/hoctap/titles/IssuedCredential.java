package vn.hoctap.titles;

import java.util.Map;

/** An issued credential: its id (the JWT jti), the compact JWS, and the OpenBadgeCredential it carries (the vc claim). */
public record IssuedCredential(String id, String jwt, Map<String, Object> credential) {}
