package org.scoutline.console;

import org.scoutline.support.ConsoleClient;
import org.scoutline.support.LiveNow;

/** Console accounts for tests, created by the bootstrap coordinator through the API. */
final class Staff {

	static final String ADMIN = "admin";

	static final String ADMIN_PASSWORD = "admin-password-1";

	static final String PASSWORD = "scout-password-1";

	private Staff() {
	}

	/**
	 * Creates an account (if new), rosters it in a live session running now
	 * ({@link LiveNow#roster}) and returns a logged-in client for it.
	 */
	static ConsoleClient account(int port, String username, String role) {
		LiveNow.roster(port, username, role);
		return ConsoleClient.login(port, username, PASSWORD);
	}

	static String alias(String username) {
		String name = username.replaceAll("[^a-z]", "");
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
