package org.scoutline.console;

import java.util.Map;

import org.scoutline.support.ConsoleClient;

/** Console accounts for tests, created by the bootstrap coordinator through the API. */
final class Staff {

	static final String ADMIN = "admin";

	static final String ADMIN_PASSWORD = "admin-password-1";

	static final String PASSWORD = "scout-password-1";

	private Staff() {
	}

	/** Creates an account (if new) and returns a logged-in client for it. */
	static ConsoleClient account(int port, String username, String role) {
		try (ConsoleClient admin = ConsoleClient.login(port, ADMIN, ADMIN_PASSWORD)) {
			int status = admin.post("/console/api/accounts", Map.of("username", username, "password", PASSWORD,
					"alias", alias(username), "role", role)).status();
			if (status != 201 && status != 409) {
				throw new AssertionError("account not created: " + status);
			}
		}
		return ConsoleClient.login(port, username, PASSWORD);
	}

	static String alias(String username) {
		String name = username.replaceAll("[^a-z]", "");
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

}
