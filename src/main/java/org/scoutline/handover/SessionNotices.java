package org.scoutline.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Mode;
import org.scoutline.dialogue.CrisisCards;
import org.scoutline.dialogue.Texts;
import org.scoutline.dialogue.TriageState;
import org.scoutline.safety.CrisisDetector.Screening;
import org.scoutline.schedule.EscalationsStopped;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.LiveSessions;
import org.scoutline.schedule.SessionCancelled;
import org.scoutline.schedule.SessionEnded;
import org.scoutline.schedule.SessionOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the users hear when a live session opens, stops taking new chats and ends. The
 * schedule publishes each of these moments once across all instances; the lists of
 * reminders and left messages are emptied atomically, so each user hears each notice
 * once.
 * <ul>
 * <li>At the start, on each of the session's channels: messages left for the scouts join
 * the queue (the user is told their position) and users who asked for a reminder get one
 * message, where their channel allows it.</li>
 * <li>When new escalations stop: each user waiting for this session is told honestly
 * whether a scout will still get to them before the end.</li>
 * <li>At the end (or when a running session is cancelled): users still waiting are told,
 * leave the queue, and are offered the next sessions, a reminder and a message for the
 * scouts. Open chats may finish.</li>
 * </ul>
 */
@Component
class SessionNotices {

	private static final Logger log = LoggerFactory.getLogger(SessionNotices.class);

	private final HandoverStore store;

	private final UserSide users;

	private final WaitingLine line;

	private final NextSessionLists lists;

	private final UserNotices notices;

	private final OffHours offHours;

	private final Conversations conversations;

	private final Texts texts;

	private final CrisisCards cards;

	private final LiveSessions sessions;

	private final ModeChoices choices;

	private final Clock clock;

	SessionNotices(HandoverStore store, NextSessionLists lists, UserSide users, WaitingLine line, UserNotices notices,
			OffHours offHours, Conversations conversations, Texts texts, CrisisCards cards, LiveSessions sessions,
			ModeChoices choices, Clock clock) {
		this.choices = choices;
		this.clock = clock;
		this.sessions = sessions;
		this.store = store;
		this.users = users;
		this.line = line;
		this.lists = lists;
		this.notices = notices;
		this.offHours = offHours;
		this.conversations = conversations;
		this.texts = texts;
		this.cards = cards;
	}

	@EventListener
	void on(SessionOpened opened) {
		Occurrence occurrence = opened.occurrence();
		int queued = 0;
		int reminded = 0;
		for (Channel channel : occurrence.session().channels()) {
			for (String id : lists.take(NextSessionLists.PARKED, channel)) {
				queued += queueLeftMessage(new ConversationId(id), occurrence) ? 1 : 0;
			}
			for (String id : lists.take(NextSessionLists.REMIND, channel)) {
				reminded += remind(new ConversationId(id), occurrence) ? 1 : 0;
			}
		}
		log.info("live session opened session={} leftMessagesQueued={} reminders={}", occurrence.session().id(), queued,
				reminded);
	}

	@EventListener
	void on(EscalationsStopped stopped) {
		Occurrence occurrence = stopped.occurrence();
		long minutesLeft = Math.max(0, Duration.between(clock.instant(), occurrence.end().toInstant()).toMinutes());
		IntUnaryOperator estimate = line.waitEstimate();
		int position = 0;
		int told = 0;
		for (String id : store.waiting()) {
			position++;
			if (!belongsTo(id, occurrence)) {
				continue;
			}
			boolean reachable = estimate.applyAsInt(position) <= minutesLeft;
			int place = position;
			notices.tell(new ConversationId(id), UnaryOperator.identity(),
					c -> stopNotice(c, occurrence, place, reachable), choices::of);
			told++;
		}
		log.info("live session stopped new chats session={} waitingTold={}", occurrence.session().id(), told);
	}

	@EventListener
	void on(SessionEnded ended) {
		endWaits(ended.occurrence());
	}

	@EventListener
	void on(SessionCancelled cancelled) {
		if (cancelled.running() != null) {
			endWaits(cancelled.running());
		}
	}

