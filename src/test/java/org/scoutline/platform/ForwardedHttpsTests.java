package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.scoutline.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a TLS proxy ({@code server.forward-headers-strategy=native}, the proxy on this
 * machine): a request the proxy got over HTTPS gets a {@code Secure} session cookie and
 * {@code wss:} in its policy; one it got over HTTP does not.
 */
@IntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class ForwardedHttpsTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aRequestThatCameOverHttpsGetsASecureStrictCookie() throws Exception {
		HttpResponse<String> response = login("https");
		assertThat(SafeHeadersTests.sessionCookie(response)).startsWith("JSESSIONID=")
			.contains("; Secure", "; HttpOnly", "; SameSite=Strict");
		assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
			.contains("connect-src 'self' wss://127.0.0.1;");
	}

	@Test
	void aRequestThatCameOverHttpGetsNoSecureFlag() throws Exception {
		HttpResponse<String> response = login("http");
		assertThat(SafeHeadersTests.sessionCookie(response)).startsWith("JSESSIONID=")
			.contains("; SameSite=Strict")
			.doesNotContain("Secure");
	}

	private HttpResponse<String> login(String proto) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("X-Forwarded-Proto", proto)
			.header("Accept", "text/html")
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
