package org.scoutline.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * The console's login form as a browser uses it (its CSRF token, the session cookie),
 * from a client address of the test's choosing ({@code X-Forwarded-For}, trusted from
 * 127.0.0.1 with {@code server.forward-headers-strategy=native}) and in a language.
 */
final class LoginForm {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern ALERT = Pattern.compile("role=\"alert\">([^<]*)<");

	private final int port;

	private final String address;

	private final String language;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/**
	 * @param address the client address, or null for 127.0.0.1 itself
	 * @param language Accept-Language, or null for none
	 */
	LoginForm(int port, String address, String language) {
		this.port = port;
		this.address = address;
		this.language = language;
	}

	/**
	 * One login: what the POST answered, and the message the login page then shows.
	 *
	 * @param accepted logged in (redirected to the console)
	 * @param retryAfter the {@code Retry-After} seconds, if any
	 * @param message the error shown on {@code /login?error} (empty when accepted)
	 */
	record Attempt(boolean accepted, OptionalLong retryAfter, String message) {

	}

	Attempt attempt(String username, String password) {
		Matcher csrf = CSRF_FIELD.matcher(send(request("/login").GET()).body());
		if (!csrf.find()) {
			throw new AssertionError("no CSRF field on the login page");
		}
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<String> posted = send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		String location = posted.headers().firstValue("Location").orElse("");
		OptionalLong retryAfter = posted.headers()
			.firstValue("Retry-After")
			.stream()
			.mapToLong(Long::parseLong)
			.findFirst();
		if (posted.statusCode() == 302 && location.endsWith("/console")) {
			return new Attempt(true, retryAfter, "");
		}
		if (!location.endsWith("/login?error")) {
			throw new AssertionError("login answered " + posted.statusCode() + " " + location);
		}
		Matcher alert = ALERT.matcher(send(request("/login?error").GET()).body());
		return new Attempt(false, retryAfter, alert.find() ? HtmlUtils.htmlUnescape(alert.group(1)) : "");
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (address != null) {
			request.header("X-Forwarded-For", address);
		}
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
