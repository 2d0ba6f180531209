package vn.hoctap;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.hoctap.accounts.Accounts;
import vn.hoctap.accounts.Role;

/**
 * Base of the tests that run the whole application on a real (embedded, throw-away) PostgreSQL.
 * Every such test class extends this one unchanged, so that Spring starts one context and one
 * database for all of them. The first administrator's password is random per run, as it would be
 * configured in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hoctap.embedded-db.ephemeral=true",
        "hoctap.demo=false",
        "hoctap.data-dir=target/test-data",
        "hoctap.admin.username=admin",
        "hoctap.analytics.snapshot-delay-ms=200"})
@AutoConfigureMockMvc
public abstract class IntegrationTest {

    protected static final String ADMIN_PASSWORD = randomPassword();
    private static final AtomicInteger SEQ = new AtomicInteger();

    @DynamicPropertySource
    static void adminPassword(DynamicPropertyRegistry registry) {
        registry.add("hoctap.admin.password", () -> ADMIN_PASSWORD);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Accounts accounts;

    @LocalServerPort
    protected int port;

    protected static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A test account; the username is unique per call so tests do not collide. */
    protected record TestUser(String username, String password) {
    }

    @Autowired
    protected vn.hoctap.register.RegisterImports registerImports;

    /** Imports a register file (CSV text) for a data year as the operator, through the normal import path. */
    protected void importRegister(String csv, int year) {
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("register-", ".csv");
            java.nio.file.Files.writeString(tmp, csv, java.nio.charset.StandardCharsets.UTF_8);
            var operator = new vn.hoctap.accounts.CurrentUser(0, "test-operator", "Test", Role.CITY_ADMIN, Set.of("01"));
            var principal = new vn.hoctap.accounts.AccountPrincipal(operator, "", true);
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                            principal, null, principal.getAuthorities()));
            try {
                var job = registerImports.importNow(tmp, "test.csv", year);
                if (job.result() == null || !job.result().ok()) {
                    throw new AssertionError("test register refused: " + (job.result() == null ? job.failure() : job.result().errors()));
                }
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
                java.nio.file.Files.deleteIfExists(tmp);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected TestUser user(Role role, String... scopes) {
        String username = "t" + SEQ.incrementAndGet() + "." + role.name().toLowerCase();
        String password = randomPassword();
        accounts.create(new Accounts.NewAccount(username, "Người thử " + username, role, Set.of(scopes), password));
        return new TestUser(username, password);
    }
}