	private void endWaits(Occurrence occurrence) {
		int told = 0;
		Map<Channel, Boolean> served = new EnumMap<>(Channel.class);
		for (String id : store.waiting()) {
			if (!belongsTo(id, occurrence)) {
				continue;
			}
			ConversationId conversation = new ConversationId(id);
			Optional<Conversation> current = conversations.get(conversation);
			if (current.isPresent()
					&& served.computeIfAbsent(current.get().channel(), channel -> stillServed(channel, occurrence))) {
				// another session on this channel is still live: the user keeps their
				// place
				continue;
			}
			if (!line.endWait(id, occurrence.key())) {
				continue; // taken by a scout or gone meanwhile
			}
			notices.tell(conversation, c -> c.inMode(Mode.BOT), c -> endNotice(c, occurrence),
					c -> endChoices(c, occurrence));
			told++;
		}
		log.info("live session ended session={} stillWaitingTold={}", occurrence.session().id(), told);
	}

	private boolean queueLeftMessage(ConversationId id, Occurrence occurrence) {
		Optional<Conversation> conversation = conversations.get(id).filter(c -> c.mode() == Mode.PARKED);
		if (conversation.isEmpty()) {
			return false;
		}
		int position = line.enqueue(conversation.get(), Screening.NONE, occurrence);
		Optional<Conversation> told = notices.tell(id, c -> c.inMode(Mode.QUEUED), c -> List.of(Bubble.notice(
				texts.format(c.locale(), "system.left_message_queued", line.positionValues(Math.max(1, position))))),
				choices::of);
		if (told.isEmpty()) {
			line.leave(id);
		}
		return told.isPresent();
	}

	private boolean remind(ConversationId id, Occurrence occurrence) {
		Optional<Conversation> conversation = conversations.get(id)
			.filter(c -> c.mode() == Mode.BOT || c.mode() == Mode.CLOSED);
		if (conversation.isEmpty()) {
			return false;
		}
		return notices.remind(id,
				c -> List.of(Bubble.notice(texts.format(c.locale(), "system.session_started",
						Map.of("until", offHours.until(c, occurrence), "title", occurrence.session().title())))),
				c -> List.of(choices.choice(c.locale(), ModeChoices.ASK_SCOUT)))
			.isPresent();
	}

	private List<Bubble> stopNotice(Conversation conversation, Occurrence occurrence, int position, boolean reachable) {
		String until = offHours.until(conversation, occurrence);
		Map<String, String> values = Map.of("position", Integer.toString(position), "until", until);
		if (reachable) {
			return List.of(Bubble.notice(texts.format(conversation.locale(), "system.stop_reachable", values)));
		}
		Map<String, String> withLines = new HashMap<>(values);
		withLines.put("crisis_lines", cards.crisisLines(TriageState.of(conversation)));
		return List.of(Bubble.notice(texts.format(conversation.locale(), "system.stop_unreachable", withLines)));
	}

	private List<Bubble> endNotice(Conversation conversation, Occurrence ended) {
		List<Bubble> bubbles = new ArrayList<>();
		bubbles.add(Bubble.notice(texts.format(conversation.locale(), "system.session_ended",
				Map.of("crisis_lines", cards.crisisLines(TriageState.of(conversation))))));
		bubbles.add(Bubble.notice(offHours.nextSessions(conversation, next(conversation, ended))));
		return bubbles;
	}

	private List<Choice> endChoices(Conversation conversation, Occurrence ended) {
		List<Choice> offered = new ArrayList<>();
		if (!next(conversation, ended).isEmpty()) {
			offered.addAll(choices.sessionOffers(conversation.locale()));
		}
		offered.addAll(choices.of(conversation.inMode(Mode.BOT))); // the triage's buttons
		return offered;
	}

	private List<Occurrence> next(Conversation conversation, Occurrence ended) {
		Instant after = ended.end().toInstant().isAfter(clock.instant()) ? ended.end().toInstant() : clock.instant();
		return sessions.startingAfter(conversation.channel(), after);
	}

	/**
	 * @return whether a waiting chat is this occurrence's (chats that joined before
	 * reports existed count too)
	 */
	private boolean belongsTo(String id, Occurrence occurrence) {
		String session = store.state(id).session();
		return session == null || session.equals(occurrence.key());
	}

	private boolean stillServed(Channel channel, Occurrence ending) {
		return users.opening(channel).running().filter(o -> !o.key().equals(ending.key())).isPresent();
	}

}
