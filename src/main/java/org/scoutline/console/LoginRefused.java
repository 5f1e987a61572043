package org.scoutline.console;

import java.util.Map;

import org.springframework.security.core.AuthenticationException;

/**
 * A login attempt refused by the {@link LoginThrottle}, or a wrong password that makes
 * the next attempt wait. The login page ({@code /login?error} shows the last
 * authentication exception) says why in calm words, from the console texts
 * ({@code login.*} in {@link ConsoleTexts}) in the browser's language.
 */
class LoginRefused extends AuthenticationException {

	private final long retryAfterSeconds;

	private final String key;

	private final long count;

	private final String unit;

	private LoginRefused(String key, long count, String unit, long retryAfterSeconds) {
		super(key);
		this.key = key;
		this.count = count;
		this.unit = unit;
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** for {@code Retry-After} */
	long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	/**
	 * @param afterFailure whether the attempt itself was checked and failed (its password
	 * was wrong), else it was refused unchecked
	 */
	static LoginRefused of(LoginThrottle.Refusal refusal, boolean afterFailure) {
		long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
		long minutes = Math.max(1, (seconds + 59) / 60);
		if (refusal.locked() && refusal.kind() == LoginThrottle.Kind.USERNAME) {
			return new LoginRefused("login.locked_account", minutes, "minute", seconds);
		}
		if (refusal.locked()) {
			return new LoginRefused("login.locked_network", minutes, "minute", seconds);
		}
		return new LoginRefused(afterFailure ? "login.wait_after_failure" : "login.wait", seconds, "second", seconds);
	}

	/**
	 * @return what the login page says, in {@code language}: "Please wait 10 seconds"
	 */
	String shown(ConsoleTexts texts, String language) {
		String amount = texts.text(language, "unit." + unit + (count == 1 ? "" : "s"), Map.of("n", count));
		return texts.text(language, key, Map.of("minutes", amount, "seconds", amount));
	}

}
