package org.scoutline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scoutline.support.IntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an unknown page and other refused requests answer: a browser a small calm page, an
 * API client one line of JSON, and the log no stack trace (Boot's own error handling
 * logged 42 KB of "Circular view path" for every unknown page a browser asked for).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorPageTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void anUnknownPageGetsASmallCalmPageAndTheLogNoStackTrace(CapturedOutput output) throws Exception {
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = send("GET", "/no-such-page-" + i,
					"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
			assertThat(response.body()).contains("<title>Page not found</title>", "href=\"/\"")
				.doesNotContain("Exception", "at org.", "Whitelabel");
			assertThat(response.body().length()).isLessThan(1_000);
			assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
				.startsWith("default-src 'self'");
		}
		assertThat(output.getAll()).doesNotContain("Circular view path", "\tat org.", "Exception");
	}

	@ParameterizedTest
	@CsvSource({ "GET, /no-such-page, application/json, 404, not_found", "GET, /no-such-page, , 404, not_found",
			"GET, /no-such-page, image/png, 404, not_found", "DELETE, /index.html, application/json, 403, forbidden" })
	void anyOtherClientGetsOneLineOfJson(String method, String path, String accept, int status, String code,
			CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(method, path, accept);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		assertThat(response.body()).isEqualTo("{\"error\":\"" + code + "\"}");
		assertThat(output.getAll()).doesNotContain("\tat org.", "Exception");
	}

	@Test
	void aRefusedRequestForAPageGetsThePageToo(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send("DELETE", "/index.html", "text/html");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("<title>That didn't work</title>").doesNotContain("Exception");
		assertThat(output.getAll()).doesNotContain("Circular view path", "\tat org.");
	}

	private HttpResponse<String> send(String method, String path, String accept) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (accept != null && !accept.isEmpty()) {
			request.header("Accept", accept);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
