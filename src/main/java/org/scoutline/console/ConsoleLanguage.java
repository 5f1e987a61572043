package org.scoutline.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language a console user reads: the one their account chose, else their browser's
 * ({@code Accept-Language}), else German; as the page itself chooses it.
 */
@Component
class ConsoleLanguage {

	private final Accounts accounts;

	ConsoleLanguage(Accounts accounts) {
		this.accounts = accounts;
	}

	String of(Authentication who, HttpServletRequest request) {
		return accounts.language(who.getName()).orElseGet(() -> ConsoleTexts.of(request));
	}

}
