package org.scoutline.console;

import java.util.Locale;

import org.springframework.context.ApplicationContext;

/**
 * Test data: a console account written straight to the account store (for tests outside
 * this package too), e.g.
 * {@code anAccount().named("anna").withPassword("scout-password-1").asScout().createIn(context)}.
 * <p>
 * Defaults: the scout {@code anna} with the password {@code scout-password-1}; the alias
 * users see is the role's name ("Scout", "Supervisor", "Coordinator") unless the test
 * gives one.
 */
public final class AccountTestData {

	private AccountTestData() {
	}

	/**
	 * @return a builder with the defaults above
	 */
	public static Builder anAccount() {
		return new Builder();
	}

	public static final class Builder {

		private String username = "anna";

		private String password = "scout-password-1";

		private String alias;

		private Role role = Role.SCOUT;

		private Builder() {
		}

		public Builder named(String username) {
			this.username = username;
			return this;
		}

		public Builder withPassword(String password) {
			this.password = password;
			return this;
		}

		/**
		 * @param alias the first name or alias users see
		 */
		public Builder withAlias(String alias) {
			this.alias = alias;
			return this;
		}

		public Builder asScout() {
			this.role = Role.SCOUT;
			return this;
		}

		public Builder asSupervisor() {
			this.role = Role.SUPERVISOR;
			return this;
		}

		public Builder asCoordinator() {
			this.role = Role.COORDINATOR;
			return this;
		}

		/**
		 * Creates the account in the application's store unless it exists (tests that
		 * clear their keys remove accounts too).
		 */
		public void createIn(ApplicationContext context) {
			String shown = alias != null ? alias
					: role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT);
			context.getBean(Accounts.class).create(username, password, shown, role);
		}

	}

}
