package org.scoutline.handover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.scoutline.conversation.CrisisSignal;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.dialogue.Texts;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.OpeningDecision;
import org.scoutline.schedule.SessionReports;
import org.scoutline.safety.CrisisDetector.Screening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The handover's facade: the queue, claims, the live relay between a scout and the user's own channel, transfers
 * and closing. The hotline calls it for the user's side, the console for the scout's side. Every change is
 * published as a {@link ChatEvent} to all instances. Logs carry conversation ids and event types only.
 */
@Component
public class Handover {

	private static final Logger log = LoggerFactory.getLogger(Handover.class);

	/** the choice that takes a waiting user out of the queue */
	public static final String LEAVE_QUEUE = "leave_queue";

	/** the feedback choices offered after a scout closed the chat */
	public static final List<String> FEEDBACK = List.of("feedback_yes", "feedback_partly", "feedback_no");

	/** the choice that shows the action plan again after a chat */
	public static final String SHOW_PLAN = "show_plan";

	/** the choice that asks for one reminder when the next live session opens */
	public static final String REMIND_ME = "remind_me";

	/** the choice that keeps what the user writes for the scouts of the next live session */
	public static final String LEAVE_MESSAGE = "leave_message";

	/** the choice that takes a message left for the next session back */
	public static final String TAKE_BACK_MESSAGE = "take_back_message";

	/** the choice in a reminder that asks for a scout */
	public static final String ASK_SCOUT = "ask_scout";

	private final HandoverStore store;

	private final HandoverEvents events;

	private final Conversations conversations;

	private final Texts texts;

	private final HandoverSettings settings;

	private final ScoutDuty duty;

	private final UserNotices notices;

	private final SessionReports reports;

	private final Clock clock = Clock.systemUTC();

	Handover(HandoverStore store, HandoverEvents events, Conversations conversations, Texts texts,
			HandoverSettings settings, ScoutDuty duty, UserNotices notices, SessionReports reports) {
		this.store = store;
		this.events = events;
		this.conversations = conversations;
		this.texts = texts;
		this.settings = settings;
		this.duty = duty;
		this.notices = notices;
		this.reports = reports;
	}

	// ---------- the user's side (called by the hotline after its turn was saved) ----------

	/**
	 * Puts the chat in the queue, or moves it up when a crisis signal makes it more urgent: imminent danger goes
	 * ahead of every other crisis chat, a crisis ahead of everyone else. A crisis alerts the supervisor with its kind
	 * and severity (never the message).
	 * A crisis message the user wrote earlier in the conversation counts too.
	 * @param conversation the conversation as just saved
	 * @param signal what the crisis screen found in the message that escalated ({@link Screening#NONE}: nothing)
	 * @param occurrence the live session the user joins (counted in its report), {@code null} when already waiting
	 * @return the user's position in the queue (1-based), or 0 when a scout already has the chat
	 */
	public int enqueue(Conversation conversation, Screening signal, Occurrence occurrence) {
		ConversationId id = conversation.id();
		Urgency urgency = Urgency.of(signal)
			.or(CrisisSignal.worst(conversation.facts()).map(Urgency::of).orElse(Urgency.NONE));
		HandoverStore.Enqueued enqueued = store.enqueue(id.value(), urgency, clock.millis(),
				occurrence == null ? null : occurrence.key());
		if (enqueued.position() > 0) {
			publish(ChatEvent.Type.QUEUED, id.value(), null, null, null, urgency);
			log.info("handover queued conversation={} crisis={} severity={} kind={}", id, urgency.crisis(),
					urgency.severity(), urgency.kind());
		}
		if (enqueued.joined() && occurrence != null) {
			reports.waited(occurrence, urgency.crisis());
		}
		return enqueued.position();
	}

	/** @return the opening rule's answer for {@code channel} now (nothing recorded) */
	public OpeningDecision opening(Channel channel) {
		return duty.opening(channel);
	}

	/** @return whether the user was waiting and has now left the queue */
	public boolean leave(ConversationId id) {
		String occurrence = store.fields(id.value()).get("session");
		boolean left = store.leave(id.value());
		if (left) {
			reports.gaveUp(occurrence);
			publish(ChatEvent.Type.LEFT, id.value(), null, null, null, false);
		}
		return left;
	}

