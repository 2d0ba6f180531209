package vn.hoctap.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.HasCdp;

import vn.hoctap.accounts.Role;

/**
 * Issue 11, deployment behind TLS: the browser reaches the platform as through a TLS reverse proxy (every request
 * carries the proxy's {@code X-Forwarded-Proto: https}, set by Chromium's DevTools protocol, from the loopback
 * address the platform trusts): the session cookie is Secure and HttpOnly, HSTS and Referrer-Policy are sent, and
 * signing in and working still go through. Without the header (a direct http request) neither Secure nor HSTS.
 */
class TlsProxyE2ETest extends BrowserTest {

    @Test
    void behindAProxySayingHttpsTheCookieIsSecureAndHstsIsSent() throws Exception {
        HasCdp cdp = (HasCdp) driver;
        cdp.executeCdpCommand("Network.enable", Map.of());
        cdp.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-Proto", "https")));
        TestUser officer = user(Role.COMMUNE_OFFICER, "00004");
        login(officer.username(), officer.password());
        // the browser kept the Secure session cookie and sends it: a page that needs the session opens
        driver.get(url("/units"));
        assertThat(driver.getCurrentUrl()).startsWith("http://localhost:" + port + "/units");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotEqualTo("Đăng nhập");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> all = (List<Map<String, Object>>) cdp.executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        Map<String, Object> session = all.stream().filter(c -> "JSESSIONID".equals(c.get("name"))).findFirst().orElseThrow();
        assertThat(session.get("secure")).isEqualTo(true);
        assertThat(session.get("httpOnly")).isEqualTo(true);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> viaProxy = http.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaProxy.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000 ; includeSubDomains");
        assertThat(viaProxy.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        HttpResponse<String> direct = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();
        List<String> cookies = direct.headers().allValues("Set-Cookie");
        assertThat(cookies).allMatch(c -> !c.contains("Secure"));
        List<String> proxied = viaProxy.headers().allValues("Set-Cookie");
        assertThat(proxied).isNotEmpty().allMatch(c -> c.contains("Secure") && c.contains("HttpOnly"));
    }
}
