package org.scoutline.channel.webchat;

import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.TranscriptEntry;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON frames the server sends to the widget ({@code docs/widget-protocol.md}). */
final class WebChatFrames {

	private WebChatFrames() {
	}

	/** @param scout whether a scout holds the chat now (the widget then sends {@code typing} frames) */
	record Ready(String type, String token, String locale, List<Line> history, List<ChoiceView> choices,
			boolean scout) {

		Ready(String token, String locale, List<TranscriptEntry> history, List<Choice> choices, boolean scout) {
			this("ready", token, locale, history.stream().map(Line::of).toList(),
					choices.stream().map(ChoiceView::of).toList(), scout);
		}

	}

	/**
	 * @param scout set only on frames the handover pushes (a scout wrote, joined, left or closed): whether a scout
	 * holds the chat now; absent on the bot's answers
	 */
	record Bot(String type, String locale, List<MessageView> messages, List<ChoiceView> choices,
			@JsonInclude(JsonInclude.Include.NON_NULL) Boolean scout) {

		Bot(String locale, List<Bubble> bubbles, List<Choice> choices) {
			this(locale, bubbles, choices, null);
		}

		Bot(String locale, List<Bubble> bubbles, List<Choice> choices, Boolean scout) {
			this("bot", locale, bubbles.stream().map(MessageView::of).toList(),
					choices.stream().map(ChoiceView::of).toList(), scout);
		}

	}

	/** @param name the scout's first name or alias, shown as "<name> is typing…" for a few seconds */
	record Typing(String type, String name) {

		Typing(String name) {
			this("typing", name);
		}

	}

	record Error(String type, String code, String message) {

		Error(String code, String message) {
			this("error", code, message);
		}

	}

	record Deleted(String type, String message) {

		Deleted(String message) {
			this("deleted", message);
		}

	}

	record Line(String from, String text, String kind) {

		static Line of(TranscriptEntry entry) {
			return new Line(entry.author().name().toLowerCase(), entry.text(), entry.kind().name().toLowerCase());
		}

	}

	/** @param from {@code scout} for what a scout wrote, else absent (the bot) */
	record MessageView(String text, String kind, String from) {

		static MessageView of(Bubble bubble) {
			if (bubble.kind() == Bubble.Kind.SCOUT) {
				return new MessageView(bubble.text(), "text", "scout");
			}
			return new MessageView(bubble.text(), bubble.kind().name().toLowerCase(), null);
		}

	}

	record ChoiceView(String id, String label) {

		static ChoiceView of(Choice choice) {
			return new ChoiceView(choice.id(), choice.label());
		}

	}

}
