package org.scoutline.console;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The console's own login page in the console's style, German unless the browser prefers
 * English (or {@code ?lang=en}): the form with its CSRF token, and after a failure the
 * reason ({@link LoginRefused}: wait, locked) or "wrong username or password"; after
 * logging out or a revoked login, a calm line that says so.
 */
@RestController
class LoginPage {

	private final ConsoleTexts texts;

	LoginPage(ConsoleTexts texts) {
		this.texts = texts;
	}

	@GetMapping("/login")
	ResponseEntity<String> page(HttpServletRequest request, CsrfToken csrf,
			@RequestParam(required = false) String lang) {
		String language = lang != null && ConsoleTexts.LANGUAGES.contains(lang) ? lang : ConsoleTexts.of(request);
		String other = "de".equals(language) ? "en" : "de";
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_HTML)
			.body("""
					<!DOCTYPE html>
					<html lang="%1$s">
					<head>
					<meta charset="utf-8">
					<meta name="viewport" content="width=device-width, initial-scale=1">
					<meta name="referrer" content="no-referrer">
					<title>%2$s</title>
					<link rel="stylesheet" href="/console/console.css">
					</head>
					<body>
					<header class="bar"><p class="brand">Scoutline</p>
					<a class="bar-link" href="/login?lang=%9$s" lang="%9$s" hreflang="%9$s">%10$s</a></header>
					<main class="login">
					<form class="panel login-form" method="post" action="/login">
					<h1>%3$s</h1>
					<p class="hint">%4$s</p>
					%5$s
					<label for="username">%6$s</label>
					<input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
					<label for="password">%7$s</label>
					<input id="password" name="password" type="password" autocomplete="current-password" required>
					<input type="hidden" name="%11$s" value="%12$s">
					<button type="submit">%8$s</button>
					</form>
					</main>
					</body>
					</html>
					"""
				.formatted(language, t(language, "login.title"), t(language, "login.heading"),
						t(language, "login.intro"), notice(request, language), t(language, "login.username"),
						t(language, "login.password"), t(language, "login.submit"), other,
						t(other, "lang." + other + ".own"), csrf.getParameterName(), escape(csrf.getToken())));
	}

	/** the line above the form: why the last login failed, or that one logged out */
	private String notice(HttpServletRequest request, String language) {
		Map<String, String[]> params = request.getParameterMap();
		if (params.containsKey("error")) {
			HttpSession session = request.getSession(false);
			Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			String text = last instanceof LoginRefused refused ? refused.shown(texts, language)
					: texts.text(language, "login.error");
			return "<p class=\"problems\" role=\"alert\">" + escape(text) + "</p>";
		}
		if (params.containsKey("logout") || params.containsKey("expired")) {
			return "<p class=\"notice\" role=\"status\">"
					+ t(language, params.containsKey("logout") ? "login.logout" : "login.expired") + "</p>";
		}
		return "";
	}

	private String t(String language, String key) {
		return escape(texts.text(language, key));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
