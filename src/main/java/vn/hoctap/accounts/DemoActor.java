package vn.hoctap.accounts;

import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Người dùng minh họa: the demo data loaders (titles, fund, cycle, UNESCO) create their records through the same
 * services as a person would, signed in as a demo account, so that the access matrix and the audit apply to them too.
 * The caller clears the security context when it is done.
 */
public final class DemoActor {

    private DemoActor() {
    }

    /** Signs the current thread in as {@code username} with {@code role}, scoped to {@code scope}. */
    public static void act(String username, Role role, String scope) {
        CurrentUser u = new CurrentUser(0, username, username, role, Set.of(scope));
        AccountPrincipal p = new AccountPrincipal(u, "", true);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }
}
