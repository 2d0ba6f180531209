package vn.hoctap.accounts.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;
import vn.hoctap.accounts.LoginProtection;

/**
 * The password check behind both the login form and HTTP Basic, guarded by {@link LoginProtection}: a throttled or
 * locked username or client is refused before its password is looked at (so neither BCrypt nor the remembered
 * verifications of {@link RecentlyVerifiedPasswords} are reached), a wrong password is recorded, a success clears
 * the account's count.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

    /** Refused without checking the password: too many failures, wait (or locked). */
    static final class ThrottledException extends AuthenticationException {
        private final transient LoginProtection.Refusal refusal;

        ThrottledException(LoginProtection.Refusal refusal) {
            super(refusal.locked() ? "account temporarily locked" : "too many failed sign-ins");
            this.refusal = refusal;
        }

        LoginProtection.Refusal refusal() {
            return refusal;
        }
    }

    private final AuthenticationProvider passwords;
    private final LoginProtection protection;

    ThrottledAuthentication(AuthenticationProvider passwords, LoginProtection protection) {
        this.passwords = passwords;
        this.protection = protection;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        HttpServletRequest request = currentRequest();
        String client = request != null ? request.getRemoteAddr()
                : authentication.getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails d
                  && d.getRemoteAddress() != null ? d.getRemoteAddress() : "local";
        String channel = request != null && "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login") ? "form" : "basic";
        String username = authentication.getName();
        LoginProtection.Refusal refusal = protection.check(username, client, channel);
        if (refusal != null) {
            throw new ThrottledException(refusal);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                protection.succeeded(username);
            }
            return result;
        } catch (BadCredentialsException e) {
            protection.failed(username, client, channel);
            throw e;
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
