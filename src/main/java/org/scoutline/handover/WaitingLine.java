package org.scoutline.handover;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.CrisisSignal;
import org.scoutline.dialogue.Texts;
import org.scoutline.safety.CrisisDetector.Screening;
import org.scoutline.schedule.Occurrence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The queue as the waiting users live it: joining (imminent danger first, then crisis
 * chats, then waiting time), leaving, the end of a session that could not reach them, and
 * their position with an honest estimate of the wait.
 */
@Component
class WaitingLine {

	private static final Logger log = LoggerFactory.getLogger(WaitingLine.class);

	private final HandoverStore store;

	private final HandoverEvents events;

	private final Conversations conversations;

	private final Texts texts;

	private final HandoverSettings settings;

	private final ScoutDuty duty;

	private final UserNotices notices;

	private final ModeChoices choices;

	private final Clock clock;

	WaitingLine(HandoverStore store, HandoverEvents events, Conversations conversations, Texts texts,
			HandoverSettings settings, ScoutDuty duty, UserNotices notices, ModeChoices choices, Clock clock) {
		this.store = store;
		this.events = events;
		this.conversations = conversations;
		this.texts = texts;
		this.settings = settings;
		this.duty = duty;
		this.notices = notices;
		this.choices = choices;
		this.clock = clock;
	}

	/**
	 * Puts the chat in the queue, or moves it up when a crisis signal makes it more
	 * urgent: imminent danger goes ahead of every other crisis chat, a crisis ahead of
	 * everyone else. A crisis message the user wrote earlier in the conversation counts
	 * too; the supervisor is alerted with its kind and severity (never the message).
	 * @param occurrence the live session the user joins, {@code null} when already
	 * waiting
	 * @return the user's position in the queue (1-based), or 0 when a scout already has
	 * the chat
	 */
	int enqueue(Conversation conversation, Screening signal, Occurrence occurrence) {
		ConversationId id = conversation.id();
		Urgency urgency = Urgency.of(signal)
			.or(CrisisSignal.worst(conversation.facts()).map(Urgency::of).orElse(Urgency.NONE));
		Enqueued enqueued = store.enqueue(id.value(), urgency, clock.millis(),
				occurrence == null ? null : occurrence.key());
		if (enqueued.position() > 0) {
			String joined = enqueued.joined() && occurrence != null ? occurrence.key() : null;
			events.publish(new ChatEvent.ChatQueued(id.value(), urgency.crisis(), urgency.kind(), urgency.severity(),
					joined, clock.millis()));
			log.info("handover queued conversation={} crisis={} severity={} kind={}", id, urgency.crisis(),
					urgency.severity(), urgency.kind());
		}
		if (enqueued.flagged()) {
			crisisSignalled(
					enqueued.joined() && occurrence != null ? occurrence.key() : store.state(id.value()).session());
		}
		return enqueued.position();
	}

	/**
	 * Tells the session reports that a chat waiting or held in {@code session} has a
	 * crisis for the first time (nothing when it is in no live session).
	 */
	void crisisSignalled(String session) {
		if (session != null) {
			events.publishHere(new CrisisSignalled(session, clock.millis()));
		}
	}

	/**
	 * @return whether the user was waiting and has now left the queue
	 */
	boolean leave(ConversationId id) {
		String session = store.state(id.value()).session();
		boolean left = store.leave(id.value());
		if (left) {
			events.publish(new ChatEvent.ChatLeft(id.value(), session, false, clock.millis()));
		}
		return left;
	}

	/**
	 * The session a user waited for ended before a scout could take them: they leave the
	 * queue, counted as not reached in the session's report.
	 * @return whether they were still waiting
	 */
	boolean endWait(String id, String occurrence) {
		if (!store.leave(id)) {
			return false;
		}
		events.publish(new ChatEvent.ChatLeft(id, occurrence, true, clock.millis()));
		log.info("handover wait ended with the session conversation={}", id);
		return true;
	}

	/**
	 * @return the 1-based position, or 0 when not waiting
	 */
	int position(ConversationId id) {
		return store.position(id.value());
	}

	/**
	 * @return the estimate in minutes by position, with the people on duty read once (for
	 * many positions)
	 */
	IntUnaryOperator waitEstimate() {
		int scouts = Math.max(1, duty.onDuty().size() * settings.capacity());
		return position -> Math.max(1, (int) Math.ceil((double) position * settings.minutesPerChat() / scouts));
	}

	/**
	 * @return the values for the position texts
	 */
	Map<String, String> positionValues(int position) {
		return Map.of("position", Integer.toString(position), "minutes",
				Integer.toString(waitEstimate().applyAsInt(position)));
	}

	/**
	 * Tells a waiting user their new position; a chat whose conversation expired
	 * meanwhile leaves the queue.
	 */
	void tellPosition(String id, int position) {
		ConversationId conversation = new ConversationId(id);
		conversations.get(conversation)
			.ifPresentOrElse(c -> notices.deliver(c,
					List.of(Bubble.notice(texts.format(c.locale(), "system.queue_position", positionValues(position)))),
					choices.queue(c.locale())), () -> leave(conversation));
	}

}
