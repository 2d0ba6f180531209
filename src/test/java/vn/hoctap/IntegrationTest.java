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
        "hoctap.admin.username=admin"})
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

    protected TestUser user(Role role, String... scopes) {
        String username = "t" + SEQ.incrementAndGet() + "." + role.name().toLowerCase();
        String password = randomPassword();
        accounts.create(new Accounts.NewAccount(username, "Người thử " + username, role, Set.of(scopes), password));
        return new TestUser(username, password);
    }
}
