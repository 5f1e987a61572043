package org.scoutline.channel.webchat;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.scoutline.conversation.Bubble;
import org.scoutline.conversation.Choice;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.schedule.OpeningDecision;
import org.scoutline.schedule.Occurrence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The JSON frames the server sends to the widget ({@code docs/widget-protocol.md}), each
 * named by its {@code type} the same way as the frames the widget sends
 * ({@link WidgetFrame}).
 */
final class WebChatFrames {

	private WebChatFrames() {
	}

	/**
	 * A frame to the widget; Jackson writes its {@link JsonTypeName} as {@code type},
	 * first.
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
	sealed interface Frame permits Ready, Bot, Typing, Schedule, Error, Deleted {

	}

	/**
	 * @param history the conversation so far, or when {@code resumed} the lines after the
	 * {@code seq} of the {@code hello}
	 * @param scout whether a scout holds the chat now (the widget then sends
	 * {@code typing} frames)
	 * @param seq the number of the conversation's last transcript line ({@code 0}: none)
	 * @param resumed whether {@code history} is exactly what the widget missed (else it
	 * shows it from scratch)
	 */
	@JsonTypeName("ready")
	record Ready(String token, String locale, List<Line> history, List<ChoiceView> choices, boolean scout, long seq,
			boolean resumed) implements Frame {

		static Ready of(String token, String locale, List<TranscriptEntry> history, List<Choice> choices, boolean scout,
				long seq, boolean resumed) {
			long first = seq - history.size() + 1;
			List<Line> lines = new ArrayList<>(history.size());
			for (int i = 0; i < history.size(); i++) {
				lines.add(Line.of(history.get(i), first + i));
			}
			return new Ready(token, locale, lines, ChoiceView.of(choices), scout, seq, resumed);
		}

	}

	/**
	 * @param scout set only on frames the handover pushes (a scout wrote, joined, left or
	 * closed): whether a scout holds the chat now; absent on the bot's answers
	 * @param seq the number of the last transcript line the frame shows, absent when it
	 * shows none that is stored (the queue position, a refusal, the welcome)
	 */
	@JsonTypeName("bot")
	record Bot(String locale, List<MessageView> messages, List<ChoiceView> choices,
			@JsonInclude(JsonInclude.Include.NON_NULL) Boolean scout,
			@JsonInclude(JsonInclude.Include.NON_NULL) Long seq) implements Frame {

		static Bot of(String locale, List<Bubble> bubbles, List<Choice> choices) {
			return of(locale, bubbles, choices, null, 0);
		}

		/**
		 * @param seq the number of the last stored line among {@code bubbles}, {@code 0}
		 * when none is stored
		 */
		static Bot of(String locale, List<Bubble> bubbles, List<Choice> choices, Boolean scout, long seq) {
			return new Bot(locale, bubbles.stream().map(MessageView::of).toList(), ChoiceView.of(choices), scout,
					seq > 0 ? seq : null);
		}

	}

	/**
	 * @param name the scout's first name or alias, shown as "<name> is typing…" for a few
	 * seconds
	 */
	@JsonTypeName("typing")
	record Typing(String name) implements Frame {
	}

	/**
	 * The widget's live line: whether scouts answer now. Names no scout and nothing about
	 * any user: the same frame goes to every widget.
	 *
	 * @param state {@code open} (a scout will answer), {@code busy} (a session runs but
	 * takes no new chat now: no scout checked in yet, queue full, or its last minutes) or
	 * {@code closed} (no session runs)
	 * @param until when the running session ends (ISO-8601 with offset), {@code null}
	 * when none runs
	 * @param next while {@code closed}: the next sessions on the widget's channel,
	 * soonest first, at most three; else empty
	 */
	@JsonTypeName("schedule")
	record Schedule(String state, @JsonInclude(JsonInclude.Include.ALWAYS) String until,
			List<NextSession> next) implements Frame {

		static Schedule of(OpeningDecision decision) {
			if (decision instanceof OpeningDecision.Open open) {
				return new Schedule("open", instant(open.occurrence().end()), List.of());
			}
			OpeningDecision.Closed closed = (OpeningDecision.Closed) decision;
			if (closed.live() != null) {
				return new Schedule("busy", instant(closed.live().end()), List.of());
			}
			return new Schedule("closed", null, closed.next().stream().map(NextSession::of).toList());
		}

		private static String instant(ZonedDateTime time) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.truncatedTo(ChronoUnit.SECONDS));
		}

	}

	/**
	 * @param timeZone the session's own zone (IANA id); the widget shows the times in the
	 * browser's zone
	 */
	record NextSession(String title, String topic, String start, String end, String timeZone) {

		static NextSession of(Occurrence occurrence) {
			return new NextSession(occurrence.session().title(), occurrence.session().topic(),
					Schedule.instant(occurrence.start()), Schedule.instant(occurrence.end()),
					occurrence.session().zone().getId());
		}

	}

	@JsonTypeName("error")
	record Error(String code, String message) implements Frame {
	}

	@JsonTypeName("deleted")
	record Deleted(String message) implements Frame {
	}

	/**
	 * @param seq the line's number in the conversation
	 */
	record Line(String from, String text, String kind, long seq,
			@JsonInclude(JsonInclude.Include.NON_NULL) String name) {

		static Line of(TranscriptEntry entry, long seq) {
			return new Line(entry.author().name().toLowerCase(Locale.ROOT), entry.text(),
					entry.kind().name().toLowerCase(Locale.ROOT), seq, entry.name());
		}

	}

	/**
	 * @param from {@code scout} for what a scout wrote, else absent (the bot)
	 * @param name the alias of the scout who wrote it ("Lena"), else absent
	 */
	record MessageView(String text, String kind, String from, @JsonInclude(JsonInclude.Include.NON_NULL) String name) {

		static MessageView of(Bubble bubble) {
			if (bubble.kind() == Bubble.Kind.SCOUT) {
				return new MessageView(bubble.text(), "text", "scout", bubble.name());
			}
			return new MessageView(bubble.text(), bubble.kind().name().toLowerCase(), null, null);
		}

	}

	record ChoiceView(String id, String label) {

		static ChoiceView of(Choice choice) {
			return new ChoiceView(choice.id(), choice.label());
		}

		/**
		 * @return the buttons the widget shows: not those that open a part of the plan,
		 * because the widget shows the plan's sections folded inside it and copies the
		 * plan itself ({@link Choice#PLAN_PART})
		 */
		static List<ChoiceView> of(List<Choice> choices) {
			return choices.stream().filter(choice -> !choice.opensPlanPart()).map(ChoiceView::of).toList();
		}

	}

}
