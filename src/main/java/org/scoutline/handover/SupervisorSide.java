package org.scoutline.handover;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.TranscriptEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A supervisor next to the scout who holds a chat, called by the console (which decides
 * who is a supervisor): private lines to the scout that never reach the user, and
 * stepping in with a line the user sees, after which the supervisor may write to the user
 * too while the scout keeps the chat. Every change is published as a {@link ChatEvent}.
 * Logs carry conversation ids and event types only.
 */
@Component
public class SupervisorSide {

	private static final Logger log = LoggerFactory.getLogger(SupervisorSide.class);

	private static final int SHOWN = 100;

	/** What became of a supervisor's request. */
	public enum Outcome {

		OK,
		/** stepped in before: nothing changed */
		ALREADY,
		/** nobody holds the chat (it waits, was closed or erased) */
		NOT_LIVE,
		/** the supervisor holds the chat themselves */
		OWN_CHAT

	}

	private final AssistStore assist;

	private final HandoverStore store;

	private final HandoverEvents events;

	private final UserNotices notices;

	private final Clock clock;

	SupervisorSide(AssistStore assist, HandoverStore store, HandoverEvents events, UserNotices notices, Clock clock) {
		this.assist = assist;
		this.store = store;
		this.events = events;
		this.notices = notices;
		this.clock = clock;
	}

	/**
	 * Writes privately to the scout who holds the chat: stored with the chat, shown in
	 * the consoles of its scout and of the supervisors, never sent to the user.
	 * @param alias the supervisor's name as staff see it
	 */
	public Outcome whisper(ConversationId id, String supervisor, String alias, String text) {
		String scout = store.scoutOf(id.value());
		if (scout == null) {
			return Outcome.NOT_LIVE;
		}
		if (scout.equals(supervisor)) {
			return Outcome.OWN_CHAT;
		}
		long now = clock.millis();
		assist.whisper(id.value(), new Whisper(supervisor, alias, text, now));
		events.publish(new ChatEvent.WhisperWritten(id.value(), scout, supervisor, alias, text, now));
		return Outcome.OK;
	}

	/**
	 * Steps into the chat next to its scout, who keeps it: the user is told in their
	 * language ({@code system.supervisor_joined} with the supervisor's alias).
	 * @param alias the name the user sees
	 */
	public Outcome stepIn(ConversationId id, String supervisor, String alias) {
		Outcome outcome = switch (assist.stepIn(id.value(), supervisor)) {
			case "ok" -> Outcome.OK;
			case "joined" -> Outcome.ALREADY;
			case "mine" -> Outcome.OWN_CHAT;
			default -> Outcome.NOT_LIVE;
		};
		if (outcome != Outcome.OK) {
			return outcome;
		}
		notices.notice(id, UnaryOperator.identity(), "system.supervisor_joined", Map.of("name", alias));
		events.publish(new ChatEvent.SupervisorJoined(id.value(), store.scoutOf(id.value()), supervisor, alias,
				clock.millis()));
		log.info("handover supervisor stepped in conversation={}", id);
		return outcome;
	}

	/**
	 * A supervisor who stepped in writes to the user, as the scout does, under their
	 * alias.
	 * @return whether they stepped into this live chat and the message went out
	 */
	public boolean helperWrites(ConversationId id, String supervisor, String alias, String text) {
		String scout = store.scoutOf(id.value());
		if (scout == null || !assist.helpers(id.value()).contains(supervisor)) {
			return false;
		}
		Instant now = clock.instant();
		Optional<Conversation> saved = notices.save(id, UnaryOperator.identity(),
				List.of(TranscriptEntry.fromScout(now, text, alias)));
		if (saved.isEmpty()) {
			return false;
		}
		notices.deliverStored(saved.get(), List.of(Bubble.scout(text, alias)), List.of());
		events.publish(new ChatEvent.MessageWritten(id.value(), "supervisor", text, scout, false, saved.get().lines(),
				clock.millis()));
		return true;
	}

	/**
	 * @return the private lines to the chat's scout, oldest first
	 */
	public List<Whisper> whispers(ConversationId id) {
		return assist.whispers(id.value(), SHOWN);
	}

	/**
	 * @return the supervisors who stepped into the chat
	 */
	public List<String> helpers(ConversationId id) {
		return assist.helpers(id.value());
	}

}
