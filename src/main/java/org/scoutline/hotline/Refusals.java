package org.scoutline.hotline;

import java.util.ArrayList;
import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.dialogue.CrisisCards;
import org.scoutline.dialogue.Triage;
import org.scoutline.dialogue.TriageState;
import org.scoutline.safety.CrisisDetector.Screening;
import org.springframework.stereotype.Component;

/**
 * The answers to a message the hotline does not take: too long, or storage unavailable.
 * Nothing is stored.
 */
@Component
class Refusals {

	private final Triage triage;

	private final CrisisCards cards;

	Refusals(Triage triage, CrisisCards cards) {
		this.cards = cards;
		this.triage = triage;
	}

	/**
	 * A text over the limit is refused, but still screened: crisis lines come first (the
	 * emergency number before them when the danger is imminent), for the user's country
	 * or the channel's guess of it.
	 */
	HotlineReply tooLong(Conversation existing, InboundMessage message, Screening signal) {
		HotlineReply refusal = refusal(existing, message, "system.too_long", HotlineReply.Outcome.TOO_LONG);
		if (!signal.isCrisis()) {
			return refusal;
		}
		TriageState state = (existing != null ? TriageState.of(existing) : triage.begin(message.localeHint()).state())
			.withCountryHint(message.countryHint());
		List<Bubble> bubbles = new ArrayList<>();
		if (signal.isImminent()) {
			bubbles.add(cards.emergency(state));
		}
		bubbles.add(cards.crisisCard(state));
		bubbles.addAll(refusal.bubbles());
		return new HotlineReply(refusal.conversation(), state.locale(), bubbles, refusal.choices(), refusal.outcome());
	}

	/**
	 * @return the notice {@code key}, with the buttons the user had (none for a new user)
	 */
	HotlineReply refusal(Conversation existing, InboundMessage message, String key, HotlineReply.Outcome outcome) {
		if (existing == null) {
			Bubble notice = triage.notice(message.localeHint(), key);
			return new HotlineReply(null, message.localeHint(), List.of(notice), List.of(), outcome);
		}
		TriageState state = TriageState.of(existing);
		return new HotlineReply(existing.id(), existing.locale(), List.of(triage.notice(state, key)),
				triage.choices(state), outcome);
	}

}
