package org.scoutline.channel.webchat;

import java.io.IOException;
import java.util.regex.Pattern;

import org.scoutline.conversation.Channel;
import org.scoutline.conversation.Command;
import org.scoutline.conversation.InboundMessage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A JSON frame the widget sends ({@code docs/widget-protocol.md}), told apart by its
 * {@code type}. A type the server does not know reads as {@link Unknown} (answered
 * {@code unknown_type} once the frame passed the checks every frame passes). A field that
 * is not a string reads as absent, as if the widget had not sent it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", defaultImpl = WidgetFrame.Unknown.class)
@JsonSubTypes({ @JsonSubTypes.Type(value = WidgetFrame.Hello.class, name = "hello"),
		@JsonSubTypes.Type(value = WidgetFrame.Typing.class, name = "typing"),
		@JsonSubTypes.Type(value = WidgetFrame.Text.class, name = "text"),
		@JsonSubTypes.Type(value = WidgetFrame.Tap.class, name = "choice"),
		@JsonSubTypes.Type(value = WidgetFrame.Order.class, name = "command"),
		@JsonSubTypes.Type(value = WidgetFrame.File.class, names = { "file", "image", "media" }) })
@JsonIgnoreProperties(ignoreUnknown = true)
sealed interface WidgetFrame {

	/** what the widget tells a user who sent a file: it was removed, never stored */
	String MEDIA_NOTICE = "system.media_removed";

	/**
	 * The first frame of a connection.
	 *
	 * @param token the secret the server handed out earlier, {@code null} for a new
	 * conversation
	 * @param locale the page's language
	 * @param country the embedding page's {@code data-country}
	 * @param timeZone the browser's IANA time zone
	 * @param language the browser's language tag
	 * @param seq the number of the last transcript line the widget shows, when it comes
	 * back after a lost connection; {@code null} (absent, or not a whole number from 0):
	 * it shows nothing yet
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Hello(@JsonDeserialize(using = TextOnly.class) String token,
			@JsonDeserialize(using = TextOnly.class) String locale,
			@JsonDeserialize(using = TextOnly.class) String country,
			@JsonDeserialize(using = TextOnly.class) String timeZone,
			@JsonDeserialize(using = TextOnly.class) String language,
			@JsonDeserialize(using = CountOnly.class) Long seq) implements WidgetFrame {

		static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

		/**
		 * @return the token offered, when it has the shape of one the server hands out,
		 * else {@code null}
		 */
		String validToken() {
			return token != null && TOKEN.matcher(token).matches() ? token : null;
		}

	}

	/** The user is typing (while a scout holds the chat). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Typing() implements WidgetFrame {
	}

	/**
	 * A frame that is a message of the user, with the message id the widget gave it
	 * ({@code null}: none).
	 */
	sealed interface Message extends WidgetFrame {

		Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

		String id();

		/**
		 * @return whether the id is absent or has the shape the protocol allows
		 */
		default boolean validId() {
			return id() == null || ID.matcher(id()).matches();
		}

		/**
		 * @return what the hotline gets, {@code null} when the frame lacks what its type
		 * needs
		 */
		InboundMessage inbound(String token);

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Text(@JsonDeserialize(using = TextOnly.class) String id,
			@JsonDeserialize(using = TextOnly.class) String text) implements Message {

		@Override
		public InboundMessage inbound(String token) {
			return text == null ? null : InboundMessage.text(Channel.WEB, token, id, text);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Tap(@JsonDeserialize(using = TextOnly.class) String id,
			@JsonDeserialize(using = TextOnly.class) String choice) implements Message {

		private static final Pattern CHOICE_ID = Pattern.compile("[a-z0-9_]{1,64}");

		@Override
		public InboundMessage inbound(String token) {
			return choice != null && CHOICE_ID.matcher(choice).matches()
					? InboundMessage.choice(Channel.WEB, token, id, choice) : null;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Order(@JsonDeserialize(using = TextOnly.class) String id,
			@JsonDeserialize(using = TextOnly.class) String command) implements Message {

		@Override
		public InboundMessage inbound(String token) {
			return command == null ? null : InboundMessage.command(Channel.WEB, token, id, Command.exactly(command));
		}

	}

	/**
	 * The user pasted or dropped a file ({@code file}, {@code image}, {@code media}):
	 * only the notice, no content.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record File(@JsonDeserialize(using = TextOnly.class) String id) implements Message {

		@Override
		public InboundMessage inbound(String token) {
			return InboundMessage.media(Channel.WEB, token, id, MEDIA_NOTICE);
		}

	}

	/** A type the server does not know; its id is still checked like any message's. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Unknown(@JsonDeserialize(using = TextOnly.class) String id) implements Message {

		@Override
		public InboundMessage inbound(String token) {
			return null;
		}

	}

	/**
	 * Reads a whole number from 0 as it is and anything else (a string, a fraction, a
	 * negative number, an object) as absent.
	 */
	final class CountOnly extends JsonDeserializer<Long> {

		@Override
		public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != NumberType.BIG_INTEGER
					&& parser.getLongValue() >= 0) {
				return parser.getLongValue();
			}
			parser.skipChildren();
			return null;
		}

	}

	/** Reads a string as it is and anything else (a number, an object) as absent. */
	final class TextOnly extends JsonDeserializer<String> {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				return parser.getText();
			}
			parser.skipChildren();
			return null;
		}

	}

}
