package vn.hoctap.titles.core;

import java.util.Map;

/** An issued credential: its id (the JWT jti), the compact JWS, and the OpenBadgeCredential it is (the JWT payload). */
public record IssuedCredential(String id, String jwt, Map<String, Object> credential) {}
