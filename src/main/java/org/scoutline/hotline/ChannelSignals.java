package org.scoutline.hotline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Conversations.SaveOutcome;
import org.scoutline.conversation.Conversations.Transcript;
import org.scoutline.conversation.Mode;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.dialogue.Triage;
import org.scoutline.dialogue.TriageTurn;
import org.scoutline.handover.UserSide;
import org.scoutline.handover.UserTurns;
import org.scoutline.safety.Pseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a channel tells the hotline about a user besides their messages: they opened the
 * chat, they are typing, or the channel can no longer reach them. Nothing here is a turn:
 * nothing is answered.
 */
@Component
public class ChannelSignals {

	private static final Logger log = LoggerFactory.getLogger(ChannelSignals.class);

	private static final int HISTORY = 200;

	/** more lines than one turn of the bot ever shows */
	private static final int LAST_TURN = 40;

	private final Conversations conversations;

	private final Pseudonyms pseudonyms;

	private final Triage triage;

	private final UserTurns users;

	private final UserSide handover;

	ChannelSignals(Conversations conversations, Pseudonyms pseudonyms, Triage triage, UserTurns users,
			UserSide handover) {
		this.conversations = conversations;
		this.pseudonyms = pseudonyms;
		this.triage = triage;
		this.users = users;
		this.handover = handover;
	}

	/**
	 * What to show a user who opens the channel: their conversation so far, or the
	 * welcome for a new one (which is stored only once they answer).
	 */
	public Opening open(Channel channel, String userId, String localeHint) {
		return open(channel, userId, localeHint, null);
	}

	/**
	 * Like {@link #open(Channel, String, String)} for a channel that comes back after a
	 * lost connection: with {@code after}, the number of the last transcript line it has,
	 * the history is every line after it (resumed), when the store still has them all and
	 * they are not too many; else the recent history, to show from scratch.
	 */
	public Opening open(Channel channel, String userId, String localeHint, Long after) {
		String pseudonym = pseudonyms.of(channel.name(), userId);
		Conversation existing = conversations.find(pseudonym, null).conversation();
		if (existing == null) {
			TriageTurn welcome = triage.begin(localeHint);
			return new Opening(welcome.state().locale(), List.of(), welcome.bubbles(), welcome.choices());
		}
		Transcript missed = after == null ? null : conversations.since(existing.id(), after, HISTORY);
		boolean resumed = missed != null && missed.complete();
		Transcript history = resumed ? missed : conversations.since(existing.id(), 0, HISTORY);
		return new Opening(existing.locale(), history.lines(), List.of(), users.choices(existing),
				existing.mode() == Mode.WITH_SCOUT, history.last(), resumed);
	}

	/**
	 * The answer the bot gave to the user's last message, once more: for a message whose
	 * turn was saved, but whose reply may not have reached the user (the instance died in
	 * between, or the platform failed). These are the bot's lines of the conversation's
	 * last turn, as the transcript kept them, with the buttons of now; nothing when the
	 * last turn was not the bot's (a scout's chat).
	 */
	public Optional<HotlineReply> lastAnswer(Channel channel, String userId) {
		Conversation existing = conversations.find(pseudonyms.of(channel.name(), userId), null).conversation();
		if (existing == null) {
			return Optional.empty();
		}
		List<TranscriptEntry> recent = conversations.transcript(existing.id(), LAST_TURN);
		List<Bubble> bubbles = new ArrayList<>();
		for (int i = recent.size() - 1; i >= 0; i--) {
			TranscriptEntry entry = recent.get(i);
			if (entry.author() != TranscriptEntry.Author.BOT
					|| !entry.at().equals(recent.get(recent.size() - 1).at())) {
				break;
			}
			bubbles.add(new Bubble(entry.text(), entry.kind()));
		}
		if (bubbles.isEmpty()) {
			return Optional.empty();
		}
		Collections.reverse(bubbles);
		return Optional.of(new HotlineReply(existing.id(), existing.locale(), bubbles, users.choices(existing),
				HotlineReply.Outcome.ANSWERED));
	}

	/**
	 * The user is typing: a scout who holds the chat sees it in the console. Anything
	 * else (the bot, the queue, no conversation) ignores it. Nothing is stored.
	 */
	public void typing(Channel channel, String userId) {
		Conversation existing = conversations.find(pseudonyms.of(channel.name(), userId), null).conversation();
		if (existing != null && existing.mode() == Mode.WITH_SCOUT) {
			handover.userTyping(existing.id());
		}
	}

	/**
	 * Closes the conversation of a user the channel can no longer reach (a Telegram user
	 * who blocked the bot). The data stays until the retention period ends, as for any
	 * conversation; the next message from the user opens it again with the bot.
	 * @return whether there was a conversation to close
	 */
	public boolean unreachable(Channel channel, String userId) {
		String pseudonym = pseudonyms.of(channel.name(), userId);
		for (int attempt = 1; attempt <= Retry.MAX_ATTEMPTS; attempt++) {
			Conversation existing = conversations.find(pseudonym, null).conversation();
			if (existing == null || existing.mode() == Mode.CLOSED) {
				return existing != null;
			}
			if (conversations.save(existing.inMode(Mode.CLOSED), null, List.of()) != SaveOutcome.CONFLICT) {
				log.info("conversation closed, user unreachable conversation={} channel={}", existing.id(), channel);
				return true;
			}
			Retry.backOff(attempt);
		}
		return false;
	}

}
