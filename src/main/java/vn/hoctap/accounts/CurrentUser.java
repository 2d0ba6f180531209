package vn.hoctap.accounts;

import java.util.Set;

/** The signed-in user as the rest of the platform sees it: who, which role, which units. */
public record CurrentUser(long id, String username, String displayName, Role role, Set<String> scopes) {

    public boolean isAdmin() {
        return role == Role.CITY_ADMIN;
    }
}