	/**
	 * The user wants one message on their channel when the next live session there opens.
	 * @return whether their channel can reach them at {@code at} without being asked (WhatsApp: 24-hour window)
	 */
	public boolean remindAtNextSession(Conversation conversation, Instant at) {
		store.await(HandoverStore.REMIND, conversation.channel(), conversation.id().value(), clock.millis());
		log.info("session reminder requested conversation={}", conversation.id());
		return notices.gateway(conversation).map(g -> g.canRemind(conversation, at)).orElse(false);
	}

	/** The user left a message for the scouts: the conversation joins the queue when the next session opens. */
	public void park(Conversation conversation) {
		store.await(HandoverStore.PARKED, conversation.channel(), conversation.id().value(), clock.millis());
		log.info("message left for the next session conversation={}", conversation.id());
	}

	/** The user took their message back. */
	public void unpark(ConversationId id) {
		store.stopAwaiting(HandoverStore.PARKED, id.value());
	}

	/** @return the 1-based position, or 0 when not waiting */
	public int position(ConversationId id) {
		return store.position(id.value());
	}

	/** @return an honest estimate of the wait in minutes for this position */
	public int estimateMinutes(int position) {
		return waitEstimate().applyAsInt(position);
	}

	/** @return the estimate in minutes by position, with the people on duty read once (for many positions) */
	IntUnaryOperator waitEstimate() {
		int scouts = Math.max(1, duty.onDuty().size() * settings.capacity());
		return position -> Math.max(1, (int) Math.ceil((double) position * settings.minutesPerChat() / scouts));
	}

	/**
	 * The user wrote while a scout has the chat: the scout sees it at once; a crisis flags the chat and alerts the
	 * supervisor with its kind and severity.
	 */
	public void userWrote(ConversationId id, String text, Screening signal) {
		String scout = store.scoutOf(id.value());
		Urgency urgency = Urgency.of(signal);
		if (urgency.crisis()) {
			store.flagCrisis(id.value(), urgency);
			publish(ChatEvent.Type.CRISIS, id.value(), null, null, scout, urgency);
			log.info("crisis signal in a live chat conversation={} severity={} kind={}", id, urgency.severity(),
					urgency.kind());
		}
		publish(ChatEvent.Type.MESSAGE, id.value(), "user", text, scout, urgency.crisis());
	}

	/**
	 * The user is typing while a scout has the chat: the scout's console is told over pub/sub; nothing is stored.
	 * @return whether a scout holds the chat (otherwise nothing happens)
	 */
	public boolean userTyping(ConversationId id) {
		String scout = store.scoutOf(id.value());
		if (scout == null) {
			return false;
		}
		publish(ChatEvent.Type.TYPING, id.value(), "user", null, scout, false);
		return true;
	}

	/** The user erased their data: the chat disappears from the queue and from the console. */
	public void forget(ConversationId id) {
		store.forget(id.value());
		publish(ChatEvent.Type.ERASED, id.value(), null, null, null, false);
	}

	/** The user answered the feedback question: counted, never linked to the conversation. */
	public void feedback(String choice) {
		store.count("feedback:" + choice);
	}

	// ---------- the scout's side (called by the console) ----------

	/** @return how many chats this person may hold at once */
	public int capacity(boolean supervisor) {
		return supervisor ? settings.capacity() * 2 : settings.capacity();
	}

	/**
	 * Claims a waiting chat; exactly one of many concurrent claims wins.
	 * @param alias the name the user sees
	 */
	public ClaimOutcome claim(ConversationId id, String scout, String alias, boolean supervisor) {
		ClaimOutcome outcome = store.claim(id.value(), scout, capacity(supervisor), clock.millis());
		if (outcome != ClaimOutcome.OK) {
			return outcome;
		}
		Map<String, String> fields = store.fields(id.value());
		Optional<Conversation> conversation = update(id, c -> c.inMode(Mode.WITH_SCOUT), "system.scout_joined",
				Map.of("name", alias));
		if (conversation.isEmpty()) {
			store.forget(id.value());
			return ClaimOutcome.GONE;
		}
		reports.reached(fields.get("session"), between(fields.get("queuedAt"), fields.get("claimedAt")));
		publish(ChatEvent.Type.CLAIMED, id.value(), null, null, scout, false);
		log.info("handover claimed conversation={}", id);
		return outcome;
	}

