package vn.hoctap.accounts.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.hoctap.accounts.Accounts;

/**
 * Đăng nhập và phân quyền: a login form with a session (30 minutes idle timeout, see
 * application.properties), CSRF protection on every form, HTTP Basic for API clients (whose
 * requests carry no session cookie and so need no CSRF token), 401 rather than a redirect for the API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The web security: only in the web application (the database commands of bin/hoctap have no HTTP). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableMethodSecurity
    static class Web {
        private static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        private static final RequestMatcher BASIC_AUTH = request -> {
            String h = request.getHeader("Authorization");
            return h != null && h.startsWith("Basic ");
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

        @Bean
        SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(a -> a
                            .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                    "/actuator/health", "/error", "/api/openapi/**", "/api/docs/**", "/swagger-ui/**",
                                    // public pages and files: citizen self-assessment, certificate verification, published keys
                                    "/public/**", "/api/public/**", "/.well-known/**").permitAll()
                            // /admin/** is no longer reserved to a role here: each route's access-matrix entry decides
                            // (administration: the city administrator; the audit trail: also auditors, in their units)
                            .anyRequest().authenticated())
                    .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                    .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                    .httpBasic(b -> b.authenticationEntryPoint(entryPoint()))
                    .csrf(c -> c.ignoringRequestMatchers(BASIC_AUTH, WALLET_PROTOCOL))
                    .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()))
                    .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
            return http.build();
        }

        /** The API answers 401; pages send the browser to the login form. */
        private static AuthenticationEntryPoint entryPoint() {
            AuthenticationEntryPoint api = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
            AuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login");
            return (request, response, ex) -> (API.matches(request) ? api : page).commence(request, response, ex);
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
