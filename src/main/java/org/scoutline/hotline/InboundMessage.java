package org.scoutline.hotline;

import java.util.Objects;

import org.scoutline.conversation.Channel;

/**
 * A message from a user as a channel adapter understood it. The raw user id and reply address only pass through:
 * the user id becomes a pseudonym, the reply address is stored encrypted inside the conversation.
 *
 * @param channel where it came from
 * @param userId the channel's id of the user (chat id, phone number, web token)
 * @param replyAddress what the channel needs to answer, or {@code null}
 * @param messageId the channel's id of this message, for de-duplication, or {@code null}
 * @param localeHint the user's language as the channel knows it, or {@code null}
 * @param kind what the message is
 * @param text the typed text ({@link Kind#TEXT})
 * @param choice the id of the tapped button ({@link Kind#CHOICE})
 * @param command the command ({@link Kind#COMMAND}): start, restart, help, language, scout, delete, plan, or any
 * other word, which gets an "unknown command" answer
 * @param welcomed whether the channel already showed the welcome (the web widget does when it opens)
 * @param countryHint the channel's best guess of the user's country (an ISO code: time zone, language, calling
 * code), or {@code null}; used in memory for this message only, never stored and never logged, and a country the
 * user chose always wins
 */
public record InboundMessage(Channel channel, String userId, String replyAddress, String messageId,
		String localeHint, Kind kind, String text, String choice, String command, boolean welcomed,
		String countryHint) {

	public enum Kind {

		TEXT, CHOICE, COMMAND, MEDIA

	}

	public InboundMessage {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(kind, "kind");
		if (kind == Kind.TEXT && text == null || kind == Kind.CHOICE && choice == null
				|| kind == Kind.COMMAND && command == null) {
			throw new IllegalArgumentException("a " + kind + " message needs its content");
		}
	}

	public static InboundMessage text(Channel channel, String userId, String messageId, String text) {
		return new InboundMessage(channel, userId, null, messageId, null, Kind.TEXT, text, null, null, false,
				null);
	}

	public static InboundMessage choice(Channel channel, String userId, String messageId, String choice) {
		return new InboundMessage(channel, userId, null, messageId, null, Kind.CHOICE, null, choice, null, false,
				null);
	}

	public static InboundMessage command(Channel channel, String userId, String messageId, String command) {
		return new InboundMessage(channel, userId, null, messageId, null, Kind.COMMAND, null, null, command, false,
				null);
	}

	public static InboundMessage media(Channel channel, String userId, String messageId) {
		return new InboundMessage(channel, userId, null, messageId, null, Kind.MEDIA, null, null, null, false,
				null);
	}

	/** Names the message's kind and ids only: text, user id and reply address are personal data and stay out of logs. */
	@Override
	public String toString() {
		return "InboundMessage[channel=" + channel + ", kind=" + kind + ", command=" + command + "]";
	}

	/** @return the same message with the channel's reply address, language hint and welcome flag */
	public InboundMessage from(String address, String locale, boolean alreadyWelcomed) {
		return new InboundMessage(channel, userId, address, messageId, locale, kind, text, choice, command,
				alreadyWelcomed, countryHint);
	}

	/** @return the same message with the channel's guess of the user's country ({@code null}: none) */
	public InboundMessage withCountryHint(String country) {
		return new InboundMessage(channel, userId, replyAddress, messageId, localeHint, kind, text, choice, command,
				welcomed, country);
	}

}
