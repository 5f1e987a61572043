package org.scoutline.console;

import java.util.Map;

import org.scoutline.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The language of a person's console: everyone sets their own, a coordinator anyone's
 * ({@code de}, {@code en}, or {@code null} to follow the browser).
 */
@RestController
class LanguageApi {

	private final Accounts accounts;

	LanguageApi(Accounts accounts) {
		this.accounts = accounts;
	}

	record Choice(String language) {
	}

	@PostMapping("/console/api/me/language")
	Map<String, String> mine(@RequestBody(required = false) Choice body, Authentication who) {
		return set(who.getName(), body);
	}

	@PostMapping("/console/api/accounts/{username}/language")
	Map<String, String> theirs(@PathVariable String username, @RequestBody(required = false) Choice body) {
		return set(username, body);
	}

	private Map<String, String> set(String username, Choice body) {
		String language = checked(body == null ? null : body.language());
		if (!accounts.setLanguage(username, language)) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "no_such_account", "There is no account with that name.");
		}
		return Map.of("language", language == null ? "browser" : language);
	}

	/**
	 * @return the language, or {@code null} for the browser's; anything else is refused
	 */
	static String checked(String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		if (!ConsoleTexts.LANGUAGES.contains(language)) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_language", "The language must be de or en.");
		}
		return language;
	}

}