	/** @return whether the scout holds the chat and the message went out */
	public boolean scoutWrites(ConversationId id, String scout, String text) {
		if (!scout.equals(store.scoutOf(id.value()))) {
			return false;
		}
		Instant now = clock.instant();
		Optional<Conversation> saved = notices.save(id, UnaryOperator.identity(),
				List.of(TranscriptEntry.fromScout(now, text)));
		if (saved.isEmpty()) {
			return false;
		}
		notices.deliver(saved.get(), List.of(Bubble.scout(text)), List.of());
		publish(ChatEvent.Type.MESSAGE, id.value(), "scout", text, scout, false);
		return true;
	}

	/**
	 * Someone who may write this chat is typing: the user sees it where their channel can show it. Nothing is
	 * stored; a chat that nobody holds, or that is no longer live, is left alone.
	 * @param alias the name the user sees
	 * @return whether the chat is live with a scout and the signal went out
	 */
	public boolean scoutTyping(ConversationId id, String alias) {
		if (store.scoutOf(id.value()) == null) {
			return false;
		}
		Optional<Conversation> conversation = conversations.get(id).filter(c -> c.mode() == Mode.WITH_SCOUT);
		conversation.ifPresent(c -> notices.gateway(c).ifPresent(gateway -> {
			try {
				gateway.typing(c, alias);
			}
			catch (RuntimeException ex) {
				log.debug("typing signal failed conversation={} cause={}", id, ex.getClass().getSimpleName());
			}
		}));
		return conversation.isPresent();
	}

	/** Adds an internal note; the user never sees it. */
	public void note(ConversationId id, String scout, String text) {
		conversations.addNote(id, scout + ": " + text);
		publish(ChatEvent.Type.MESSAGE, id.value(), "note", scout + ": " + text, scout, false);
	}

	/** @return the internal notes, oldest first */
	public List<String> notes(ConversationId id) {
		return conversations.notes(id, 100);
	}

	/**
	 * Hands a chat to another scout or the supervisor.
	 * @param from who holds it now
	 * @param alias the receiver's name, as the user will see it
	 */
	public ClaimOutcome transfer(ConversationId id, String from, String to, String alias, boolean toSupervisor) {
		ClaimOutcome outcome = store.transfer(id.value(), from, to, capacity(toSupervisor));
		if (outcome == ClaimOutcome.OK && !from.equals(to)) {
			update(id, UnaryOperator.identity(), "system.scout_transferred", Map.of("name", alias));
			publish(ChatEvent.Type.TRANSFERRED, id.value(), null, null, to, false);
			log.info("handover transferred conversation={}", id);
		}
		return outcome;
	}

	/**
	 * Closes a chat with an outcome: the bot takes over again and asks one optional feedback question.
	 * @return whether the scout held the chat
	 */
	public boolean close(ConversationId id, String scout, String alias, String outcome) {
		Map<String, String> fields = store.fields(id.value());
		if (!store.close(id.value(), scout)) {
			return false;
		}
		store.count("outcome:" + outcome);
		reports.closed(fields.get("session"), outcome,
				between(fields.get("claimedAt"), Long.toString(clock.millis())));
		notices.tell(id, c -> c.inMode(Mode.CLOSED), c -> List.of(
				Bubble.notice(texts.format(c.locale(), "system.scout_closed", Map.of("name", alias))),
				Bubble.text(texts.get(c.locale(), "system.feedback_ask"))), this::choicesFor);
		publish(ChatEvent.Type.CLOSED, id.value(), null, outcome, scout, false);
		log.info("handover closed conversation={} outcome={}", id, outcome);
		return true;
	}

	/** @return who holds the chat, or {@code null} */
	public String assignee(ConversationId id) {
		return store.scoutOf(id.value());
	}

	/** @return the chats a scout holds */
	public List<String> chatsOf(String scout) {
		return new ArrayList<>(store.chatsOf(scout));
	}

	/** @return every chat held by anyone, oldest claim first */
	public List<String> activeChats() {
		return store.held();
	}

	/** @return the waiting chats, first first */
	public List<String> waiting() {
		return store.waiting();
	}

	/** @return the handover fields of a chat (queuedAt, crisis, band, kind, severity, scout, claimedAt), empty when unknown */
	public Map<String, String> state(ConversationId id) {
		return store.fields(id.value());
	}

