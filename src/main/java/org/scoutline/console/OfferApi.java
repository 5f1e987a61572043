package org.scoutline.console;

import java.util.HashMap;
import java.util.Map;

import org.scoutline.conversation.ConversationId;
import org.scoutline.handover.Offers;
import org.scoutline.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat offered to a scout ({@code scoutline.handover.assignment=offer}):
 * <ul>
 * <li>{@code GET /console/api/offer}: {@code {"assignment":"offer"|"claim","offer":
 * {"conversation":...,"expiresIn":ms}}}, without {@code offer} when there is none (the
 * offers themselves arrive on {@code /user/queue/offers})</li>
 * <li>{@code POST /console/api/offer/<id>/accept}: the chat is the scout's, one
 * click</li>
 * <li>{@code POST /console/api/offer/<id>/decline}: it goes on to the next scout</li>
 * </ul>
 * Refusals say why in JSON.
 */
@RestController
class OfferApi {

	private final Offers offers;

	private final Accounts accounts;

	OfferApi(Offers offers, Accounts accounts) {
		this.offers = offers;
		this.accounts = accounts;
	}

	@GetMapping("/console/api/offer")
	Map<String, Object> offer(Authentication who) {
		Account me = account(who);
		Map<String, Object> out = new HashMap<>();
		out.put("assignment", offers.offering() ? "offer" : "claim");
		out.put("offer",
				offers.current(me.username())
					.map(o -> Map.of("conversation", o.conversation(), "expiresIn", o.expiresInMillis()))
					.orElse(null));
		return out;
	}

	@PostMapping("/console/api/offer/{id}/accept")
	Map<String, Object> accept(@PathVariable String id, Authentication who) {
		Account me = account(who);
		switch (offers.accept(parse(id), me.username(), me.alias())) {
			case OK -> {
				return Map.of("outcome", "ok", "conversation", id);
			}
			case EXPIRED -> throw new ApiProblem(HttpStatus.CONFLICT, "expired",
					"This offer has run out and went to the next scout. You can still claim from the queue.");
			case TAKEN ->
				throw new ApiProblem(HttpStatus.CONFLICT, "taken", "Another scout has already taken this chat.");
			case FULL -> throw new ApiProblem(HttpStatus.CONFLICT, "full",
					"You already hold as many chats as you can. Close one first.");
			default -> throw new ApiProblem(HttpStatus.NOT_FOUND, "gone",
					"This chat is no longer waiting: the person left the queue or deleted their data.");
		}
	}

	@PostMapping("/console/api/offer/{id}/decline")
	Map<String, Object> decline(@PathVariable String id, Authentication who) {
		Account me = account(who);
		if (!offers.decline(parse(id), me.username())) {
			throw new ApiProblem(HttpStatus.CONFLICT, "no_offer", "This chat is not offered to you (any more).");
		}
		return Map.of("outcome", "declined");
	}

	private Account account(Authentication who) {
		return accounts.find(who.getName())
			.filter(Account::enabled)
			.orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "account_disabled",
					"Your account is disabled. Please talk to your coordinator."));
	}

	private static ConversationId parse(String id) {
		try {
			return new ConversationId(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "gone", "There is no chat with that id.");
		}
	}

}
