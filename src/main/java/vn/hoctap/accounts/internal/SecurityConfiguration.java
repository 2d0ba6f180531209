package vn.hoctap.accounts.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.LoginProtection;

/**
 * Đăng nhập và phân quyền. Two filter chains:
 * <ul>
 * <li>requests carrying {@code Authorization: Basic} (API clients) are checked by their header alone: no session
 * is read or created, so a session cookie sent along is ignored, and a wrong password is refused (401) whatever
 * the cookie; CSRF does not apply (nothing in such a request comes from a browser's ambient credentials);</li>
 * <li>every other request: the login form with a session (30 minutes idle timeout, see application.properties)
 * and CSRF protection on every form.</li>
 * </ul>
 * Both go through {@link ThrottledAuthentication} (growing delays, lockout, failed sign-ins recorded). The API
 * answers 401 (429 with {@code Retry-After} when throttled) rather than a redirect. Headers: CSP, Referrer-Policy,
 * and HSTS on requests that arrived over https (directly, or through a reverse proxy's
 * {@code X-Forwarded-Proto: https}, see {@code server.forward-headers-strategy} and docs/architecture.md).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The web security: only in the web application (the database commands of bin/hoctap have no HTTP). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableMethodSecurity
    static class Web {
        private static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        static final RequestMatcher BASIC_AUTH = request -> {
            String h = request.getHeader("Authorization");
            return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
        };
        /**
         * OpenID4VCI endpoints called by wallets (titles, issue 16): authorised by a pre-authorized code or a bearer
         * access token in the request itself, never by a session cookie, so there is no cross-site request to forge.
         */
        private static final RequestMatcher WALLET_PROTOCOL =
                request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/public/oid4vci/");

        /**
         * A strict Content-Security-Policy (issue 11, item 8): scripts and styles only from our own static files
         * ({@code /js}, {@code /css}, webjars), no inline script or style attribute, no {@code eval}. htmx runs
         * with {@code allowEval=false} and without its injected indicator style (the htmx-config meta tag in
         * fragments.html); ECharts draws on a canvas and its tooltips use text formatters (no inline style
         * markup); chart data travel in non-executable {@code application/json} blocks.
         */
        static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'none'";

        /**
         * No Micrometer observation around each security filter, authentication and authorisation: about fifteen
         * observations a request (tags, timers, a registry lookup each), measured as a sixth of the CPU of a cached
         * {@code /api/indicators/status} answer under 64 clients (issue 18); the platform exports no metrics
         * (actuator shows health only), so nobody read them. The request's own observation stays.
         */
        @Bean
        org.springframework.security.config.observation.SecurityObservationSettings securityObservationSettings() {
            return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
        }

        @Bean
        AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder, LoginProtection protection) {
            DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
            passwords.setPasswordEncoder(encoder);
            ProviderManager manager = new ProviderManager(new ThrottledAuthentication(passwords, protection));
            manager.setEraseCredentialsAfterAuthentication(true);
            return manager;
        }

        /** API clients with HTTP Basic: stateless, the header is always checked, any session cookie is ignored. */
        @Bean
        @Order(1)
        SecurityFilterChain basicAuthFilterChain(HttpSecurity http, AuthenticationManager manager) throws Exception {
            http.securityMatcher(BASIC_AUTH);
            authorize(http);
            http.authenticationManager(manager)
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                    .requestCache(r -> r.disable())
                    .httpBasic(b -> b.authenticationEntryPoint(entryPoint()))
                    .csrf(c -> c.disable())
                    .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()));
            headers(http);
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager manager) throws Exception {
            authorize(http);
            http.authenticationManager(manager)
                    .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(formFailure()).permitAll())
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                    .csrf(c -> c.ignoringRequestMatchers(WALLET_PROTOCOL))
                    .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()));
            headers(http);
            return http.build();
        }

        private static void authorize(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a
                    .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                            "/actuator/health", "/error", "/api/openapi/**", "/api/docs/**", "/swagger-ui/**",
                            // public pages and files: citizen self-assessment, certificate verification, published keys
                            "/public/**", "/api/public/**", "/.well-known/**").permitAll()
                    // /admin/** is no longer reserved to a role here: each route's access-matrix entry decides
                    // (administration: the city administrator; the audit trail: also auditors, in their units)
                    .anyRequest().authenticated());
        }

        private static void headers(HttpSecurity http) throws Exception {
            http.headers(h -> h
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    // only on secure requests (Spring's default matcher): over TLS or behind a proxy saying https
                    .httpStrictTransportSecurity(s -> s.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
        }

        /** The API answers 401 (429 when throttled); pages send the browser to the login form. */
        private static AuthenticationEntryPoint entryPoint() {
            AuthenticationEntryPoint api = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
            AuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login");
            return (request, response, ex) -> {
                if (ex instanceof ThrottledAuthentication.ThrottledException t) {
                    tooMany(response, t.refusal());
                    return;
                }
                if (BASIC_AUTH.matches(request) || API.matches(request)) {
                    api.commence(request, response, ex);
                } else {
                    page.commence(request, response, ex);
                }
            };
        }

        private static void tooMany(HttpServletResponse response, LoginProtection.Refusal r) throws IOException {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", String.valueOf(r.retryAfterSeconds()));
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"error\":\"" + (r.locked() ? "account_locked" : "too_many_failed_logins")
                    + "\",\"retry_after_seconds\":" + r.retryAfterSeconds() + "}");
        }

        /** A failed form sign-in goes back to the form, saying how long to wait when throttled. */
        private static AuthenticationFailureHandler formFailure() {
            return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
                String target = "/login?error";
                if (ex instanceof ThrottledAuthentication.ThrottledException t) {
                    target = "/login?error=" + (t.refusal().locked() ? "locked" : "throttled") + "&wait="
                            + URLEncoder.encode(String.valueOf(t.refusal().retryAfterSeconds()), StandardCharsets.UTF_8);
                }
                response.sendRedirect(request.getContextPath() + target);
            };
        }
    }


    @Bean
    PasswordEncoder passwordEncoder() {
        // BCrypt (cost 12) for every stored password; a match is remembered for a few minutes so that an API
        // client sending HTTP Basic on each request does not pay ~0.3 s of CPU each time
        return new RecentlyVerifiedPasswords(new BCryptPasswordEncoder(12), java.time.Clock.systemUTC());
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts) {
        return username -> accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
