package org.scoutline.handover;

import java.time.Clock;
import java.util.Optional;

import org.scoutline.conversation.ConversationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scout's side of an offered chat, called by the console: the offer a scout has now,
 * accepting it with one click (exactly one scout gets the chat, whatever races the
 * accept) and declining it (it goes on to the next scout at once). The offers themselves
 * are made by {@link OfferRound}. Logs carry conversation ids and event types only.
 */
@Component
public class Offers {

	private static final Logger log = LoggerFactory.getLogger(Offers.class);

	/**
	 * A chat offered to a scout now.
	 *
	 * @param expiresInMillis how long the offer lasts still
	 */
	public record Offer(String conversation, long expiresInMillis) {
	}

	/** What became of an accept. */
	public enum Outcome {

		OK,
		/** the offer ran out, was declined, or was never this scout's */
		EXPIRED,
		/** another scout has the chat */
		TAKEN,
		/** the chat is no longer waiting (the user left or erased their data) */
		GONE,
		/** the scout holds as many chats as they can */
		FULL

	}

	private final OfferStore offers;

	private final HandoverStore store;

	private final ScoutSide scouts;

	private final HandoverSettings settings;

	private final Clock clock;

	Offers(OfferStore offers, HandoverStore store, ScoutSide scouts, HandoverSettings settings, Clock clock) {
		this.offers = offers;
		this.store = store;
		this.scouts = scouts;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @return whether waiting chats are offered
	 * ({@code scoutline.handover.assignment=offer}) rather than only claimed by hand
	 */
	public boolean offering() {
		return settings.assignment() == HandoverSettings.Assignment.OFFER;
	}

	/**
	 * @return the chat offered to {@code scout} now, if it still waits
	 */
	public Optional<Offer> current(String scout) {
		String id = offers.offered(scout);
		if (id == null || "-".equals(id)) {
			return Optional.empty();
		}
		if (store.position(id) == 0) {
			// taken by hand, left or erased meanwhile: the scout is free for the next one
			offers.decline(id, scout, false);
			return Optional.empty();
		}
		long left = offers.remainingMillis(scout);
		return left > 0 ? Optional.of(new Offer(id, left)) : Optional.empty();
	}

	/**
	 * Accepts the chat offered to {@code scout}: it is theirs if the offer still holds
	 * and nobody took the chat first.
	 * @param alias the name the user sees
	 */
	public Outcome accept(ConversationId id, String scout, String alias) {
		String result = offers.accept(id.value(), scout, scouts.capacity(false), clock.millis());
		Outcome outcome = switch (result) {
			case "ok" -> scouts.claimed(id, scout, alias) == ClaimOutcome.OK ? Outcome.OK : Outcome.GONE;
			case "mine" -> Outcome.OK;
			case "taken" -> Outcome.TAKEN;
			case "full" -> Outcome.FULL;
			case "gone" -> Outcome.GONE;
			default -> Outcome.EXPIRED;
		};
		if (outcome != Outcome.OK) {
			offers.decline(id.value(), scout, false);
		}
		log.info("handover offer answered conversation={} outcome={}", id, outcome.name().toLowerCase());
		return outcome;
	}

	/**
	 * Declines the chat offered to {@code scout}: it is offered to the next free scout at
	 * once; this scout gets no other offer until this one would have run out.
	 * @return whether the scout had this offer
	 */
	public boolean decline(ConversationId id, String scout) {
		boolean had = offers.decline(id.value(), scout, true);
		if (had) {
			log.info("handover offer declined conversation={}", id);
		}
		return had;
	}

}
