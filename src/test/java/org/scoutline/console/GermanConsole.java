package org.scoutline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;

/**
 * What a German console must not show: a text's raw key, or the English it had before.
 */
final class GermanConsole {

	/**
	 * the old hard-coded English of the console, each specific enough not to be German
	 */
	static final List<String> OLD_ENGLISH = List.of("Claim chat", "Waiting (", "Open chat with", "Message to the young",
			"Canned reply", "Internal note", "Hand over to", "Close chat", "Outcome", "Log out", "Add note",
			"Take over", "On duty", "Young person", "Transcript", "characters", "Live sessions", "New session",
			"Reports", "Accounts", "Create account", "Username", "Password", "Disable ", "Reset password", "Choose ",
			"Sessions of the last", "Download", "Median", "Every week", "Only once", "Scouts on duty", "Save ",
			"situation A", "situation D", "risk_", "age 13", "crisis message", "the supervisor is alerted",
			"Please sign in");

	private GermanConsole() {
	}

	/**
	 * Checks the page's visible text (but the transcript: what the user and the bot
	 * wrote) and its accessible names (aria-label, option texts) for every key of the
	 * texts and for the old English.
	 */
	static void assertNoRawKeyNorOldEnglish(Page page) {
		String shown = (String) page.evaluate("() => { const log = document.getElementById('log'); "
				+ "log.hidden = true; const text = document.body.innerText; "
				+ "log.hidden = false; return text + '\\n' + "
				+ "[...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label')).join('\\n')"
				+ " + '\\n' + [...document.querySelectorAll('option')].map(o => o.textContent).join('\\n'); }");
		assertThat(page.locator("html").getAttribute("lang")).isEqualTo("de");
		for (String key : keys()) {
			assertThat(shown).as("the raw key " + key).doesNotContain(key);
		}
		for (String english : OLD_ENGLISH) {
			assertThat(shown).as("old English").doesNotContain(english);
		}
	}

	/**
	 * Checks that the page does not scroll sideways and no panel is wider than it shows,
	 * at the page's viewport and on a tablet (768×1024).
	 */
	static void assertNothingClippedAt1280AndOnATablet(Page page) {
		for (int[] size : new int[][] { { 1280, 900 }, { 768, 1024 } }) {
			page.setViewportSize(size[0], size[1]);
			Object clipped = page.evaluate("() => [document.documentElement, ...document.querySelectorAll('.panel')]"
					+ ".filter(e => e.offsetParent !== null || e === document.documentElement)"
					+ ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.id || e.tagName).join(', ')");
			assertThat(clipped).as("wider than shown at " + size[0] + "×" + size[1]).isEqualTo("");
		}
	}

	private static List<String> keys() {
		try {
			Map<String, String> de = new ObjectMapper().readValue(
					new File("src/main/resources/static/console/i18n/de.json"),
					new TypeReference<Map<String, String>>() {
					});
			// a key shows as itself when it is missing: "queue.claim"; words without a
			// dot cannot be told apart from text
			return de.keySet().stream().filter(k -> k.contains(".")).toList();
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

}
