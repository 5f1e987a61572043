package org.scoutline.handover;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.dialogue.Texts;
import org.scoutline.dialogue.CrisisCards;
import org.scoutline.dialogue.TriageState;
import org.scoutline.directory.Directory;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.OpeningDecision;
import org.scoutline.schedule.SessionTimes;
import org.springframework.stereotype.Component;

/**
 * The honest answer when no scout can take a chat: why not, the next live sessions (up to
 * three) in the user's language and time zone, the 24/7 crisis lines, and the offer of a
 * reminder or a message left for the scouts.
 */
@Component
class OffHours {

	private final ModeChoices choices;

	private final Texts texts;

	private final CrisisCards cards;

	private final Directory directory;

	OffHours(Texts texts, CrisisCards cards, Directory directory, ModeChoices choices) {
		this.choices = choices;
		this.texts = texts;
		this.cards = cards;
		this.directory = directory;
	}

	/**
	 * @param countryHint the channel's guess of the user's country for this message, or
	 * {@code null}
	 * @return why there is no scout now, with the crisis lines of the user's country (or
	 * of the guessed one, named as such) in the same message, and when the next sessions
	 * are
	 */
	List<Bubble> answer(Conversation conversation, OpeningDecision.Closed closed, String countryHint) {
		String locale = conversation.locale();
		String reason = switch (closed.reason()) {
			case NO_SESSION -> "system.no_scout";
			case ESCALATIONS_STOPPED -> "system.no_scout_stopped";
			case NO_SCOUT_CHECKED_IN -> "system.no_scout_checked_in";
			case QUEUE_FULL -> "system.no_scout_queue_full";
		};
		Map<String, String> values = new HashMap<>();
		closed.running().ifPresent(o -> values.put("until", SessionTimes.until(o, zone(conversation), locale)));
		values.put("crisis_lines", cards.crisisLines(state(conversation).withCountryHint(countryHint)));
		List<Bubble> bubbles = new ArrayList<>();
		bubbles.add(Bubble.notice(texts.format(locale, reason, values)));
		bubbles.add(Bubble.notice(nextSessions(conversation, closed.next())));
		return bubbles;
	}

	/**
	 * @return the reminder and message offers, when a next session exists
	 */
	List<Choice> offers(Conversation conversation, OpeningDecision.Closed closed) {
		if (closed.next().isEmpty()) {
			return List.of();
		}
		return choices.sessionOffers(conversation.locale());
	}

	/**
	 * @return the next sessions as a short list, or that none is planned
	 */
	String nextSessions(Conversation conversation, List<Occurrence> next) {
		String locale = conversation.locale();
		if (next.isEmpty()) {
			return texts.get(locale, "system.next_sessions_none");
		}
		String lines = next.stream().map(o -> "• " + describe(conversation, o)).collect(Collectors.joining("\n"));
		return texts.format(locale, "system.next_sessions", Map.of("sessions", lines));
	}

	/**
	 * @return when an occurrence is, in the user's time zone and language, with its title
	 * and other languages
	 */
	String when(Conversation conversation, Occurrence occurrence) {
		return SessionTimes.when(occurrence, zone(conversation), conversation.locale());
	}

	private String describe(Conversation conversation, Occurrence occurrence) {
		String text = when(conversation, occurrence) + ": " + occurrence.session().title();
		if (!occurrence.session().languages().contains(conversation.locale())) {
			text += " " + texts.format(conversation.locale(), "system.session_languages", Map.of("languages",
					SessionTimes.languages(occurrence.session().languages(), conversation.locale())));
		}
		return text;
	}

	/**
	 * @return the time an occurrence ends, in the user's time zone
	 */
	String until(Conversation conversation, Occurrence occurrence) {
		return SessionTimes.until(occurrence, zone(conversation), conversation.locale());
	}

	/**
	 * @return the user's time zone, when their country has exactly one
	 */
	ZoneId zone(Conversation conversation) {
		String country = conversation.facts().get("country");
		return country == null ? null : directory.country(country).timeZone().orElse(null);
	}

	private static TriageState state(Conversation conversation) {
		return TriageState.of(conversation);
	}

}
