package org.scoutline.conversation;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the hotline keeps about one conversation. Immutable: every change makes a
 * new value, and the store saves it only if nobody else saved a newer version in the
 * meantime.
 *
 * @param id the random conversation id
 * @param channel where the person writes from
 * @param pseudonym the keyed pseudonym of the person's channel user id (never the raw id)
 * @param replyAddress what the channel needs to answer (a chat id, a phone number),
 * stored encrypted and only here; {@code null} for the web, which answers on the open
 * socket
 * @param mode who answers now
 * @param locale {@code de} or {@code en}
 * @param node the triage state the dialogue is in
 * @param facts what the triage learned (situation, age band, country, risk ...), never
 * names or dates of birth
 * @param version incremented by every save; 0 for a conversation not yet saved
 * @param lines how many transcript lines were ever appended (trimmed ones too): the
 * sequence number of the last one, which the widget and the console resume from; lines
 * are numbered 1, 2, 3 ... per conversation
 * @param startedAt when the conversation began
 * @param lastActiveAt the last message; the retention period runs from here
 */
public record Conversation(ConversationId id, Channel channel, String pseudonym, String replyAddress, Mode mode,
		String locale, String node, Map<String, String> facts, long version, long lines, Instant startedAt,
		Instant lastActiveAt) {

	public Conversation {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(pseudonym, "pseudonym");
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(locale, "locale");
		Objects.requireNonNull(node, "node");
		facts = Map.copyOf(facts);
		Objects.requireNonNull(startedAt, "startedAt");
		Objects.requireNonNull(lastActiveAt, "lastActiveAt");
	}

	/** A conversation that has not been saved yet. */
	public static Conversation start(Channel channel, String pseudonym, String replyAddress, String locale, String node,
			Map<String, String> facts, Instant now) {
		return new Conversation(ConversationId.forPerson(pseudonym), channel, pseudonym, replyAddress, Mode.BOT, locale,
				node, facts, 0, 0, now, now);
	}

	/**
	 * @return the same conversation with the dialogue moved on
	 */
	public Conversation withDialogue(String locale, String node, Map<String, String> facts) {
		return new Conversation(id, channel, pseudonym, replyAddress, mode, locale, node, facts, version, lines,
				startedAt, lastActiveAt);
	}

	/**
	 * @return the same conversation, active now, answering at {@code address} when it is
	 * given
	 */
	public Conversation touched(Instant now, String address) {
		return new Conversation(id, channel, pseudonym, address != null ? address : replyAddress, mode, locale, node,
				facts, version, lines, startedAt, now);
	}

	/**
	 * @return the same conversation in another mode
	 */
	public Conversation inMode(Mode newMode) {
		return new Conversation(id, channel, pseudonym, replyAddress, newMode, locale, node, facts, version, lines,
				startedAt, lastActiveAt);
	}

	/**
	 * @return the conversation as the store holds it after saving this value with
	 * {@code appended} transcript lines (the next version, the lines numbered on)
	 */
	public Conversation saved(int appended) {
		return new Conversation(id, channel, pseudonym, replyAddress, mode, locale, node, facts, version + 1,
				lines + appended, startedAt, lastActiveAt);
	}

	/**
	 * @return the risk level the triage recorded ({@code imminent}, {@code high},
	 * {@code low}) or {@code null}
	 */
	public String risk() {
		return facts.get("risk");
	}

	/**
	 * Names the ids and the mode only: the reply address and the facts stay out of logs.
	 */
	@Override
	public String toString() {
		return "Conversation[id=" + id + ", channel=" + channel + ", mode=" + mode + ", node=" + node + ", version="
				+ version + ", lines=" + lines + "]";
	}

	/**
	 * @return whether this value was never saved
	 */
	public boolean isNew() {
		return version == 0;
	}

}
