package org.scoutline.console;

import java.util.Arrays;
import java.util.function.Supplier;

import org.scoutline.conversation.ConversationId;
import org.scoutline.handover.ScoutSide;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.messaging.access.intercept.MessageAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * The one rule for chats, over HTTP and STOMP alike: a supervisor may read and write
 * every chat, a scout only the chats assigned to them, nobody else anything; a disabled
 * account nothing, even with a session still open.
 */
@Component
class ChatAccess implements AuthorizationManager<MessageAuthorizationContext<?>> {

	private final ScoutSide handover;

	private final Accounts accounts;

	ChatAccess(ScoutSide handover, Accounts accounts) {
		this.handover = handover;
		this.accounts = accounts;
	}

	/**
	 * @return whether {@code who} may read and write the chat with this id
	 */
	boolean allowed(Authentication who, String conversationId) {
		if (who == null || !who.isAuthenticated()
				|| !accounts.find(who.getName()).map(Account::enabled).orElse(false)) {
			return false;
		}
		if (has(who, Role.SUPERVISOR)) {
			return true;
		}
		if (!has(who, Role.SCOUT) || conversationId == null) {
			return false;
		}
		try {
			return who.getName().equals(handover.assignee(new ConversationId(conversationId)));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * @return the rule for frames that staff with one of {@code roles} may send, checked
	 * against the account as it is now (a disabled account is refused with its session
	 * still open)
	 */
	AuthorizationManager<MessageAuthorizationContext<?>> staff(Role... roles) {
		return (authentication, context) -> {
			Authentication who = authentication.get();
			boolean enabled = who != null && who.isAuthenticated()
					&& accounts.find(who.getName()).map(Account::enabled).orElse(false);
			return new AuthorizationDecision(enabled && Arrays.stream(roles).anyMatch(role -> has(who, role)));
		};
	}

	static boolean has(Authentication who, Role role) {
		return who != null
				&& who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(role.authority()::equals);
	}

	@Override
	@SuppressWarnings("deprecation")
	public AuthorizationDecision check(Supplier<Authentication> authentication,
			MessageAuthorizationContext<?> context) {
		return new AuthorizationDecision(allowed(authentication.get(), context.getVariables().get("id")));
	}

}
