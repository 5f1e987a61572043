package org.scoutline.handover;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Turn;
import org.scoutline.dialogue.Texts;
import org.scoutline.schedule.OpeningDecision;
import org.scoutline.safety.CrisisDetector.Screening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The user's side of the handover: the queue (imminent danger first, then crisis chats,
 * then waiting time), positions with an honest estimate, reminders and messages left for
 * the next session, the relay of what the user writes to the scout who has the chat, and
 * erasure. The hotline calls it after a user's turn was saved, with the turn's
 * {@link FollowUp}. Logs carry conversation ids and event types only.
 */
@Component
public class UserSide {

	private static final Logger log = LoggerFactory.getLogger(UserSide.class);

	private final HandoverStore store;

	private final NextSessionLists lists;

	private final HandoverEvents events;

	private final Texts texts;

	private final ScoutDuty duty;

	private final WaitingLine line;

	private final UserNotices notices;

	private final ModeChoices choices;

	private final Clock clock;

	private final AssistStore assist;

	UserSide(HandoverStore store, NextSessionLists lists, HandoverEvents events, Texts texts, ScoutDuty duty,
			WaitingLine line, UserNotices notices, ModeChoices choices, Clock clock, AssistStore assist) {
		this.store = store;
		this.assist = assist;
		this.lists = lists;
		this.events = events;
		this.texts = texts;
		this.duty = duty;
		this.line = line;
		this.notices = notices;
		this.choices = choices;
		this.clock = clock;
	}

	/**
	 * Does what a saved turn asked for, and adds what the user must see about it (their
	 * place in the queue, that a reminder is set).
	 * @param saved the turn as saved (its conversation as the store holds it now)
	 * @return the turn to show
	 */
	public Turn carryOut(FollowUp followUp, Turn saved) {
		Conversation conversation = saved.conversation();
		ConversationId id = conversation.id();
		if (followUp instanceof FollowUp.Several several) {
			Turn shown = saved;
			for (FollowUp step : several.steps()) {
				shown = carryOut(step, shown);
			}
			return shown;
		}
		if (followUp instanceof FollowUp.Enqueue enqueue) {
			return withPosition(saved, line.enqueue(conversation, enqueue.signal(), enqueue.occurrence()),
					"system.queued");
		}
		if (followUp instanceof FollowUp.Hold) {
			int position = line.position(id);
			return withPosition(saved, position > 0 ? position : line.enqueue(conversation, Screening.NONE, null),
					"system.queue_hold");
		}
		if (followUp instanceof FollowUp.Remind remind) {
			boolean reachable = remindAtNextSession(conversation, remind);
			String key = reachable ? "system.reminder_set" : "system.reminder_set_window";
			return saved.around(
					List.of(Bubble.notice(texts.format(conversation.locale(), key, Map.of("when", remind.when())))),
					List.of());
		}
		if (followUp instanceof FollowUp.Park) {
			lists.await(NextSessionLists.PARKED, conversation.channel(), id.value(), clock.millis());
			log.info("message left for the next session conversation={}", id);
		}
		else if (followUp instanceof FollowUp.Unpark) {
			lists.stopAwaiting(NextSessionLists.PARKED, id.value());
		}
		else if (followUp instanceof FollowUp.Leave) {
			line.leave(id);
		}
		else if (followUp instanceof FollowUp.Relay relay) {
			// the user's words are the first line the turn stored
			userWrote(id, relay.text(), relay.signal(), conversation.lines() - saved.transcript().size() + 1);
		}
		else if (followUp instanceof FollowUp.Feedback feedback) {
			// counted, never linked to the conversation
			store.count("feedback:" + feedback.choice());
		}
		else if (followUp instanceof FollowUp.Refused refused) {
			events.publishHere(new EscalationRefused(refused.session(), refused.reason(), clock.millis()));
		}
		else if (!(followUp instanceof FollowUp.Nothing)) {
			throw new IllegalStateException("no way to carry out " + followUp.getClass().getSimpleName());
		}
		return saved;
	}

	/**
	 * @return the opening rule's answer for {@code channel} now (nothing recorded)
	 */
	public OpeningDecision opening(Channel channel) {
		return duty.opening(channel);
	}

	/**
	 * The user is typing while a scout has the chat: the scout's console is told over
	 * pub/sub; nothing is stored.
	 * @return whether a scout holds the chat (otherwise nothing happens)
	 */
	public boolean userTyping(ConversationId id) {
		String scout = store.scoutOf(id.value());
		if (scout == null) {
			return false;
		}
		events.publish(new ChatEvent.UserTyped(id.value(), scout, clock.millis()));
		return true;
	}

	/**
	 * The user erased their data: the chat disappears from the queue and from the
	 * console.
	 */
	public void forget(ConversationId id) {
		store.forget(id.value());
		assist.forget(id.value());
		lists.forget(id.value());
		events.publish(new ChatEvent.ChatErased(id.value(), clock.millis()));
	}

	/**
	 * The user wants one message on their channel when the next live session there opens.
	 * @return whether their channel can reach them then without being asked (WhatsApp:
	 * 24-hour window)
	 */
	private boolean remindAtNextSession(Conversation conversation, FollowUp.Remind remind) {
		lists.await(NextSessionLists.REMIND, conversation.channel(), conversation.id().value(), clock.millis());
		log.info("session reminder requested conversation={}", conversation.id());
		return notices.gateway(conversation)
			.map(g -> g.canRemind(conversation, remind.occurrence().start().toInstant()))
			.orElse(false);
	}

	/**
	 * The user wrote while a scout has the chat: the scout sees it at once; a crisis
	 * flags the chat and alerts the supervisor with its kind and severity.
	 */
	private void userWrote(ConversationId id, String text, Screening signal, long seq) {
		String scout = store.scoutOf(id.value());
		Urgency urgency = Urgency.of(signal);
		if (urgency.crisis()) {
			if (store.flagCrisis(id.value(), urgency)) {
				line.crisisSignalled(store.state(id.value()).session());
			}
			events.publish(
					new ChatEvent.CrisisFlagged(id.value(), scout, urgency.kind(), urgency.severity(), clock.millis()));
			log.info("crisis signal in a live chat conversation={} severity={} kind={}", id, urgency.severity(),
					urgency.kind());
		}
		events.publish(
				new ChatEvent.MessageWritten(id.value(), "user", text, scout, urgency.crisis(), seq, clock.millis()));
	}

	private Turn withPosition(Turn turn, int position, String key) {
		if (position <= 0) {
			return turn;
		}
		String locale = turn.conversation().locale();
		return turn.around(List.of(), List.of(Bubble.notice(texts.format(locale, key, line.positionValues(position)))))
			.withChoices(choices.queue(locale));
	}

}
