package org.scoutline.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.scoutline.conversation.Conversation;
import org.scoutline.conversation.ConversationId;
import org.scoutline.conversation.Conversations;
import org.scoutline.conversation.Conversations.Transcript;
import org.scoutline.conversation.CrisisSignal;
import org.scoutline.conversation.TranscriptEntry;
import org.scoutline.handover.ChatState;
import org.scoutline.handover.ScoutSide;
import org.springframework.stereotype.Component;

/**
 * What the console shows about a chat in the queue and in the chat view: its number of
 * the day, channel, language, mode, the triage's facts (as codes and in words, see
 * {@link ChatWording}), the crisis signal on record (kind, severity, when; never the
 * words), who holds it and since when; in the chat view of a crisis chat also the help
 * next to it ({@link CrisisHelp}).
 */
@Component
class ChatSummaries {

	private final Conversations conversations;

	private final ScoutSide handover;

	private final Clock clock;

	private final ChatNumbers numbers;

	private final ChatWording wording;

	private final CrisisHelp help;

	ChatSummaries(Conversations conversations, ScoutSide handover, Clock clock, ChatNumbers numbers,
			ChatWording wording, CrisisHelp help) {
		this.conversations = conversations;
		this.handover = handover;
		this.clock = clock;
		this.numbers = numbers;
		this.wording = wording;
		this.help = help;
	}

	/**
	 * @param language the reader's language: the facts in words, in it
	 * @return the chat's summary, empty when its conversation no longer exists
	 */
	Optional<Map<String, Object>> of(ConversationId id, String language) {
		Optional<Conversation> found = conversations.get(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Conversation c = found.get();
		ChatState state = handover.state(id);
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("id", id.value());
		s.put("channel", c.channel().name().toLowerCase());
		s.put("locale", c.locale());
		s.put("mode", c.mode().name().toLowerCase());
		Optional<CrisisSignal> worst = CrisisSignal.worst(c.facts());
		Optional<CrisisSignal> latest = CrisisSignal.latest(c.facts()).filter(l -> !worst.equals(Optional.of(l)));
		s.put("crisis", state.crisis() || "imminent".equals(c.risk()) || worst.isPresent());
		s.put("urgent", state.imminent() || worst.filter(CrisisSignal::imminent).isPresent());
		// that the user wrote a crisis message (kind, severity, when; never the words),
		// even after a "no" in the
		// risk screen: the most severe one and, when it differs, the latest
		s.put("signal", worst.map(ChatSummaries::signal).orElse(null));
		s.put("lastSignal", latest.map(ChatSummaries::signal).orElse(null));
		s.put("risk", c.risk());
		Map<String, String> facts = new LinkedHashMap<>(c.facts());
		CrisisSignal.FACTS.forEach(facts::remove);
		s.put("facts", facts);
		s.put("number", numbers.of(id));
		s.put("words",
				Map.of("line", wording.line(facts, language), "facts", wording.facts(facts, c.risk(), language)));
		s.put("scout", state.scout());
		s.put("queuedAt", state.queuedAt());
		s.put("claimedAt", state.claimedAt());
		s.put("startedAt", c.startedAt().toEpochMilli());
		s.put("now", clock.millis());
		return Optional.of(s);
	}

	/**
	 * @return the chat's summary as {@link #of} and, for a crisis chat, what the scout
	 * needs next to it ({@code crisisHelp}, see {@link CrisisHelp})
	 */
	Optional<Map<String, Object>> detail(ConversationId id, String language) {
		return of(id, language).map(s -> {
			if (Boolean.TRUE.equals(s.get("crisis"))) {
				@SuppressWarnings("unchecked")
				Map<String, String> facts = (Map<String, String>) s.get("facts");
				s.put("crisisHelp", help.of(facts.get("country"), language));
			}
			return s;
		});
	}

	private static Map<String, Object> signal(CrisisSignal signal) {
		return Map.of("kind", signal.kind(), "severity", signal.severity(), "at", signal.at().toEpochMilli());
	}

	/**
	 * @param after the number of the last line the console has ({@code 0}: none)
	 * @return the lines after it, oldest first, at most the last 200, each with its
	 * {@code seq}; the chat's last {@code seq}; and whether these are all the lines after
	 * {@code after} ({@code complete}; if not, the console shows the chat from scratch)
	 */
	Map<String, Object> transcript(ConversationId id, long after) {
		Transcript read = conversations.since(id, after, 200);
		List<Map<String, Object>> lines = new ArrayList<>();
		for (int i = 0; i < read.lines().size(); i++) {
			TranscriptEntry line = read.lines().get(i);
			Map<String, Object> shown = new LinkedHashMap<>(
					Map.of("seq", read.seq(i), "from", line.author().name().toLowerCase(), "text", line.text(), "kind",
							line.kind().name().toLowerCase(), "at", line.at().toEpochMilli()));
			if (line.name() != null) {
				shown.put("name", line.name());
			}
			lines.add(shown);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("seq", read.last());
		out.put("complete", read.complete());
		out.put("lines", lines);
		return out;
	}

}