	/** The choices a user sees after a chat was closed. */
	public List<Choice> feedbackChoices(String locale) {
		List<Choice> choices = new ArrayList<>();
		FEEDBACK.forEach(id -> choices.add(new Choice(id, texts.get(locale, "system." + id))));
		choices.add(new Choice(SHOW_PLAN, texts.get(locale, "system.show_plan")));
		return choices;
	}

	/** The choice a user who left a message for the next session sees. */
	public List<Choice> parkedChoices(String locale) {
		return List.of(new Choice(TAKE_BACK_MESSAGE, texts.get(locale, "system.take_back_message")));
	}

	/** The choice a waiting user sees. */
	public List<Choice> queueChoices(String locale) {
		return List.of(new Choice(LEAVE_QUEUE, texts.get(locale, "system.leave_queue")));
	}

	// ---------- the sweeper's side ----------

	/** A scout vanished: the chat goes back to the front of the queue and the user is told honestly. */
	boolean requeue(String id, String scout) {
		Map<String, String> fields = store.fields(id);
		String queuedAt = fields.getOrDefault("queuedAt", Long.toString(clock.millis()));
		if (!store.requeue(id, scout, Long.parseLong(queuedAt), Urgency.bandOf(fields))) {
			return false;
		}
		ConversationId conversation = new ConversationId(id);
		update(conversation, c -> c.inMode(Mode.QUEUED), "system.scout_left", Map.of());
		publish(ChatEvent.Type.REQUEUED, id, null, null, scout, false);
		log.info("handover requeued conversation={} reason=scout_vanished", id);
		return true;
	}

	/**
	 * The session a user waited for ended before a scout could take them: they leave the queue, counted as not
	 * reached in the session's report.
	 * @return whether they were still waiting
	 */
	boolean endWait(String id, String occurrence) {
		if (!store.leave(id)) {
			return false;
		}
		reports.unreached(occurrence);
		publish(ChatEvent.Type.LEFT, id, null, null, null, false);
		log.info("handover wait ended with the session conversation={}", id);
		return true;
	}

	/** Tells a waiting user their new position; a chat whose conversation expired meanwhile leaves the queue. */
	void tellPosition(String id, int position) {
		ConversationId conversation = new ConversationId(id);
		conversations.get(conversation).ifPresentOrElse(c -> notices.deliver(c, List.of(Bubble.notice(texts.format(
				c.locale(), "system.queue_position", positionValues(position)))), queueChoices(c.locale())),
				() -> leave(conversation));
	}

	/** @return the values for the position texts */
	public Map<String, String> positionValues(int position) {
		return Map.of("position", Integer.toString(position), "minutes", Integer.toString(estimateMinutes(position)));
	}

	// ---------- helpers ----------

	/** Changes the conversation and tells the user one notice, followed by the buttons of its new mode. */
	private Optional<Conversation> update(ConversationId id, UnaryOperator<Conversation> change, String key,
			Map<String, String> values) {
		return notices.tell(id, change, c -> List.of(Bubble.notice(texts.format(c.locale(), key, values))),
				this::choicesFor);
	}

	/** @return the buttons a user sees in the conversation's mode */
	List<Choice> choicesFor(Conversation conversation) {
		return switch (conversation.mode()) {
			case QUEUED -> queueChoices(conversation.locale());
			case CLOSED -> feedbackChoices(conversation.locale());
			case PARKED -> parkedChoices(conversation.locale());
			default -> List.of();
		};
	}

	private static Duration between(String fromMillis, String toMillis) {
		if (fromMillis == null || toMillis == null) {
			return Duration.ZERO;
		}
		return Duration.ofMillis(Math.max(0, Long.parseLong(toMillis) - Long.parseLong(fromMillis)));
	}

	private void publish(ChatEvent.Type type, String id, String author, String text, String scout, boolean crisis) {
		events.publish(new ChatEvent(type, id, author, text, scout, crisis, null, null, clock.millis()));
	}

	private void publish(ChatEvent.Type type, String id, String author, String text, String scout, Urgency urgency) {
		events.publish(new ChatEvent(type, id, author, text, scout, urgency.crisis(), urgency.kind(),
				urgency.severity(), clock.millis()));
	}

}
