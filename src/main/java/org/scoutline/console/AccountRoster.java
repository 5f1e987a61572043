package org.scoutline.console;

import org.scoutline.schedule.Roster;
import org.springframework.stereotype.Component;

/**
 * The schedule's roster backed by the console accounts: only an existing, enabled account
 * can be rostered.
 */
@Component
class AccountRoster implements Roster {

	private final Accounts accounts;

	AccountRoster(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public boolean exists(String username) {
		return username != null && accounts.find(username).filter(Account::enabled).isPresent();
	}

}
