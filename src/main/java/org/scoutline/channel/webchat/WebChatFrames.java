package org.scoutline.channel.webchat;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.schedule.OpeningDecision;
import org.scoutline.schedule.Occurrence;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON frames the server sends to the widget ({@code docs/widget-protocol.md}). */
final class WebChatFrames {

	private WebChatFrames() {
	}

	/** @param scout whether a scout holds the chat now (the widget then sends {@code typing} frames) */
	record Ready(String type, String token, String locale, List<Line> history, List<ChoiceView> choices,
			boolean scout) {

		Ready(String token, String locale, List<TranscriptEntry> history, List<Choice> choices, boolean scout) {
			this("ready", token, locale, history.stream().map(Line::of).toList(), ChoiceView.of(choices), scout);
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
			this("bot", locale, bubbles.stream().map(MessageView::of).toList(), ChoiceView.of(choices), scout);
		}

	}

	/** @param name the scout's first name or alias, shown as "<name> is typing…" for a few seconds */
	record Typing(String type, String name) {

		Typing(String name) {
			this("typing", name);
		}

	}

	/**
	 * The widget's live line: whether scouts answer now. Names no scout and nothing about any user: the same frame
	 * goes to every widget.
	 *
	 * @param state {@code open} (a scout will answer), {@code busy} (a session runs but takes no new chat now: no
	 * scout checked in yet, queue full, or its last minutes) or {@code closed} (no session runs)
	 * @param until when the running session ends (ISO-8601 with offset), {@code null} when none runs
	 * @param next while {@code closed}: the next sessions on the widget's channel, soonest first, at most three;
	 * else empty
	 */
	record Schedule(String type, String state, @JsonInclude(JsonInclude.Include.ALWAYS) String until,
			List<NextSession> next) {

		static Schedule of(OpeningDecision decision) {
			if (decision instanceof OpeningDecision.Open open) {
				return new Schedule("schedule", "open", instant(open.occurrence().end()), List.of());
			}
			OpeningDecision.Closed closed = (OpeningDecision.Closed) decision;
			if (closed.live() != null) {
				return new Schedule("schedule", "busy", instant(closed.live().end()), List.of());
			}
			return new Schedule("schedule", "closed", null, closed.next().stream().map(NextSession::of).toList());
		}

		private static String instant(ZonedDateTime time) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
		}

	}

	/** @param timeZone the session's own zone (IANA id); the widget shows the times in the browser's zone */
	record NextSession(String title, String topic, String start, String end, String timeZone) {

		static NextSession of(Occurrence occurrence) {
			return new NextSession(occurrence.session().title(), occurrence.session().topic(),
					Schedule.instant(occurrence.start()), Schedule.instant(occurrence.end()),
					occurrence.session().zone().getId());
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

		/**
		 * @return the buttons the widget shows: not those that open a part of the plan, because the widget shows
		 * the plan's sections folded inside it and copies the plan itself ({@link Choice#PLAN_PART})
		 */
		static List<ChoiceView> of(List<Choice> choices) {
			return choices.stream().filter(choice -> !choice.opensPlanPart()).map(ChoiceView::of).toList();
		}

	}

}
