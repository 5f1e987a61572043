package org.scoutline.handover;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.ChannelGateway;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Conversations.SaveOutcome;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.dialogue.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a user something nobody asked for (a scout joined, the queue moved, a session
 * opened or ended): changes the conversation, appends what is shown to the transcript
 * (with retries on concurrent saves) and sends it over the user's own channel. Logs carry
 * conversation ids and causes only.
 */
@Component
class UserNotices {

	private static final Logger log = LoggerFactory.getLogger(UserNotices.class);

	private static final int MAX_ATTEMPTS = 8;

	private final Conversations conversations;

	/**
	 * outbound only: no gateway depends on the hotline, so they are plain constructor
	 * arguments
	 */
	private final List<ChannelGateway> gateways;

	private final Texts texts;

	private final ModeChoices choices;

	private final Clock clock;

	UserNotices(Conversations conversations, List<ChannelGateway> gateways, Texts texts, ModeChoices choices,
			Clock clock) {
		this.conversations = conversations;
		this.gateways = List.copyOf(gateways);
		this.texts = texts;
		this.choices = choices;
		this.clock = clock;
	}

	/**
	 * Changes the conversation and tells the user one notice ({@code key} with
	 * {@code values}), followed by the buttons of its new mode.
	 * @return the saved conversation, empty when it no longer exists or could not be
	 * saved
	 */
	Optional<Conversation> notice(ConversationId id, UnaryOperator<Conversation> change, String key,
			Map<String, String> values) {
		return tell(id, change, c -> List.of(Bubble.notice(texts.format(c.locale(), key, values))), choices::of);
	}

	/**
	 * @param change how the conversation changes (its mode, say)
	 * @param shown what the user sees, given the conversation as it is now (its language,
	 * facts, channel)
	 * @param choices the buttons after it, given the changed conversation
	 * @return the saved conversation, empty when it no longer exists or could not be
	 * saved
	 */
	Optional<Conversation> tell(ConversationId id, UnaryOperator<Conversation> change,
			Function<Conversation, List<Bubble>> shown, Function<Conversation, List<Choice>> choices) {
		return tell(id, change, shown, choices, false);
	}

	/**
	 * Like {@link #tell}, but sent as a reminder the user opted in to (the channel may
	 * refuse it).
	 */
	Optional<Conversation> remind(ConversationId id, Function<Conversation, List<Bubble>> shown,
			Function<Conversation, List<Choice>> choices) {
		return tell(id, UnaryOperator.identity(), shown, choices, true);
	}

	private Optional<Conversation> tell(ConversationId id, UnaryOperator<Conversation> change,
			Function<Conversation, List<Bubble>> shown, Function<Conversation, List<Choice>> choices,
			boolean reminder) {
		Optional<Conversation> current = conversations.get(id);
		if (current.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		if (reminder && !gateway(current.get()).map(g -> g.canRemind(current.get(), now)).orElse(false)) {
			log.info("session reminder not allowed on the channel now conversation={}", id);
			// nothing goes into the transcript that the user never got
			return Optional.empty();
		}
		List<Bubble> bubbles = shown.apply(current.get());
		List<TranscriptEntry> lines = bubbles.stream().map(b -> TranscriptEntry.fromBot(now, b)).toList();
		Optional<Conversation> saved = save(id, change, lines);
		saved.ifPresent(c -> {
			if (reminder) {
				remind(c, bubbles, choices.apply(c));
			}
			else {
				deliverStored(c, bubbles, choices.apply(c));
			}
		});
		return saved;
	}

	/**
	 * Saves a change with transcript lines, retrying on concurrent saves. @return the
	 * saved conversation
	 */
	Optional<Conversation> save(ConversationId id, UnaryOperator<Conversation> change, List<TranscriptEntry> lines) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Optional<Conversation> current = conversations.get(id);
			if (current.isEmpty()) {
				return Optional.empty();
			}
			Conversation changed = change.apply(current.get());
			if (conversations.save(changed, null, lines) == SaveOutcome.SAVED) {
				return Optional.of(changed.saved(lines.size()));
			}
		}
		log.warn("handover gave up saving conversation={}", id);
		return Optional.empty();
	}

	Optional<ChannelGateway> gateway(Conversation conversation) {
		return gateways.stream().filter(g -> g.channel() == conversation.channel()).findFirst();
	}

	/** Sends what is not in the transcript (the queue position). */
	void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		deliver(conversation, bubbles, choices, 0);
	}

	/**
	 * Sends what was just stored: {@code bubbles} are the last transcript lines of the
	 * saved {@code conversation}.
	 */
	void deliverStored(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		deliver(conversation, bubbles, choices, bubbles.isEmpty() ? 0 : conversation.lines());
	}

	private void deliver(Conversation conversation, List<Bubble> bubbles, List<Choice> choices, long seq) {
		ChannelGateway gateway = gateway(conversation).orElse(null);
		if (gateway == null) {
			log.warn("no gateway for channel={} conversation={}", conversation.channel(), conversation.id());
			return;
		}
		try {
			gateway.deliver(conversation, bubbles, choices, seq);
		}
		catch (RuntimeException ex) {
			log.warn("delivery failed conversation={} cause={}", conversation.id(), ex.getClass().getSimpleName());
		}
	}

	private void remind(Conversation conversation, List<Bubble> bubbles, List<Choice> choices) {
		ChannelGateway gateway = gateway(conversation).orElse(null);
		try {
			boolean sent = gateway != null && gateway.remind(conversation, bubbles, choices);
			log.info("session reminder conversation={} sent={}", conversation.id(), sent);
		}
		catch (RuntimeException ex) {
			log.warn("reminder failed conversation={} cause={}", conversation.id(), ex.getClass().getSimpleName());
		}
	}

}
