package vn.hoctap.titles.core;


import vn.hoctap.titles.core.CampaignWorkflow;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.hoctap.accounts.AccountPrincipal;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.accounts.Role;
import vn.hoctap.platform.HanoiTime;

/** Acting as a role within a unit in service-level tests; open deadlines around today. */
public final class TitlesTestSupport {

    private TitlesTestSupport() {
    }

    public static AutoCloseable as(Role role, String... scopes) {
        var user = new CurrentUser(0, "test-" + role.name().toLowerCase(), "Test", role, Set.of(scopes));
        var principal = new AccountPrincipal(user, "", true);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        return SecurityContextHolder::clearContext;
    }

    public static AutoCloseable anonymous() {
        SecurityContextHolder.clearContext();
        return SecurityContextHolder::clearContext;
    }

    public static CampaignWorkflow.Deadlines open() {
        LocalDate t = HanoiTime.today();
        return new CampaignWorkflow.Deadlines(t.plusDays(10), t.plusDays(20), t.plusDays(30), t.plusDays(40));
    }
}
