package org.scoutline.conversation;

import java.util.Objects;

/**
 * A message from a user as a channel adapter understood it: one of a few kinds, each with
 * only what it carries, and the same {@link Origin} for all. The raw user id and reply
 * address only pass through: the user id becomes a pseudonym, the reply address is stored
 * encrypted inside the conversation.
 */
public sealed interface InboundMessage {

	/**
	 * @return where the message came from and how to answer it
	 */
	Origin origin();

	/**
	 * @return the same message from {@code origin}
	 */
	InboundMessage from(Origin origin);

	/**
	 * Where a message came from.
	 *
	 * @param channel the channel
	 * @param userId the channel's id of the user (chat id, phone number, web token)
	 * @param replyAddress what the channel needs to answer, or {@code null}
	 * @param messageId the channel's id of this message, for de-duplication, or
	 * {@code null}
	 * @param localeHint the user's language as the channel knows it, or {@code null}
	 * @param welcomed whether the channel already showed the welcome (the web widget does
	 * when it opens)
	 * @param countryHint the channel's best guess of the user's country (an ISO code:
	 * time zone, language, calling code), or {@code null}; used in memory for this
	 * message only, never stored and never logged, and a country the user chose always
	 * wins
	 */
	record Origin(Channel channel, String userId, String replyAddress, String messageId, String localeHint,
			boolean welcomed, String countryHint, boolean foldsSections) {

		public Origin {
			Objects.requireNonNull(channel, "channel");
			Objects.requireNonNull(userId, "userId");
		}

		/**
		 * @return an origin with nothing known but the channel, the user and the message
		 * id
		 */
		public static Origin of(Channel channel, String userId, String messageId) {
			return new Origin(channel, userId, null, messageId, null, false, null, false);
		}

		/**
		 * Names the channel only: user id, reply address and hints are personal data and
		 * stay out of logs.
		 */
		@Override
		public String toString() {
			return "Origin[channel=" + channel + "]";
		}

	}

	/** Something the user typed. */
	record Typed(Origin origin, String text) implements InboundMessage {

		public Typed {
			Objects.requireNonNull(text, "text");
		}

		@Override
		public Typed from(Origin origin) {
			return new Typed(origin, text);
		}

		@Override
		public String toString() {
			return "Typed[" + origin + "]";
		}

	}

	/** A button the user tapped, by its id. */
	record Tapped(Origin origin, String choice) implements InboundMessage {

		public Tapped {
			Objects.requireNonNull(choice, "choice");
		}

		@Override
		public Tapped from(Origin origin) {
			return new Tapped(origin, choice);
		}

		@Override
		public String toString() {
			return "Tapped[" + origin + "]";
		}

	}

	/** A command: {@link Command#UNKNOWN} for a word that is none of ours. */
	record Commanded(Origin origin, Command command) implements InboundMessage {

		public Commanded {
			Objects.requireNonNull(command, "command");
		}

		@Override
		public Commanded from(Origin origin) {
			return new Commanded(origin, command);
		}

	}

	/**
	 * A photo, video, file, voice note or sticker: never fetched, never stored, only
	 * refused, with {@code notice} (a system text key chosen by the channel, which knows
	 * what it did with the media).
	 */
	record Media(Origin origin, String notice) implements InboundMessage {

		public Media {
			Objects.requireNonNull(notice, "notice");
		}

		@Override
		public Media from(Origin origin) {
			return new Media(origin, notice);
		}

	}

	/**
	 * A text the user changed after sending it (Telegram). The conversation has moved on,
	 * so an edit is answered only when it holds a crisis signal, and then like a typed
	 * message: help must never be missed.
	 */
	record Edited(Origin origin, String text) implements InboundMessage {

		public Edited {
			Objects.requireNonNull(text, "text");
		}

		@Override
		public Edited from(Origin origin) {
			return new Edited(origin, text);
		}

		@Override
		public String toString() {
			return "Edited[" + origin + "]";
		}

	}

	/**
	 * @return the channel it came from
	 */
	default Channel channel() {
		return origin().channel();
	}

	/**
	 * @return the channel's id of the user
	 */
	default String userId() {
		return origin().userId();
	}

	/**
	 * @return the channel's id of the message, or {@code null}
	 */
	default String messageId() {
		return origin().messageId();
	}

	/**
	 * @return the channel's language hint, or {@code null}
	 */
	default String localeHint() {
		return origin().localeHint();
	}

	/**
	 * @return the channel's guess of the country, or {@code null}
	 */
	default String countryHint() {
		return origin().countryHint();
	}

	/**
	 * @return the same message with the channel's reply address, language hint and
	 * welcome flag
	 */
	default InboundMessage from(String address, String locale, boolean alreadyWelcomed) {
		Origin o = origin();
		return from(new Origin(o.channel(), o.userId(), address, o.messageId(), locale, alreadyWelcomed,
				o.countryHint(), o.foldsSections()));
	}

	/**
	 * @return the same message with the channel's guess of the user's country
	 * ({@code null}: none)
	 */
	default InboundMessage withCountryHint(String country) {
		Origin o = origin();
		return from(new Origin(o.channel(), o.userId(), o.replyAddress(), o.messageId(), o.localeHint(), o.welcomed(),
				country, o.foldsSections()));
	}

	/**
	 * @return the same message from a channel that shows the plan's sections folded
	 * inside the plan (the web widget); messengers get them one at a time through the
	 * plan's choices instead, so they are neither sent nor kept in the transcript there
	 */
	default InboundMessage showingSectionsFolded() {
		Origin o = origin();
		return from(new Origin(o.channel(), o.userId(), o.replyAddress(), o.messageId(), o.localeHint(), o.welcomed(),
				o.countryHint(), true));
	}

	static InboundMessage text(Channel channel, String userId, String messageId, String text) {
		return new Typed(Origin.of(channel, userId, messageId), text);
	}

	static InboundMessage choice(Channel channel, String userId, String messageId, String choice) {
		return new Tapped(Origin.of(channel, userId, messageId), choice);
	}

	static InboundMessage command(Channel channel, String userId, String messageId, Command command) {
		return new Commanded(Origin.of(channel, userId, messageId), command);
	}

	/**
	 * @param notice the system text ({@code system.*}) that tells the user what the
	 * channel did with the media (removed it, deleted it from the chat, never fetched it)
	 */
	static InboundMessage media(Channel channel, String userId, String messageId, String notice) {
		return new Media(Origin.of(channel, userId, messageId), notice);
	}

	static InboundMessage edited(Channel channel, String userId, String messageId, String text) {
		return new Edited(Origin.of(channel, userId, messageId), text);
	}

}
