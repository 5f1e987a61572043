package org.scoutline.console;

import org.scoutline.handover.OfferTargets;
import org.springframework.stereotype.Component;

/** Offers of waiting chats go to enabled scout accounts, as they are now. */
@Component
class ScoutOfferTargets implements OfferTargets {

	private final Accounts accounts;

	ScoutOfferTargets(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public boolean takesOffers(String username) {
		return accounts.find(username).filter(Account::enabled).map(a -> a.role() == Role.SCOUT).orElse(false);
	}

}
