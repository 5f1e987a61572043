package org.scoutline.console;

import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;

import org.springframework.security.core.AuthenticationException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A login attempt refused by the {@link LoginThrottle}, or a wrong password that makes
 * the next attempt wait. Its message is what the login page shows ({@code /login?error}
 * shows the last authentication exception's message), in calm words, in German unless the
 * browser prefers English.
 */
class LoginRefused extends AuthenticationException {

	private final long retryAfterSeconds;

	private LoginRefused(String message, long retryAfterSeconds) {
		super(message);
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
	static LoginRefused of(LoginThrottle.Refusal refusal, boolean afterFailure, HttpServletRequest request) {
		boolean english = english(request);
		long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
		long minutes = Math.max(1, (seconds + 59) / 60);
		String message;
		if (refusal.locked() && refusal.kind() == LoginThrottle.Kind.USERNAME) {
			message = english
					? "This account is locked for " + plural(minutes, "minute", "minutes")
							+ " after too many wrong passwords. A coordinator can unlock it."
					: "Dieses Konto ist nach zu vielen falschen Passwörtern für " + plural(minutes, "Minute", "Minuten")
							+ " gesperrt. Eine Koordinatorin oder ein Koordinator kann es entsperren.";
		}
		else if (refusal.locked()) {
			message = english
					? "Too many wrong passwords from this network. Please try again in "
							+ plural(minutes, "minute", "minutes") + "."
					: "Zu viele falsche Passwörter aus diesem Netzwerk. Bitte versuche es in "
							+ plural(minutes, "Minute", "Minuten") + " wieder.";
		}
		else if (afterFailure) {
			message = english
					? "Wrong username or password. Please wait " + plural(seconds, "second", "seconds")
							+ " before the next try."
					: "Benutzername oder Passwort falsch. Bitte warte " + plural(seconds, "Sekunde", "Sekunden")
							+ " bis zum nächsten Versuch.";
		}
		else {
			message = english ? "Too many attempts. Please wait " + plural(seconds, "second", "seconds") + "."
					: "Zu viele Versuche. Bitte warte " + plural(seconds, "Sekunde", "Sekunden") + ".";
		}
		return new LoginRefused(message, seconds);
	}

	private static String plural(long count, String one, String many) {
		return count + " " + (count == 1 ? one : many);
	}

	/** German unless English comes before German in Accept-Language */
	private static boolean english(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return false;
		}
		Enumeration<Locale> locales = request.getLocales();
		while (locales.hasMoreElements()) {
			String language = locales.nextElement().getLanguage();
			if ("de".equals(language)) {
				return false;
			}
			if ("en".equals(language)) {
				return true;
			}
		}
		return false;
	}

}
