package org.scoutline.console;

import org.springframework.context.ApplicationContext;

/** Staff accounts for tests outside this package (for example the coordinators' session API). */
public final class TestAccounts {

	private TestAccounts() {
	}

	/** Creates a coordinator account unless it exists (tests that clear their keys remove accounts too). */
	public static void coordinator(ApplicationContext context, String username, String password) {
		context.getBean(Accounts.class).create(username, password, "Coordinator", Role.COORDINATOR);
	}

	/** Creates a scout account unless it exists. */
	public static void scout(ApplicationContext context, String username, String password) {
		context.getBean(Accounts.class).create(username, password, "Scout", Role.SCOUT);
	}

}
