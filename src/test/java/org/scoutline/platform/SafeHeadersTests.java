package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scoutline.support.ConsoleClient;
import org.scoutline.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The safe headers on every kind of response over real HTTP: the demo page, the neutral
 * page, the console (before and after the login), the login page, the widget script, the
 * API, health, and an unknown page; and the session cookie of a plain HTTP request.
 */
@IntegrationTest
class SafeHeadersTests {

	@Autowired
	List<ApplicationRunner> runners;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@ParameterizedTest
	@CsvSource(quoteCharacter = '"',
			value = { "/, 'self'", "/index.html, 'self'", "/neutral.html, 'self'", "/demo.css, 'none'",
					"/widget.js, 'none'", "/console, 'none'", "/console/index.html, 'none'", "/login, 'none'",
					"/console/api/me, 'none'", "/actuator/health, 'none'", "/no-such-page, 'none'" })
	void everyResponseCarriesTheSafeHeaders(String path, String frameAncestors) throws Exception {
		HttpResponse<String> response = get(path, "text/html");
		String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
		assertThat(csp)
			.contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
					"base-uri 'none'", "connect-src 'self' ws://127.0.0.1:" + port)
			.endsWith("frame-ancestors " + frameAncestors)
			.doesNotContain("unsafe-inline", "unsafe-eval");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().firstValue("Permissions-Policy"))
			.hasValue("camera=(), microphone=(), geolocation=()");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options"))
			.hasValue("'none'".equals(frameAncestors) ? "DENY" : "SAMEORIGIN");
	}

	@Test
	void theConsolePageAfterTheLoginCarriesThemToo() throws Exception {
		// the bootstrap coordinator again, if an earlier class on this context cleared
		// the keys
		for (ApplicationRunner runner : runners) {
			runner.run(null);
		}
		try (ConsoleClient admin = ConsoleClient.login(port, "admin", "admin-password-1")) {
			ConsoleClient.Response page = admin.get("/console/index.html");
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).startsWith("default-src 'self'")
				.endsWith("frame-ancestors 'none'");
			assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		}
	}

	@Test
	void theSessionCookieOfPlainHttpIsStrictAndHttpOnlyButNotSecure() throws Exception {
		String cookie = sessionCookie(get("/login", "text/html"));
		assertThat(cookie).startsWith("JSESSIONID=").contains("; HttpOnly", "; SameSite=Strict");
		assertThat(cookie).doesNotContain("Secure");
	}

	static String sessionCookie(HttpResponse<String> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
