package vn.hoctap.fund;

import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;

/** Runs service calls as a given user (the services check the access matrix and the unit). */
public final class FundTestSupport {

    private FundTestSupport() {
    }

    public static void as(String username, Role role, String... scopes) {
        CurrentUser u = new CurrentUser(0, username, username, role, Set.of(scopes));
        AccountPrincipal p = new AccountPrincipal(u, "", true);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }

    public static void clear() {
        SecurityContextHolder.clearContext();
    }
}
