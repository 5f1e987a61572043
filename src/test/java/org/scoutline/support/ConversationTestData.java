package org.scoutline.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.InboundMessage;
import org.scoutline.conversation.Mode;

/**
 * Test data for conversations and messages, in the style of a fluent builder:
 * {@code aConversation().on(Channel.TELEGRAM).inMode(Mode.QUEUED).speaking("en").at("country").build()}.
 */
public final class ConversationTestData {

	public static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

	private Channel channel = Channel.WEB;

	private Mode mode = Mode.BOT;

	private String locale = "de";

	private String node = "situation";

	private final Map<String, String> facts = new HashMap<>();

	private ConversationTestData() {
	}

	/**
	 * A web conversation in German with the bot, at the situation question, with no facts
	 * yet.
	 */
	public static ConversationTestData aConversation() {
		return new ConversationTestData();
	}

	public ConversationTestData on(Channel value) {
		this.channel = value;
		return this;
	}

	public ConversationTestData inMode(Mode value) {
		this.mode = value;
		return this;
	}

	public ConversationTestData speaking(String value) {
		this.locale = value;
		return this;
	}

	public ConversationTestData at(String value) {
		this.node = value;
		return this;
	}

	public ConversationTestData with(String fact, String value) {
		this.facts.put(fact, value);
		return this;
	}

	public Conversation build() {
		return new Conversation(ConversationId.forPerson("pseudonym"), channel, "pseudonym", "address", mode, locale,
				node, Map.copyOf(facts), 3, 5, NOW.minusSeconds(600), NOW.minusSeconds(60));
	}

	/**
	 * @return a message from the user of a conversation on {@code channel}
	 */
	public static InboundMessage.Origin from(Channel channel) {
		return InboundMessage.Origin.of(channel, "user-1", "m-" + System.nanoTime());
	}

	public static InboundMessage typed(String text) {
		return new InboundMessage.Typed(from(Channel.WEB), text);
	}

	public static InboundMessage tapped(String choice) {
		return new InboundMessage.Tapped(from(Channel.WEB), choice);
	}

	public static InboundMessage media(Channel channel) {
		return new InboundMessage.Media(from(channel), "system.media_" + channel.name().toLowerCase());
	}

}
