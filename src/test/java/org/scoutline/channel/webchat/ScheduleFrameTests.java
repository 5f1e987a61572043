package org.scoutline.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.scoutline.conversation.Channel;
import org.scoutline.schedule.ClosedReason;
import org.scoutline.schedule.LiveSession;
import org.scoutline.schedule.Occurrence;
import org.scoutline.schedule.OpeningDecision;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The widget's {@code schedule} frame rendered from the opening rule's answers, without
 * Spring.
 */
class ScheduleFrameTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** as the app configures it: nulls are left out unless a field says otherwise */
	static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

	// 24 March 2026 is still winter time in Berlin (+01:00); 31 March is summer time
	// (+02:00)
	static final Occurrence TONIGHT = occurrence("Abendsprechstunde", "Sextortion", "2026-03-24T18:00", 120);

	static final List<Occurrence> NEXT = List.of(occurrence("Safer Internet Day", "Deepfakes", "2026-03-26T19:00", 90),
			occurrence("Abendsprechstunde", "Sextortion", "2026-03-31T18:00", 120),
			occurrence("Abendsprechstunde", null, "2026-04-02T18:00", 120));

	@Test
	void openSaysUntilWhenTheRunningSessionEndsAndListsNothingElse() throws Exception {
		JsonNode frame = render(new OpeningDecision.Open(TONIGHT, 4));
		assertThat(frame.path("type").asText()).isEqualTo("schedule");
		assertThat(frame.path("state").asText()).isEqualTo("open");
		assertThat(frame.path("until").asText()).isEqualTo("2026-03-24T20:00:00+01:00");
		assertThat(frame.path("next")).isEmpty();
		assertThat(frame.has("capacity")).as("capacity is internal").isFalse();
	}

	@Test
	void aRunningSessionThatTakesNoNewChatIsBusyWhateverTheReason() throws Exception {
		for (ClosedReason reason : List.of(ClosedReason.NO_SCOUT_CHECKED_IN, ClosedReason.QUEUE_FULL,
				ClosedReason.ESCALATIONS_STOPPED)) {
			JsonNode frame = render(new OpeningDecision.Closed(reason, NEXT, TONIGHT));
			assertThat(frame.path("state").asText()).as(reason.name()).isEqualTo("busy");
			assertThat(frame.path("until").asText()).isEqualTo("2026-03-24T20:00:00+01:00");
			assertThat(frame.path("next")).isEmpty();
			assertThat(frame.toString()).as("the reason is not shown").doesNotContain(reason.name());
		}
	}

	@Test
	void closedHasNoUntilAndListsTheNextSessionsWithTheirOwnOffsets() throws Exception {
		JsonNode frame = render(new OpeningDecision.Closed(ClosedReason.NO_SESSION, NEXT));
		assertThat(frame.path("state").asText()).isEqualTo("closed");
		assertThat(frame.has("until")).as("until is present, as null").isTrue();
		assertThat(frame.path("until").isNull()).isTrue();
		assertThat(frame.path("next")).hasSize(3);
		JsonNode first = frame.path("next").get(0);
		assertThat(first.path("title").asText()).isEqualTo("Safer Internet Day");
		assertThat(first.path("topic").asText()).isEqualTo("Deepfakes");
		assertThat(first.path("start").asText()).isEqualTo("2026-03-26T19:00:00+01:00");
		assertThat(first.path("end").asText()).isEqualTo("2026-03-26T20:30:00+01:00");
		assertThat(first.path("timeZone").asText()).isEqualTo("Europe/Berlin");
		assertThat(frame.path("next").get(1).path("start").asText()).isEqualTo("2026-03-31T18:00:00+02:00");
		assertThat(frame.path("next").get(2).has("topic")).as("no topic, no field").isFalse();
	}

	@Test
	void closedWithNothingAheadHasAnEmptyList() throws Exception {
		JsonNode frame = render(new OpeningDecision.Closed(ClosedReason.NO_SESSION, List.of()));
		assertThat(frame.path("state").asText()).isEqualTo("closed");
		assertThat(frame.path("next").isArray()).isTrue();
		assertThat(frame.path("next")).isEmpty();
	}

	@Test
	void theFrameNamesNoOneOnDuty() throws Exception {
		String open = JSON.writeValueAsString(WebChatFrames.Schedule.of(new OpeningDecision.Open(TONIGHT, 2)));
		String closed = JSON
			.writeValueAsString(WebChatFrames.Schedule.of(new OpeningDecision.Closed(ClosedReason.NO_SESSION, NEXT)));
		assertThat(open + closed).doesNotContain("anna", "sam", "supervisor", "scouts");
	}

	@Test
	void equalDecisionsRenderTheSameText() throws Exception {
		String one = JSON.writeValueAsString(WebChatFrames.Schedule.of(new OpeningDecision.Open(TONIGHT, 2)));
		String other = JSON.writeValueAsString(WebChatFrames.Schedule.of(new OpeningDecision.Open(TONIGHT, 6)));
		assertThat(one).as("a change of capacity alone sends nothing").isEqualTo(other);
	}

	static JsonNode render(OpeningDecision decision) throws Exception {
		return JSON.readTree(JSON.writeValueAsString(WebChatFrames.Schedule.of(decision)));
	}

	static Occurrence occurrence(String title, String topic, String start, int minutes) {
		LocalDateTime from = LocalDateTime.parse(start);
		LiveSession session = new LiveSession("s-" + start, title, topic, List.of("de"), List.of(Channel.WEB),
				from.atZone(BERLIN), from.plusMinutes(minutes).atZone(BERLIN), List.of("anna"), "sam", 10, 10, null,
				List.of());
		return new Occurrence(session, from.atZone(BERLIN), from.plusMinutes(minutes).atZone(BERLIN));
	}

}
