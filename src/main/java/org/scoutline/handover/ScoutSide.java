package org.scoutline.handover;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.dialogue.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scout's side of the handover, called by the console: claims (exactly one of many
 * concurrent claims wins), the live relay to the user's own channel, notes, transfers,
 * closing, and the return of a chat whose scout vanished. Every change is published as a
 * {@link ChatEvent}. Logs carry conversation ids and event types only.
 */
@Component
public class ScoutSide {

	private static final Logger log = LoggerFactory.getLogger(ScoutSide.class);

	private final HandoverStore store;

	private final HandoverEvents events;

	private final Conversations conversations;

	private final Texts texts;

	private final HandoverSettings settings;

	private final UserNotices notices;

	private final ModeChoices choices;

	private final Clock clock;

	ScoutSide(HandoverStore store, HandoverEvents events, Conversations conversations, Texts texts,
			HandoverSettings settings, UserNotices notices, ModeChoices choices, Clock clock) {
		this.store = store;
		this.events = events;
		this.conversations = conversations;
		this.texts = texts;
		this.settings = settings;
		this.notices = notices;
		this.choices = choices;
		this.clock = clock;
	}

	/**
	 * @return how many chats this person may hold at once
	 */
	public int capacity(boolean supervisor) {
		return supervisor ? settings.capacity() * 2 : settings.capacity();
	}

	/**
	 * Claims a waiting chat; exactly one of many concurrent claims wins.
	 * @param alias the name the user sees
	 */
	public ClaimOutcome claim(ConversationId id, String scout, String alias, boolean supervisor) {
		ClaimOutcome outcome = store.claim(id.value(), scout, capacity(supervisor), clock.millis());
		return outcome == ClaimOutcome.OK ? claimed(id, scout, alias) : outcome;
	}

	/** {@code scout} has just taken the chat (claimed or accepted): the user is told. */
	ClaimOutcome claimed(ConversationId id, String scout, String alias) {
		ChatState state = store.state(id.value());
		Optional<Conversation> conversation = notices.notice(id, c -> c.inMode(Mode.WITH_SCOUT), "system.scout_joined",
				Map.of("name", alias));
		if (conversation.isEmpty()) {
			store.forget(id.value());
			return ClaimOutcome.GONE;
		}
		events.publish(
				new ChatEvent.ChatClaimed(id.value(), scout, state.session(), state.waitedMillis(), clock.millis()));
		log.info("handover claimed conversation={}", id);
		return ClaimOutcome.OK;
	}

	/**
	 * @return whether the scout holds the chat and the message went out (under their
	 * {@code alias}, the name the user sees, e.g. "Lena: …" on a messenger)
	 */
	public boolean scoutWrites(ConversationId id, String scout, String alias, String text) {
		if (!scout.equals(store.scoutOf(id.value()))) {
			return false;
		}
		Instant now = clock.instant();
		Optional<Conversation> saved = notices.save(id, UnaryOperator.identity(),
				List.of(TranscriptEntry.fromScout(now, text, alias)));
		if (saved.isEmpty()) {
			return false;
		}
		notices.deliverStored(saved.get(), List.of(Bubble.scout(text, alias)), List.of());
		events.publish(new ChatEvent.MessageWritten(id.value(), "scout", text, scout, false, saved.get().lines(),
				clock.millis()));
		return true;
	}

	/**
	 * Someone who may write this chat is typing: the user sees it where their channel can
	 * show it. Nothing is stored; a chat that nobody holds, or that is no longer live, is
	 * left alone.
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
		events.publish(
				new ChatEvent.MessageWritten(id.value(), "note", scout + ": " + text, scout, false, 0, clock.millis()));
	}

	/**
	 * @return the internal notes, oldest first
	 */
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
			notices.notice(id, UnaryOperator.identity(), "system.scout_transferred", Map.of("name", alias));
			events.publish(new ChatEvent.ChatTransferred(id.value(), to, clock.millis()));
			log.info("handover transferred conversation={}", id);
		}
		return outcome;
	}

	/**
	 * Closes a chat with an outcome: the bot takes over again and asks one optional
	 * feedback question.
	 * @return whether the scout held the chat
	 */
	public boolean close(ConversationId id, String scout, String alias, String outcome) {
		ChatState state = store.state(id.value());
		if (!store.close(id.value(), scout)) {
			return false;
		}
		store.count("outcome:" + outcome);
		notices.tell(id, c -> c.inMode(Mode.CLOSED),
				c -> List.of(Bubble.notice(texts.format(c.locale(), "system.scout_closed", Map.of("name", alias))),
						Bubble.text(texts.get(c.locale(), "system.feedback_ask"))),
				choices::of);
		CrisisSignalled.referred(outcome, state, clock.millis()).ifPresent(events::publishHere);
		events.publish(new ChatEvent.ChatClosed(id.value(), scout, outcome, state.session(),
				state.heldMillis(clock.millis()), clock.millis()));
		log.info("handover closed conversation={} outcome={}", id, outcome);
		return true;
	}

	/**
	 * @return who holds the chat, or {@code null}
	 */
	public String assignee(ConversationId id) {
		return store.scoutOf(id.value());
	}

	/**
	 * @return the chats a scout holds
	 */
	public List<String> chatsOf(String scout) {
		return new ArrayList<>(store.chatsOf(scout));
	}

	/**
	 * @return every chat held by anyone, oldest claim first
	 */
	public List<String> activeChats() {
		return store.held();
	}

	/**
	 * @return the waiting chats, first first
	 */
	public List<String> waiting() {
		return store.waiting();
	}

	/**
	 * @return where the chat stands in the handover ({@link ChatState#NONE} when neither
	 * waiting nor held)
	 */
	public ChatState state(ConversationId id) {
		return store.state(id.value());
	}

	/**
	 * A staff member's access was taken away: every chat they hold goes back to the front
	 * of the queue, and each user is told honestly, as when a scout vanishes.
	 * @return how many chats went back
	 */
	public int returnChatsOf(String scout) {
		return (int) List.copyOf(store.chatsOf(scout)).stream().filter(id -> requeue(id, scout)).count();
	}

	/**
	 * A scout vanished: the chat goes back to the front of the queue and the user is told
	 * honestly.
	 */
	boolean requeue(String id, String scout) {
		ChatState state = store.state(id);
		long queuedAt = state.queuedAt() == null ? clock.millis() : state.queuedAt();
		if (!store.requeue(id, scout, queuedAt, state.band())) {
			return false;
		}
		notices.notice(new ConversationId(id), c -> c.inMode(Mode.QUEUED), "system.scout_left", Map.of());
		events.publish(new ChatEvent.ChatRequeued(id, scout, clock.millis()));
		log.info("handover requeued conversation={} reason=scout_vanished", id);
		return true;
	}

}
