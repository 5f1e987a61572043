package org.scoutline.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One line of a conversation's transcript. Media never appears, only
 * {@link #MEDIA_REMOVED}.
 *
 * @param at when it was said
 * @param author who said it
 * @param text what was said
 * @param kind how it was shown
 * @param name for a scout's line, the alias the user saw it under ("Lena"), else
 * {@code null}
 */
public record TranscriptEntry(Instant at, Author author, String text, Bubble.Kind kind, String name) {

	/**
	 * A line without a name (the user's, the bot's, or a scout's stored before names
	 * were).
	 */
	public TranscriptEntry(Instant at, Author author, String text, Bubble.Kind kind) {
		this(at, author, text, kind, null);
	}

	/** What the transcript and the console show instead of any picture, video or file. */
	public static final String MEDIA_REMOVED = "[media removed]";

	public enum Author {

		USER, BOT, SCOUT

	}

	public static TranscriptEntry fromUser(Instant at, String text) {
		return new TranscriptEntry(at, Author.USER, text, Bubble.Kind.TEXT);
	}

	/**
	 * @param alias the name the user sees the line under, or {@code null}
	 */
	public static TranscriptEntry fromScout(Instant at, String text, String alias) {
		return new TranscriptEntry(at, Author.SCOUT, text, Bubble.Kind.TEXT, alias);
	}

	/**
	 * @return one bot line per bubble, all at {@code at}
	 */
	public static List<TranscriptEntry> fromBot(Instant at, List<Bubble> bubbles) {
		return bubbles.stream().map(bubble -> fromBot(at, bubble)).toList();
	}

	public static TranscriptEntry fromBot(Instant at, Bubble bubble) {
		return new TranscriptEntry(at, Author.BOT, bubble.text(), bubble.kind());
	}

}
